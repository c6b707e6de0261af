// The date or period a claim is about, apart from the source's publication date: suggested from
// the dates in the span and its sentence. Reading dates is lib/quantities/dates.ts's (chrono-node
// plus bare years); this file picks the sentence, the reference day and the order.
import { datePeriod, dateWords, precisionOf, readDates, type DatePrecision } from "../quantities/dates";
import { sentenceRange, type Range } from "./text-window";

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

/** "2022-05", "2022", "2022-05-16" or null → the reference instant for relative dates. */
function referenceDate(sourceDate: string | null): Date | undefined {
  const m = sourceDate && /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(sourceDate);
  if (!m) return undefined;
  // Noon UTC of the known day (or the period's first day), so no time zone moves it across midnight.
  return new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1, 12));
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
  for (const r of readDates(text, reference)) {
    // "this week" states nothing certain; "on Monday" names a day only against a known day.
    if (!(["year", "month", "day", "weekday"] as const).some((c) => r.start.isCertain(c))) continue;
    if (precisionOf(r.start) === "day" && !r.start.isCertain("day") && !dayReference) continue;
    // Without a source date, "last January" has no year to be read against.
    if (!reference && !r.start.isCertain("year")) continue;
    const words = dateWords(r);
    found.push({ ...datePeriod(r), text: words.text, evidence: { start: from + words.start, end: from + words.end } });
  }
  const distance = (r: Range) => (r.end <= start ? start - r.end : r.start >= end ? r.start - end : 0);
  return found.sort((a, b) => distance(a.evidence) - distance(b.evidence) || a.evidence.start - b.evidence.start);
}
