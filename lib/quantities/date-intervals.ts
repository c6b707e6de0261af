// Dates as intervals of days: "14 May 2002" is one day, "October 2002" the month's days, "in 2003"
// the year's. Reading is lib/quantities/dates.ts's (chrono-node plus bare years), so the app reads
// a date one way only.
import { datePeriod, dateWords, NAMES_A_YEAR, readDates, type DatePrecision } from "./dates";

export interface DateInterval {
  /** First day, ISO yyyy-mm-dd. */
  start: string;
  /** Last day (inclusive), ISO yyyy-mm-dd. */
  end: string;
  precision: DatePrecision;
  /** The words it was read from ("in September 2003"), or what the researcher set. */
  text: string;
}

/** Every date a text states outright, in text order. Relative dates ("last January", "today") and
 *  days without a year ("on January 6") are left out: their year would be invented. */
export function dateIntervals(text: string): DateInterval[] {
  return readDates(text)
    .filter((r) => r.start.isCertain("year") && NAMES_A_YEAR.test(dateWords(r).text))
    .map((r) => ({ ...datePeriod(r), text: dateWords(r).text }));
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
