import { describe, expect, it } from "vitest";
import { dateIntervals, datesOverlap, formatDateInterval } from "@/lib/quantities/date-intervals";

describe("dates as intervals", () => {
  it.each([
    ["14 May 2002", "2002-05-14", "2002-05-14", "day"],
    ["October 2002", "2002-10-01", "2002-10-31", "month"],
    ["in 2003", "2003-01-01", "2003-12-31", "year"],
    ["since its formation in 2002", "2002-01-01", "2002-12-31", "year"],
    ["entered into force in September 2003", "2003-09-01", "2003-09-30", "month"],
  ])("%s → %s … %s (%s)", (text, start, end, precision) => {
    expect(dateIntervals(text)[0]).toMatchObject({ start, end, precision });
  });

  it("leaves out dates that would be read against today", () => {
    expect(dateIntervals("last January, today, for five years, in just a month")).toEqual([]);
  });

  it("overlaps and names periods", () => {
    const [may14] = dateIntervals("May 14, 2002");
    const [y2002] = dateIntervals("in 2002");
    const [y2003] = dateIntervals("in 2003");
    expect(datesOverlap(may14!, y2002!)).toBe(true);
    expect(datesOverlap(y2002!, y2003!)).toBe(false);
    expect(formatDateInterval(may14!)).toBe("14 May 2002");
    expect(formatDateInterval(dateIntervals("October 2002")[0]!)).toBe("October 2002");
    expect(formatDateInterval(y2003!)).toBe("2003");
  });
});
