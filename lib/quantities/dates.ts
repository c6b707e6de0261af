// Dates as the app reads them, one way only: chrono-node, plus bare years ("in 2003"), which
// chrono leaves alone. Callers get chrono's results (the provenance claim date reads relative dates
// against a source's date) or the dates a text states outright, as ISO 8601 mentions.
import * as chrono from "chrono-node";
import { isKnownUnitWord } from "./units";

export const DATE_PRECISIONS = ["day", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

// A year standing alone ("in 2003", "1999, 2010 and 2021", "a 2014 study"), not part of "Rubezh-2021" or "2,000",
// and not a count ("2000 troops"). The match keeps its preposition or comma: chrono drops results
// whose text is digits only.
const bareYear: chrono.Parser = {
  pattern: () => /(?:(?:\b(?:in|since|by|until|till|from|of|between|and|to|or|during|early|late|mid|before|after|a|the)|,)\s+)?(?<![\p{L}\p{N}-]|\d,)((?:18|19|20)\d{2})(?![\p{L}\p{N}-]|,\d)/iu,
  extract: (context, match) => {
    const next = /^\s+([\p{L}-]+)/u.exec(context.text.slice((match.index ?? 0) + match[0].length));
    if (next && isKnownUnitWord(next[1]!)) return null;
    return { year: Number(match[1]) };
  },
};

const parser = chrono.casual.clone();
parser.parsers.push(bareYear);
// A time of day is no date of a claim, and merged with one ("the evening of September 19") it
// leaves chrono's day and month uncertain: drop it before chrono's refiners merge.
parser.refiners.unshift({ refine: (_context, results) => results.filter((r) => !r.tags().has("parser/ENCasualTimeParser")) });

// Month names are capitalised in English prose; a lower-case "may" or "march" is the verb
// ("it may 2 times fail", "they march 5 days").
const MONTH_AS_VERB = /\b(?:may|march)\b/;

/** Every date chrono finds in `text`, read against `reference` when given. Cost: one chrono pass. */
export function readDates(text: string, reference?: Date): chrono.ParsedResult[] {
  return parser.parse(text, reference ? { instant: reference, timezone: 0 } : undefined).filter((r) => !MONTH_AS_VERB.test(r.text));
}

// chrono reads "the end of April" as April 30; a reader knows only the month.
const statesDay = (c: chrono.ParsedComponents) => c.isCertain("day") && !c.tags().has("refiner/ENEndOfPeriodRefiner");

export function precisionOf(c: chrono.ParsedComponents): DatePrecision {
  if (statesDay(c) || c.isCertain("weekday")) return "day";
  if (c.isCertain("month")) return "month";
  return "year";
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The first and last day of what a component states, at its precision. */
function period(c: chrono.ParsedComponents, precision: DatePrecision): [string, string] {
  const y = c.get("year")!;
  const m = c.get("month")!;
  const d = c.get("day")!;
  if (precision === "day") return [iso(y, m, d), iso(y, m, d)];
  if (precision === "month") return [iso(y, m, 1), iso(y, m, lastDay(y, m))];
  return [iso(y, 1, 1), iso(y, 12, 31)];
}

/** A period's precision is its coarser bound's: "from May 2002 to 2003" is known to the year. */
function coarser(a: DatePrecision, b: DatePrecision): DatePrecision {
  return DATE_PRECISIONS.indexOf(a) > DATE_PRECISIONS.indexOf(b) ? a : b;
}

/** The days a result spans, from its start's first day to its end's last, at the coarser precision. */
export function datePeriod(r: chrono.ParsedResult): { start: string; end: string; precision: DatePrecision } {
  let precision = precisionOf(r.start);
  let [start, end] = period(r.start, precision);
  if (r.end) {
    const endPrecision = precisionOf(r.end);
    precision = coarser(precision, endPrecision);
    end = period(r.end, endPrecision)[1];
  }
  return { start, end, precision };
}

/** Where chrono's words for a date start and end, without the comma or article a bare year keeps
 *  before it ("1999, 2010", "a 2014 study") and trailing punctuation. */
export function dateWords(r: chrono.ParsedResult): { text: string; start: number; end: number } {
  const lead = /^(?:[\s,]|(?:a|the)\s)*/i.exec(r.text)![0].length;
  const text = r.text.slice(lead).replace(/[\s,.;:]+$/, "");
  const start = r.index + lead;
  return { text, start, end: start + text.length };
}

export interface DateMention {
  /**
   * "1992", "2022-01" or "2022-01-06". A day without a year ("on January 6") uses the ISO 8601
   * truncated form "--01-06", because guessing the year would invent information.
   */
  iso: string;
  /** The words as chrono read them ("in 1993", "on 2 April 1999"). */
  raw: string;
  start: number;
  end: number;
}

// A year a text states outright is written in it; chrono also gives certain years to "today"
// and "for five years", read against the day the code runs, which is no value of the text.
export const NAMES_A_YEAR = /(?<!\d)(?:1[0-9]|20)\d{2}(?!\d)/;

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Dates a text states outright, as ISO mentions at the precision written, in text order. */
export function dateMentions(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const r of readDates(text)) {
    const c = r.start;
    const words = dateWords(r);
    const month = c.isCertain("month") ? c.get("month")! : null;
    const day = month !== null && statesDay(c) ? c.get("day")! : null;
    let mention: string | null = null;
    if (c.isCertain("year") && NAMES_A_YEAR.test(words.text)) {
      const year = String(c.get("year")!).padStart(4, "0");
      mention = month === null ? year : day === null ? `${year}-${pad2(month)}` : `${year}-${pad2(month)}-${pad2(day)}`;
    } else if (!c.isCertain("year") && month !== null && day !== null) {
      mention = `--${pad2(month)}-${pad2(day)}`;
    }
    if (mention) found.push({ iso: mention, raw: words.text, start: words.start, end: words.end });
  }
  return found;
}
