// The date or period a claim is about, apart from the source's publication date: suggested from
// the dates in the span and its sentence. Parsing is chrono-node's; this file only adds bare
// years ("in 2003"), which chrono leaves alone, and turns its results into periods.
import * as chrono from "chrono-node";
import { sentenceRange, type Range } from "./text-window";

export const DATE_PRECISIONS = ["day", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface ClaimDateSuggestion {
  /** First day of the period, ISO yyyy-mm-dd. */
  start: string;
  /** Last day of the period (inclusive), ISO yyyy-mm-dd. */
  end: string;
  precision: DatePrecision;
  /** The words the date was read from, and where they are in the body. */
  text: string;
  evidence: Range;
}

// A year standing alone ("in 2003", "1999, 2010 and 2021"), not part of "Rubezh-2021" or "2,000".
// The match keeps its preposition or comma: chrono drops results whose text is digits only.
const bareYear: chrono.Parser = {
  pattern: () => /(?:(?:\b(?:in|since|by|until|till|from|of|between|and|to|or|during|early|late|mid|before|after)|,)\s+)?(?<![\p{L}\p{N}-]|\d,)((?:19|20)\d{2})(?![\p{L}\p{N}-]|,\d)/iu,
  extract: (_context, match) => ({ year: Number(match[1]) }),
};

const parser = chrono.casual.clone();
parser.parsers.push(bareYear);

/** "2022-05", "2022", "2022-05-16" or null → the reference instant for relative dates. */
function referenceDate(sourceDate: string | null): Date | undefined {
  const m = sourceDate && /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(sourceDate);
  if (!m) return undefined;
  // Noon UTC of the known day (or the period's first day), so no time zone moves it across midnight.
  return new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1, 12));
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function precisionOf(c: chrono.ParsedComponents): DatePrecision {
  if (c.isCertain("day") || c.isCertain("weekday")) return "day";
  if (c.isCertain("month")) return "month";
  return "year";
}

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

/** Dates in the claim's span and its sentence, those inside the span first, then by nearness.
 *  Relative dates ("last January", "on Monday") are read against `sourceDate` (ISO, full or partial).
 *  Cost: chrono runs over one sentence. */
export function suggestClaimDates(body: string, start: number, end: number, sourceDate: string | null): ClaimDateSuggestion[] {
  const sentence = sentenceRange(body, start, end);
  const from = Math.min(sentence.start, start);
  const text = body.slice(from, Math.max(sentence.end, end));
  const reference = referenceDate(sourceDate);
  const dayReference = !!sourceDate && /^\d{4}-\d{2}-\d{2}$/.test(sourceDate);
  const found: ClaimDateSuggestion[] = [];
  for (const r of parser.parse(text, reference ? { instant: reference, timezone: 0 } : undefined)) {
    let precision = precisionOf(r.start);
    // "this week" states nothing certain; "on Monday" names a day only against a known day.
    if (!["year", "month", "day", "weekday"].some((c) => r.start.isCertain(c as chrono.Component))) continue;
    if (precision === "day" && !r.start.isCertain("day") && !dayReference) continue;
    // Without a source date, "last January" has no year to be read against.
    if (!reference && !r.start.isCertain("year")) continue;
    let [first, last] = period(r.start, precision);
    if (r.end) {
      const endPrecision = precisionOf(r.end);
      precision = coarser(precision, endPrecision);
      last = period(r.end, endPrecision)[1];
    }
    // Evidence and text without the comma the bare-year parser keeps before a year in a list.
    const lead = /^[\s,]*/.exec(r.text)![0].length;
    const words = r.text.slice(lead).replace(/[\s,.;:]+$/, "");
    const at = from + r.index + lead;
    found.push({ start: first, end: last, precision, text: words, evidence: { start: at, end: at + words.length } });
  }
  const distance = (r: Range) => (r.end <= start ? start - r.end : r.start >= end ? r.start - end : 0);
  return found.sort((a, b) => distance(a.evidence) - distance(b.evidence) || a.evidence.start - b.evidence.start);
}
