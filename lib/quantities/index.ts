// Pull comparable numbers ("more than 2,000 troops") and dates out of claim quotes so that
// claims from different sources can be checked against each other.
// Offsets are UTF-16 code units into the input, end exclusive, like everywhere else in lib/.

export type Qualifier = "more than" | "less than" | "about" | "at least" | "at most" | "exactly";

export interface Quantity {
  value: number;
  qualifier: Qualifier | null;
  /** Lower-cased unit word as written ("paratroopers"), "percent", or a currency code ("USD"). */
  unit: string | null;
  /** The matched text: qualifier, number and unit as they appear in the input. */
  raw: string;
  start: number;
  end: number;
}

export interface DateMention {
  /**
   * "1992", "2022-01" or "2022-01-06". A day without a year ("on January 6") uses the ISO 8601
   * truncated form "--01-06", because guessing the year would invent information.
   */
  iso: string;
  raw: string;
  start: number;
  end: number;
}

export type QuantityComparison = "consistent" | "conflicting" | "incomparable";

/** Relative tolerance of "about"/"around"/"nearly" etc.: ±10%, the usual reading of a round figure. */
export const ABOUT_TOLERANCE = 0.1;

/** Bare four-digit integers in this range are read as years unless a qualifier or unit says otherwise. */
export const YEAR_MIN = 1800;
export const YEAR_MAX = 2099;

// ---------------------------------------------------------------------------------------------
// Vocabulary

// Longest phrases first so "no more than" wins over "more than".
const QUALIFIER_PHRASES: Array<[string[], Qualifier]> = (
  [
    [["in", "excess", "of"], "more than"],
    [["upwards", "of"], "more than"],
    [["more", "than"], "more than"],
    [["over"], "more than"],
    [["above"], "more than"],
    // "more six million refugees" (001): a dropped "than"; "more" never otherwise precedes a number.
    [["more"], "more than"],
    [["no", "more", "than"], "at most"],
    [["not", "more", "than"], "at most"],
    [["a", "maximum", "of"], "at most"],
    [["up", "to"], "at most"],
    [["at", "most"], "at most"],
    [["no", "fewer", "than"], "at least"],
    [["no", "less", "than"], "at least"],
    [["not", "less", "than"], "at least"],
    [["a", "minimum", "of"], "at least"],
    [["at", "least"], "at least"],
    [["less", "than"], "less than"],
    [["fewer", "than"], "less than"],
    [["under"], "less than"],
    [["below"], "less than"],
    // "nearly"/"almost" imply "slightly below", which the qualifier set cannot express; reading
    // them as "about" keeps "almost 10,000" consistent with 9,800 and 10,000 alike.
    [["an", "estimated"], "about"],
    [["close", "to"], "about"],
    [["approximately"], "about"],
    [["approx"], "about"],
    [["roughly"], "about"],
    [["around"], "about"],
    [["about"], "about"],
    [["some"], "about"],
    [["nearly"], "about"],
    [["almost"], "about"],
    [["circa"], "about"],
    [["exactly"], "exactly"],
    [["precisely"], "exactly"],
  ] as Array<[string[], Qualifier]>
).sort((a, b) => b[0].length - a[0].length);

const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALE_WORDS: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};
// Letters glued to digits: "$500m", "1.5bn", "10k".
const COMPACT_SCALES: Record<string, number> = { k: 1e3, mn: 1e6, mln: 1e6, bn: 1e9, bln: 1e9 };
const COMPACT_UNITS = new Set(["km", "kg", "cm", "mm", "mi", "ft", "t", "m"]);

const CURRENCY_SIGNS: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "₽": "RUB" };

/**
 * A number right after one of these words is an identifier, not an amount: "Article 4 of the
 * charter" says nothing about how many of anything there are.
 */
const LABEL_WORDS = new Set([
  "article", "art", "section", "sec", "chapter", "clause", "paragraph", "para", "part", "item",
  "point", "no", "number", "resolution", "protocol", "annex", "page", "p", "pp", "table", "figure",
  "fig", "rule", "amendment", "level", "phase", "stage", "round", "version", "volume", "vol",
]);

