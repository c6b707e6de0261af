// A figure at a token: digits ("2,000", "$500m", "1.5bn") or words ("six million"), with the
// qualifier before it ("more than") and whether a label makes it an identifier ("Article 4").
import { glued, isDigit, isLetter, spaced, type Token } from "./tokenize";
import { COMPACT_SCALES, COMPACT_UNITS, CURRENCY_SIGNS, LABEL_WORDS, QUALIFIER_PHRASES, SCALE_WORDS, SMALL_NUMBERS, VAGUE_PLURALS, type Qualifier } from "./vocabulary";

/** Multiplying decimals by scales leaves float noise (2.3 * 1e6); keep 12 significant digits. */
function clean(n: number): number {
  return Number(n.toPrecision(12));
}

export interface Core {
  value: number;
  first: number; // token index
  last: number; // token index (inclusive)
  /** A plain four-digit integer such as 1992: possibly a year. */
  yearLike: boolean;
  currency: string | null;
  compactUnit: string | null;
  wordOnlyOne: boolean;
  /** "dozens", "hundreds of thousands": a lower bound, not a figure. */
  vague: boolean;
}

export function parseDigitCore(text: string, toks: Token[], i: number): Core | null {
  const t = toks[i]!;
  let value: number;
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t.text)) value = parseFloat(t.text.replace(/,/g, ""));
  else if (/^\d+(?:\.\d+)?$/.test(t.text)) value = parseFloat(t.text);
  else return null; // "1,5" or "1.000.000": ambiguous decimal conventions, not worth guessing
  const before = text[t.start - 1];
  const before2 = text[t.start - 2];
  // Glued to a name or code: C5+1, Rubezh-2021, COVID-19, 10:30.
  if (isLetter(before)) return null;
  if (before === "+" || (before === "-" && isLetter(before2))) return null;
  if (before === ":" && isDigit(before2)) return null;
  if (text[t.end] === ":" && isDigit(text[t.end + 1])) return null;

  let last = i;
  let scaled = false;
  let compactUnit: string | null = null;
  let currency: string | null = null;
  const prev = toks[i - 1];
  if (prev && glued(prev, t) && CURRENCY_SIGNS[prev.text]) currency = CURRENCY_SIGNS[prev.text]!;
  else if (prev && spaced(text, prev, t) && CURRENCY_SIGNS[prev.text]) currency = CURRENCY_SIGNS[prev.text]!;

  const next = toks[i + 1];
  if (next && glued(t, next) && next.kind === "word") {
    const suffix = next.lower;
    if (COMPACT_SCALES[suffix] !== undefined) {
      value *= COMPACT_SCALES[suffix]!;
      scaled = true;
      last = i + 1;
    } else if (suffix === "m" && currency) {
      value *= 1e6;
      scaled = true;
      last = i + 1;
    } else if (COMPACT_UNITS.has(suffix)) {
      compactUnit = suffix;
      last = i + 1;
    } else {
      return null; // ordinals (21st), decades (1990s), codes (5G)
    }
  } else if (next && next.kind === "word" && spaced(text, t, next) && SCALE_WORDS[next.lower] !== undefined) {
    value *= SCALE_WORDS[next.lower]!;
    scaled = true;
    last = i + 1;
  }
  return {
    value: clean(value),
    first: i,
    last,
    yearLike: /^\d{4}$/.test(t.text) && !scaled && compactUnit === null,
    currency,
    compactUnit,
    wordOnlyOne: false,
    vague: false,
  };
}

/** "dozens", "hundreds of thousands" at token i. */
function parseVagueCore(text: string, toks: Token[], i: number): Core | null {
  const t = toks[i]!;
  if (VAGUE_PLURALS[t.lower] === undefined) return null;
  let value = VAGUE_PLURALS[t.lower]!;
  let last = i;
  const of = toks[i + 1];
  const scale = toks[i + 2];
  if (of?.lower === "of" && scale && spaced(text, t, of) && spaced(text, of, scale) && VAGUE_PLURALS[scale.lower] !== undefined) {
    value *= VAGUE_PLURALS[scale.lower]! / 2;
    last = i + 2;
  }
  return { value, first: i, last, yearLike: false, currency: null, compactUnit: null, wordOnlyOne: false, vague: true };
}

