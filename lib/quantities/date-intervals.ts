// Dates as intervals of days: "14 May 2002" is one day, "October 2002" the month's days, "in 2003"
// the year's. Parsing is the provenance claim-date parser's (chrono-node plus bare years), so the
// app reads a date one way only.
import { suggestClaimDates, type DatePrecision } from "../provenance/claim-date";

export interface DateInterval {
  /** First day, ISO yyyy-mm-dd. */
  start: string;
  /** Last day (inclusive), ISO yyyy-mm-dd. */
  end: string;
  precision: DatePrecision;
  /** The words it was read from ("in September 2003"), or what the researcher set. */
  text: string;
}

// A date a text states outright names its year; "today", "for five years" and "last January"
// would be read against the day the code runs, which is no value of the claim.
const NAMES_A_YEAR = /(?<!\d)(?:1[0-9]|20)\d{2}(?!\d)/;

/** Every date a text states outright, in text order. Relative dates ("last January", "today") are left out. */
export function dateIntervals(text: string): DateInterval[] {
  return suggestClaimDates(text, 0, text.length, null)
    .filter((d) => NAMES_A_YEAR.test(d.text))
    .sort((a, b) => a.evidence.start - b.evidence.start)
    .map(({ start, end, precision, text: words }) => ({ start, end, precision, text: words }));
}

/** Whether some day lies in both (ISO dates compare as strings). */
export function datesOverlap(a: Pick<DateInterval, "start" | "end">, b: Pick<DateInterval, "start" | "end">): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** "14 May 2002", "October 2002", "2003": a period as a reader names it; other spans as "from to". */
export function formatDateInterval(d: Pick<DateInterval, "start" | "end" | "precision">): string {
  const [y, m, day] = d.start.split("-").map(Number) as [number, number, number];
  const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
  const lastOfMonth = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  if (d.precision === "day" && d.start === d.end) return `${day} ${month} ${y}`;
  if (d.precision === "month" && day === 1 && d.end === lastOfMonth) return `${month} ${y}`;
  if (d.precision === "year" && d.start === `${y}-01-01` && d.end === `${y}-12-31`) return String(y);
  return `${d.start} to ${d.end}`;
}