const UNIT_FAMILIES: Record<string, string> = {};
function family(name: string, words: string[]): void {
  for (const w of words) UNIT_FAMILIES[w] = name;
}
family("troops", [
  "troop", "troops", "soldier", "soldiers", "personnel", "serviceman", "servicemen", "servicewoman",
  "servicewomen", "servicemember", "servicemembers", "paratrooper", "paratroopers", "peacekeeper",
  "peacekeepers", "trooper", "troopers", "military personnel",
]);
family("people", ["people", "person", "persons", "individual", "individuals"]);
family("percent", ["percent", "per cent", "%", "pct", "per-cent"]);
family("km", ["km", "kilometre", "kilometres", "kilometer", "kilometers"]);
family("kg", ["kg", "kilogram", "kilograms", "kilogramme", "kilogrammes"]);
family("year", ["year", "years", "yr", "yrs"]);
family("month", ["month", "months"]);
family("week", ["week", "weeks"]);
family("day", ["day", "days"]);
family("USD", ["usd", "$", "us$", "dollar", "dollars"]);
family("EUR", ["eur", "€", "euro", "euros"]);
family("GBP", ["gbp", "£"]);
family("RUB", ["rub", "₽", "rouble", "roubles", "ruble", "rubles"]);

// Nouns commonly counted in news text. Used to prefer a real noun over an adjective when guessing
// the unit, and to tell "2000 troops" (a count) from "in 2000 following..." (a year).
const KNOWN_UNITS = new Set([
  ...Object.keys(UNIT_FAMILIES),
  "civilian", "civilians", "refugee", "refugees", "migrant", "migrants", "resident", "residents",
  "citizen", "citizens", "death", "deaths", "dead", "casualties", "victim", "victims", "protester",
  "protesters", "protestors", "militant", "militants", "fighter", "fighters", "member", "members",
  "country", "countries", "state", "states", "nation", "nations", "city", "cities", "region",
  "regions", "mile", "miles", "metre", "metres", "meter", "meters", "tonne", "tonnes", "ton", "tons",
  "hour", "hours", "minute", "minutes", "decade", "decades", "century", "centuries", "tank", "tanks",
  "vehicle", "vehicles", "aircraft", "plane", "planes", "helicopter", "helicopters", "jet", "jets",
  "base", "bases", "unit", "units", "battalion", "battalions", "brigade", "brigades", "officer",
  "officers", "police", "policemen", "officials", "arrests", "detainees", "hostages", "votes",
  "seats", "barrels",
]);

// Words that can sit between a number and its noun without being the noun.
const UNIT_SKIP_WORDS = new Set([
  "new", "old", "other", "more", "additional", "extra", "further", "former", "foreign", "local",
  "military", "armed", "ethnic", "regular", "elite", "special", "active", "total", "combined",
  "separate", "different", "individual", "full", "whole", "entire", "major", "key", "main",
]);

// Function words end the search for a unit: "in 1992 following the collapse" has none.
const STOP_WORDS = new Set([
  "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by",
  "with", "without", "as", "than", "that", "which", "who", "whom", "whose", "when", "where", "while",
  "after", "before", "since", "until", "till", "during", "into", "onto", "over", "under", "about",
  "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
  "will", "would", "shall", "should", "can", "could", "may", "might", "must", "it", "its", "it's",
  "this", "these", "those", "their", "his", "her", "our", "my", "your", "them", "they", "he", "she",
  "we", "you", "i", "not", "no", "so", "if", "then", "there", "here", "per", "each", "every",
  "all", "both", "later", "earlier", "ago", "ahead", "back", "more", "less", "most", "least",
]);

const OF_DETERMINERS = new Set(["the", "its", "their", "his", "her", "our", "these", "those", "whom", "which"]);