export function parseWordCore(text: string, toks: Token[], i: number): Core | null {
  const vague = parseVagueCore(text, toks, i);
  if (vague) return vague;
  let total = 0;
  let current = 0;
  let sawNumber = false;
  let sawScale = false;
  let last = i - 1;
  let j = i;
  const first = toks[i]!;
  // "a million", "a hundred", "a dozen"
  if ((first.lower === "a" || first.lower === "an") && toks[i + 1] && spaced(text, first, toks[i + 1]!)) {
    const n = toks[i + 1]!.lower;
    if (SCALE_WORDS[n] !== undefined || n === "dozen") {
      current = 1;
      sawNumber = true;
      j = i + 1;
      last = i;
    } else {
      return null;
    }
  }
  while (j < toks.length) {
    const t = toks[j]!;
    if (t.kind !== "word") break;
    if (j > i && !spaced(text, toks[j - 1]!, t)) break;
    const w = t.lower;
    if (SMALL_NUMBERS[w] !== undefined) {
      // "two hundred fifty" and "twenty five" continue a number; "two three" does not.
      const afterScale = current % 100 === 0;
      const afterTens = current % 100 >= 20 && current % 10 === 0 && SMALL_NUMBERS[w]! < 10;
      if (sawNumber && !afterScale && !afterTens) break;
      current += SMALL_NUMBERS[w]!;
      sawNumber = true;
      last = j;
      // twenty-five
      const dash = toks[j + 1];
      const unitWord = toks[j + 2];
      if (
        SMALL_NUMBERS[w]! >= 20 && SMALL_NUMBERS[w]! % 10 === 0 && dash && unitWord &&
        dash.text === "-" && glued(t, dash) && glued(dash, unitWord) &&
        SMALL_NUMBERS[unitWord.lower] !== undefined && SMALL_NUMBERS[unitWord.lower]! < 10
      ) {
        current += SMALL_NUMBERS[unitWord.lower]!;
        last = j + 2;
        j += 3;
        continue;
      }
    } else if (w === "dozen" && sawNumber) {
      current *= 12;
      last = j;
    } else if (w === "hundred" && sawNumber) {
      current = (current || 1) * 100;
      sawScale = true;
      last = j;
    } else if (SCALE_WORDS[w] !== undefined && sawNumber) {
      total += (current || 1) * SCALE_WORDS[w]!;
      current = 0;
      sawScale = true;
      last = j;
    } else if (w === "and" && sawScale && toks[j + 1] && SMALL_NUMBERS[toks[j + 1]!.lower] !== undefined) {
      // "two hundred and fifty"
    } else {
      break;
    }
    j++;
  }
  if (!sawNumber || last < i) return null;
  const value = total + current;
  return {
    value: clean(value),
    first: i,
    last,
    yearLike: false,
    currency: null,
    compactUnit: null,
    wordOnlyOne: last === i && toks[i]!.lower === "one",
    vague: false,
  };
}

export function matchQualifier(text: string, toks: Token[], first: number): { qualifier: Qualifier; index: number } | null {
  for (const [words, qualifier] of QUALIFIER_PHRASES) {
    const startIdx = first - words.length;
    if (startIdx < 0) continue;
    let ok = true;
    for (let k = 0; k < words.length; k++) {
      const t = toks[startIdx + k]!;
      if (t.lower !== words[k] || !spaced(text, t, toks[startIdx + k + 1]!)) {
        ok = false;
        break;
      }
    }
    if (ok) return { qualifier, index: startIdx };
  }
  // "approx. 300"
  const dot = toks[first - 1];
  const ap = toks[first - 2];
  if (dot && ap && dot.text === "." && ap.lower === "approx" && glued(ap, dot) && spaced(text, dot, toks[first]!)) {
    return { qualifier: "about", index: first - 2 };
  }
  return null;
}

export function isLabelled(text: string, toks: Token[], first: number): boolean {
  let k = first - 1;
  if (toks[k]?.text === "." && toks[k - 1] && glued(toks[k - 1]!, toks[k]!)) k--; // "No. 5", "Art. 4"
  const prev = toks[k];
  if (!prev || prev.kind !== "word") return false;
  if (!/^[ \t\u00A0.]*$/.test(text.slice(prev.end, toks[first]!.start))) return false;
  return LABEL_WORDS.has(prev.lower);
}
