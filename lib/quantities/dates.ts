// Dates spelled with a month name ("6 January 2022", "January 6", "Jan. 2022"), as ISO 8601.
import { M, MONTH_NUMBER, ORD } from "./vocabulary";

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

export function monthDates(text: string): DateMention[] {
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