const MONTHS: Array<[string, number]> = [
  ["January", 1], ["February", 2], ["March", 3], ["April", 4], ["May", 5], ["June", 6],
  ["July", 7], ["August", 8], ["September", 9], ["October", 10], ["November", 11],
  ["December", 12], ["Sept", 9], ["Jan", 1], ["Feb", 2], ["Mar", 3], ["Apr", 4], ["Jun", 6],
  ["Jul", 7], ["Aug", 8], ["Sep", 9], ["Oct", 10], ["Nov", 11], ["Dec", 12],
];
const MONTH_NUMBER = new Map(MONTHS);
// Case-sensitive on purpose: lower-case "may"/"march" are a verb, never a month.
const M = `(${MONTHS.map(([m]) => m).sort((a, b) => b.length - a.length).join("|")})\\.?`;
const ORD = "(?:st|nd|rd|th)?";

// ---------------------------------------------------------------------------------------------
// Dates spelled with a month name

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function daysInMonth(year: number | null, month: number): number {
  if (month === 2) {
    if (year === null) return 29;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoDate(year: number | null, month: number, day: number | null): string | null {
  if (month < 1 || month > 12) return null;
  if (year !== null && (year < 1000 || year > 2999)) return null;
  if (day !== null && (day < 1 || day > daysInMonth(year, month))) return null;
  if (year === null) return day === null ? null : `--${pad2(month)}-${pad2(day)}`;
  const y = String(year).padStart(4, "0");
  return day === null ? `${y}-${pad2(month)}` : `${y}-${pad2(month)}-${pad2(day)}`;
}

/** A misprinted day ("February 30, 2022") still tells the month; keep that rather than drop it all. */
function fullDate(year: number, month: number, day: number): string | null {
  return isoDate(year, month, day) ?? isoDate(year, month, null);
}

interface DatePattern {
  re: RegExp;
  parse: (m: RegExpExecArray) => string | null;
}

// Most specific first; later patterns never overlap an earlier match.
const DATE_PATTERNS: DatePattern[] = [
  {
    re: /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g,
    parse: (m) => isoDate(+m[1]!, +m[2]!, +m[3]!),
  },
  {
    re: new RegExp(`\\b${M}\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})\\b(?![.,]\\d)`, "g"),
    parse: (m) => fullDate(+m[3]!, MONTH_NUMBER.get(m[1]!)!, +m[2]!),
  },
  {
    re: new RegExp(`\\b(\\d{1,2})${ORD}\\s+(?:of\\s+)?${M},?\\s+(\\d{4})\\b(?![.,]\\d)`, "g"),
    parse: (m) => fullDate(+m[3]!, MONTH_NUMBER.get(m[2]!)!, +m[1]!),
  },
  {
    re: new RegExp(`\\b${M},?\\s+(?:of\\s+)?(\\d{4})\\b(?![.,]\\d)`, "g"),
    parse: (m) => isoDate(+m[2]!, MONTH_NUMBER.get(m[1]!)!, null),
  },
  {
    re: new RegExp(`\\b${M}\\s+(\\d{1,2})${ORD}\\b(?![.,:%]?\\d)`, "g"),
    parse: (m) => isoDate(null, MONTH_NUMBER.get(m[1]!)!, +m[2]!),
  },
  {
    re: new RegExp(`(?<![\\d.,])\\b(\\d{1,2})${ORD}\\s+(?:of\\s+)?${M}(?![a-z])`, "g"),
    parse: (m) => isoDate(null, MONTH_NUMBER.get(m[2]!)!, +m[1]!),
  },
];

function monthDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  const overlaps = (s: number, e: number) => found.some((d) => s < d.end && d.start < e);
  for (const { re, parse } of DATE_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      // A trailing "." matched as an abbreviation dot ("6 Jan.") may just as well end the sentence.
      const raw = m[0].endsWith(".") ? m[0].slice(0, -1) : m[0];
      const start = m.index;
      const end = start + raw.length;
      if (overlaps(start, end)) continue;
      const iso = parse(m);
      if (iso) found.push({ iso, raw, start, end });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Tokens

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: "num" | "word" | "punct";
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /\d+(?:[.,]\d+)*|\p{L}+|\S/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const t = m[0];
    const kind = /^\d/.test(t) ? "num" : /^\p{L}/u.test(t) ? "word" : "punct";
    out.push({ text: t, lower: t.toLowerCase(), start: m.index, end: m.index + t.length, kind });
  }
  return out;
}

const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";

/** Tokens b follows a with nothing but spaces/tabs in between (never across a line break). */
function spaced(text: string, a: Token, b: Token): boolean {
  return /^[ \t\u00A0]+$/.test(text.slice(a.end, b.start));
}
function glued(a: Token, b: Token): boolean {
  return a.end === b.start;
}

/** Multiplying decimals by scales leaves float noise (2.3 * 1e6); keep 12 significant digits. */
function clean(n: number): number {
  return Number(n.toPrecision(12));
}

// ---------------------------------------------------------------------------------------------
// Numbers

interface Core {
  value: number;
  first: number; // token index
  last: number; // token index (inclusive)
  /** A plain four-digit integer such as 1992: possibly a year. */
  yearLike: boolean;
  currency: string | null;
  compactUnit: string | null;
  wordOnlyOne: boolean;
}

function parseDigitCore(text: string, toks: Token[], i: number): Core | null {
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
  };
}

