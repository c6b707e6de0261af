// What a search box's text asks for, as terms the database's full-text search can answer:
// plain words (matched as prefixes, so "paratro" finds "paratroopers"), "quoted phrases" (those
// words in that order), figures (3000 = "3,000" = "3 000" = "three thousand" = "3 thousand")
// and, for "or" and "-word", web-search syntax. Pure: lib/server/search.ts turns terms into SQL.
import { SCALE_WORDS, SMALL_NUMBERS } from "../quantities/vocabulary";

/**
 * Digit groups joined: "3,000" and "3 000" (also with a no-break or thin space) become "3000",
 * "3,000,000" becomes "3000000"; "2002, 300" and "1999 200" stay apart (a group separator sits
 * between a 1–3 digit group and exactly three digits). The index applies the same rule in SQL
 * (FIGURE_GROUP_PATTERN, migration 20261201180000_search_figures), so both sides meet.
 */
export const FIGURE_GROUP_PATTERN = "(?<=(?<![0-9])[0-9]{1,3})[, \u00a0\u202f](?=[0-9]{3}(?![0-9]))";
const FIGURE_GROUP = new RegExp(FIGURE_GROUP_PATTERN, "g");

export function joinDigitGroups(text: string): string {
  return text.replace(FIGURE_GROUP, "");
}

export type SearchTerm =
  | { kind: "word"; text: string }
  | { kind: "phrase"; text: string }
  /** Each form is a phrase that writes the value: "3000", "three thousand", "3 thousand". */
  | { kind: "figure"; value: number; forms: string[] };

export type ParsedSearch = { kind: "terms"; terms: SearchTerm[] } | { kind: "websearch"; text: string };

const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const SCALES: [number, string][] = [[1e12, "trillion"], [1e9, "billion"], [1e6, "million"], [1e3, "thousand"]];

function underThousand(n: number): string[] {
  const words: string[] = [];
  if (n >= 100) {
    words.push(ONES[Math.floor(n / 100)]!, "hundred");
    n %= 100;
  }
  if (n >= 20) words.push(n % 10 ? `${TENS[Math.floor(n / 10)]}-${ONES[n % 10]}` : TENS[Math.floor(n / 10)]!);
  else if (n > 0 || words.length === 0) words.push(ONES[n]!);
  return words;
}

/** 3000 → "three thousand", 2500 → "two thousand five hundred"; null past the trillions or for fractions. */
export function numberWords(value: number): string | null {
  if (!Number.isInteger(value) || value < 0 || value >= 1e15) return null;
  if (value === 0) return "zero";
  const words: string[] = [];
  let rest = value;
  for (const [size, name] of SCALES) {
    if (rest >= size) {
      words.push(...underThousand(Math.floor(rest / size)), name);
      rest %= size;
    }
  }
  if (rest > 0) words.push(...underThousand(rest));
  return words.join(" ");
}

/** Every way the texts may write a value: digits, words, and digits with a scale word. */
export function figureForms(value: number): string[] {
  const forms = new Set<string>([String(value)]);
  const words = numberWords(value);
  if (words) forms.add(words);
  for (const [size, name] of SCALES) {
    if (value >= size && Number.isInteger((value / size) * 100)) {
      forms.add(`${value / size} ${name}`);
      break;
    }
  }
  return [...forms];
}

const isNumberWord = (w: string) => SMALL_NUMBERS[w] !== undefined || SCALE_WORDS[w] !== undefined;

/** Value of a run of number words ("three thousand five hundred"); null if not one. */
function wordsValue(words: string[]): number | null {
  let total = 0;
  let current = 0;
  for (const raw of words) {
    for (const w of raw.split("-")) {
      if (SMALL_NUMBERS[w] !== undefined) current += SMALL_NUMBERS[w]!;
      else if (w === "hundred") current = (current || 1) * 100;
      else if (SCALE_WORDS[w] !== undefined) {
        total += (current || 1) * SCALE_WORDS[w]!;
        current = 0;
      } else return null;
    }
  }
  return total + current;
}

export function parseSearch(input: string): ParsedSearch {
  const text = joinDigitGroups(input.normalize("NFKC")).trim();
  // Exclusions and alternatives keep PostgreSQL's web-search syntax (figures joined all the same).
  if (/(^|\s)-\S|\sor\s/i.test(text)) return { kind: "websearch", text };
  const terms: SearchTerm[] = [];
  const plain = text.replace(/"([^"]*)"?/g, (_, phrase: string) => {
    if (/[\p{L}\p{N}]/u.test(phrase)) terms.push({ kind: "phrase", text: phrase.trim() });
    return " ";
  });
  const tokens = plain.match(/\d+(?:\.\d+)?|[\p{L}\p{N}]+(?:-[\p{L}]+)*/gu) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!.toLowerCase();
    if (/^\d/.test(token)) {
      let value = Number(token);
      // "3 thousand", "2.5 million"
      const scale = SCALE_WORDS[tokens[i + 1]?.toLowerCase() ?? ""];
      if (scale !== undefined) {
        value = Number((value * scale).toPrecision(12));
        i++;
      }
      terms.push({ kind: "figure", value, forms: figureForms(value) });
      continue;
    }
    if (token.split("-").every(isNumberWord)) {
      const run = [token];
      while (i + 1 < tokens.length && tokens[i + 1]!.toLowerCase().split("-").every(isNumberWord)) run.push(tokens[++i]!.toLowerCase());
      const value = wordsValue(run);
      if (value !== null && !(run.length === 1 && value <= 1)) {
        // "one" alone is a pronoun as often as a figure: searched as a word.
        terms.push({ kind: "figure", value, forms: figureForms(value) });
        continue;
      }
      for (const w of run) terms.push({ kind: "word", text: w });
      continue;
    }
    for (const part of token.split("-")) terms.push({ kind: "word", text: part });
  }
  return { kind: "terms", terms };
}