function parseWordCore(text: string, toks: Token[], i: number): Core | null {
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
  };
}

function matchQualifier(text: string, toks: Token[], first: number): { qualifier: Qualifier; index: number } | null {
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

function isLabelled(text: string, toks: Token[], first: number): boolean {
  let k = first - 1;
  if (toks[k]?.text === "." && toks[k - 1] && glued(toks[k - 1]!, toks[k]!)) k--; // "No. 5", "Art. 4"
  const prev = toks[k];
  if (!prev || prev.kind !== "word") return false;
  if (!/^[ \t\u00A0.]*$/.test(text.slice(prev.end, toks[first]!.start))) return false;
  return LABEL_WORDS.has(prev.lower);
}

interface UnitGuess {
  unit: string | null;
  known: boolean;
  last: number; // last token index consumed
}

function singular(w: string): string {
  if (w.endsWith("ies") && w.length > 4) return w.slice(0, -3) + "y";
  if (w.endsWith("men")) return w.slice(0, -3) + "man";
  if (w.endsWith("s") && !w.endsWith("ss") && w.length > 3) return w.slice(0, -1);
  return w;
}

function isKnownUnit(w: string): boolean {
  return KNOWN_UNITS.has(w) || KNOWN_UNITS.has(singular(w));
}

function guessUnit(text: string, toks: Token[], core: Core): UnitGuess {
  const last = core.last;
  const next = toks[last + 1];
  if (core.compactUnit) return { unit: core.compactUnit, known: true, last };
  if (next && next.text === "%" && (glued(toks[last]!, next) || spaced(text, toks[last]!, next))) {
    return { unit: "percent", known: true, last: last + 1 };
  }
  if (next && spaced(text, toks[last]!, next)) {
    if (next.lower === "percent" || next.lower === "pct") return { unit: "percent", known: true, last: last + 1 };
    const after = toks[last + 2];
    if (next.lower === "per" && after?.lower === "cent" && spaced(text, next, after)) {
      return { unit: "percent", known: true, last: last + 2 };
    }
  }
  if (core.currency) return { unit: core.currency, known: true, last };
  // "four-day clash", "five-year period"
  const word = toks[last + 2];
  if (next && word && next.text === "-" && glued(toks[last]!, next) && glued(next, word) && word.kind === "word") {
    return { unit: word.lower, known: true, last: last + 2 };
  }

  // Walk a few words ahead: "2,500 of its troops", "two traditionally Nordic countries".
  let j = last + 1;
  const linked = (k: number) => toks[k] && spaced(text, toks[k - 1]!, toks[k]!);
  if (linked(j) && toks[j]!.lower === "of") {
    j++;
    if (linked(j) && OF_DETERMINERS.has(toks[j]!.lower)) j++;
  }
  // Without part-of-speech tags, modifiers are recognised by shape: capitalised ("Russian"),
  // adverbs (-ly), participles (-ing/-ed), hyphenated compounds ("post-Soviet") and a short list.
  let fallback: UnitGuess | null = null;
  for (let steps = 0; steps < 4 && linked(j); steps++, j++) {
    const t = toks[j]!;
    if (t.kind !== "word") break;
    if (isKnownUnit(t.lower)) return { unit: t.lower, known: true, last: j };
    if (STOP_WORDS.has(t.lower)) break;
    const dash = toks[j + 1];
    const compound = dash?.text === "-" && glued(t, dash) && toks[j + 2]?.kind === "word" && glued(dash, toks[j + 2]!);
    if (compound) {
      // "post-Soviet states": a modifier; "ushanka-hats,": the noun itself.
      if (toks[j + 3]?.kind === "word" && linked(j + 3)) {
        j += 2;
        continue;
      }
      return { unit: text.slice(t.start, toks[j + 2]!.end).toLowerCase(), known: false, last: j + 2 };
    }
    const modifier =
      /^\p{Lu}/u.test(t.text) || t.lower.endsWith("ly") || UNIT_SKIP_WORDS.has(t.lower) ||
      SMALL_NUMBERS[t.lower] !== undefined;
    if (modifier) continue;
    const participle = /(?:ing|ed)$/.test(t.lower) && t.lower.length > 4;
    if (participle) {
      fallback ??= { unit: t.lower, known: false, last: j };
      continue;
    }
    return { unit: t.lower, known: false, last: j };
  }
  return fallback ?? { unit: null, known: false, last };
}

/** Looks like a year unless a recognised unit follows ("2000 troops"). */
function yearCandidate(core: Core, qual: unknown): boolean {
  return core.yearLike && !qual && !core.currency && core.value >= YEAR_MIN && core.value <= YEAR_MAX;
}

interface Scanned {
  quantities: Quantity[];
  dates: DateMention[];
}

function scan(text: string): Scanned {
  const dates = monthDates(text);
  const inDate = (t: Token) => dates.some((d) => t.start < d.end && d.start < t.end);
  const toks = tokenize(text);

  interface Draft {
    core: Core;
    qual: { qualifier: Qualifier; index: number } | null;
    unit: UnitGuess;
    startTok: number;
  }
  const drafts: Draft[] = [];

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (inDate(t)) continue;
    let core: Core | null = null;
    if (t.kind === "num") core = parseDigitCore(text, toks, i);
    else if (t.kind === "word") core = parseWordCore(text, toks, i);
    if (!core) continue;
    if (toks.slice(core.first, core.last + 1).some(inDate)) continue;
    i = core.last; // never re-read "million" in "six million" as a number of its own

    let startTok = core.first;
    if (core.currency) {
      startTok = core.first - 1;
      if (toks[startTok - 1]?.text === "US" && glued(toks[startTok - 1]!, toks[startTok]!)) startTok--;
    }
    if (isLabelled(text, toks, startTok)) continue;
    const qual = matchQualifier(text, toks, startTok);
    if (core.wordOnlyOne && !qual) continue; // "one member", "no one": a pronoun, not a count
    const unit = guessUnit(text, toks, core);
    drafts.push({ core, qual, unit, startTok: qual ? qual.index : startTok });
  }

  // "between 2,000 and 3,000 troops", "2,000 to 3,000 troops", "2,000-3,000 troops":
  // the first figure borrows the unit and the pair becomes a closed range.
  for (let k = 0; k + 1 < drafts.length; k++) {
    const a = drafts[k]!;
    const b = drafts[k + 1]!;
    if (a.unit.unit !== null || b.unit.unit === null) continue;
    const joiner = text.slice(toks[a.unit.last]!.end, toks[b.startTok]!.start).trim().toLowerCase();
    const between = toks[a.startTok - 1]?.lower === "between";
    const isRange = joiner === "to" || joiner === "-" || joiner === "\u2013" || (joiner === "and" && between);
    if (!isRange || (yearCandidate(a.core, a.qual) && yearCandidate(b.core, b.qual))) continue;
    a.unit = { unit: b.unit.unit, known: b.unit.known, last: a.unit.last };
    if (!a.qual) a.qual = { qualifier: "at least", index: a.startTok };
    if (!b.qual) b.qual = { qualifier: "at most", index: b.startTok };
  }

  const quantities: Quantity[] = [];
  for (const d of drafts) {
    const { core, qual, unit } = d;
    const countable = unit.known && unit.unit !== null;
    if (yearCandidate(core, qual) && !countable) {
      const tok = toks[core.first]!;
      dates.push({ iso: tok.text, raw: tok.text, start: tok.start, end: tok.end });
      continue;
    }
    // Only stretch raw over the unit word when a unit was actually recognised.
    const endTok = unit.unit !== null ? Math.max(unit.last, core.last) : core.last;
    const start = toks[d.startTok]!.start;
    const end = toks[endTok]!.end;
    quantities.push({
      value: core.value,
      qualifier: qual?.qualifier ?? null,
      unit: unit.unit,
      raw: text.slice(start, end),
      start,
      end,
    });
  }
  quantities.sort((x, y) => x.start - y.start);
  dates.sort((x, y) => x.start - y.start);
  return { quantities, dates };
}

export function extractQuantities(text: string): Quantity[] {
  return scan(text).quantities;
}

export function extractDates(text: string): DateMention[] {
  return scan(text).dates;
}

/** Both lists from one pass, for callers that need both. */
export function extractNumbers(text: string): { quantities: Quantity[]; dates: DateMention[] } {
  return scan(text);
}

// ---------------------------------------------------------------------------------------------
// Comparison

/**
 * Canonical name for a unit so synonyms compare equal: "servicemen" and "paratroopers" are both
 * "troops", "%" and "per cent" are "percent". Unknown units fall back to their singular form.
 */
export function unitFamily(unit: string | null): string | null {
  if (unit === null) return null;
  const u = unit.trim().toLowerCase();
  if (u === "") return null;
  return UNIT_FAMILIES[u] ?? UNIT_FAMILIES[singular(u)] ?? singular(u);
}

interface Interval {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
}

function interval(q: Quantity): Interval {
  const v = q.value;
  switch (q.qualifier) {
    case "more than":
      return { lo: v, loOpen: true, hi: Infinity, hiOpen: true };
    case "at least":
      return { lo: v, loOpen: false, hi: Infinity, hiOpen: true };
    case "less than":
      return { lo: -Infinity, loOpen: true, hi: v, hiOpen: true };
    case "at most":
      return { lo: -Infinity, loOpen: true, hi: v, hiOpen: false };
    case "about": {
      const d = Math.abs(v) * ABOUT_TOLERANCE;
      return { lo: v - d, loOpen: false, hi: v + d, hiOpen: false };
    }
    default:
      return { lo: v, loOpen: false, hi: v, hiOpen: false };
  }
}

function overlap(a: Interval, b: Interval): boolean {
  // Take the tighter bound on each side, then check the intersection is non-empty.
  const lo = Math.max(a.lo, b.lo);
  const loOpen = (a.lo === lo && a.loOpen) || (b.lo === lo && b.loOpen);
  const hi = Math.min(a.hi, b.hi);
  const hiOpen = (a.hi === hi && a.hiOpen) || (b.hi === hi && b.hiOpen);
  if (lo < hi) return true;
  return lo === hi && !loOpen && !hiOpen;
}

/**
 * Whether two figures can both be true. Each value+qualifier is read as a range ("more than 2,000"
 * is (2000, ∞), "about 3,000" is [2700, 3300]) and the figures are consistent when the ranges
 * overlap. Figures are only comparable when their units belong to the same family; two figures
 * without a unit are compared as plain numbers, one with and one without are incomparable.
 */
export function compareQuantities(a: Quantity, b: Quantity): QuantityComparison {
  if (unitFamily(a.unit) !== unitFamily(b.unit)) return "incomparable";
  if (!Number.isFinite(a.value) || !Number.isFinite(b.value)) return "incomparable";
  return overlap(interval(a), interval(b)) ? "consistent" : "conflicting";
}
