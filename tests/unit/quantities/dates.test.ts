import { describe, expect, it } from "vitest";
import { extractDates, extractNumbers, extractQuantities } from "@/lib/quantities/scan";
import { read, sentenceWith, KZ } from "../../helpers/quantities-corpus";

describe("extractDates", () => {
  it("reads full, month and year dates from the corpus", () => {
    const essay = read("000_dfd454984cb772b8.txt");
    const isos = extractDates(essay).map((d) => d.iso);
    expect(isos).toContain("1992-05-15"); // May 15, 1992
    expect(isos).toContain("1993"); // In 1993
    expect(isos).toContain("1999-04"); // In April 1999
    expect(isos).toContain("2022-02-24"); // February 24, 2022
    expect(extractQuantities(essay).some((q) => q.value === 1992 || q.value === 2022)).toBe(false);

    const eurasia = read("004_438cc6c4c90e1221.txt");
    expect(extractDates(eurasia)).toContainEqual(
      expect.objectContaining({ iso: "1999-04-02", raw: "on 2 April 1999" }),
    );
  });

  it("reads a list of bare years", () => {
    const s = sentenceWith("001_368f92058b86ed85.txt", "including in 1999, 2010 and 2021");
    expect(extractDates(s).map((d) => d.iso)).toEqual(["1999", "2010", "2021"]);
    expect(extractQuantities(s)).toEqual([]);
  });

  it("uses the truncated --MM-DD form for days without a year", () => {
    const s = sentenceWith("001_368f92058b86ed85.txt", "on January 6");
    expect(extractDates(s)).toContainEqual(expect.objectContaining({ iso: "--01-06", raw: "January 6" }));
    expect(extractDates("The parliaments of both countries on Monday (May 16) began debating")).toEqual([
      expect.objectContaining({ iso: "--05-16", raw: "May 16" }),
    ]);
    expect(extractDates("on 26 April, amid the invasion")).toEqual([expect.objectContaining({ iso: "--04-26" })]);
  });

  // chrono's words keep a leading "on" it reads as part of the date ("on 6 January 2022").
  it.each([
    ["January 6, 2022", "2022-01-06"],
    ["6 January 2022", "2022-01-06"],
    ["6th of January, 2022", "2022-01-06"],
    ["Jan. 6, 2022", "2022-01-06"],
    ["Sept 2021", "2021-09"],
    ["2022-01-06", "2022-01-06"],
    ["February 29, 2024", "2024-02-29"],
  ])("%s → %s", (raw, iso) => {
    const found = extractDates(`It happened on ${raw} in Almaty.`);
    expect(found).toEqual([expect.objectContaining({ iso })]);
    expect(found[0]!.raw.replace(/^on /, "")).toBe(raw);
  });

  it("rejects impossible days and does not take the modal 'may' for a month", () => {
    // chrono refuses an impossible day as a whole: no invented "2022-02-30", and no month either.
    expect(extractDates("February 30, 2022")).toEqual([]);
    expect(extractDates("February 29, 2023")).toEqual([]);
    expect(extractDates("on February 31")).toEqual([]);
    expect(extractDates("the mechanism may not work")).toEqual([]);
    expect(extractDates("it may 2 times fail")).toEqual([]);
    expect(extractDates("they march 5 days")).toEqual([]);
    // A time of day does not hide the date it is merged with.
    expect(extractDates("on the evening of September 19, the summit")).toEqual([expect.objectContaining({ iso: "--09-19", raw: "September 19" })]);
    // Chrono's relative words are read against the day the code runs: no date of the text.
    expect(extractDates("today, 5 days ago, for five years")).toEqual([]);
  });

  it("reads a year after an article, and 'the end of April' as the month only", () => {
    expect(extractDates("In a 2014 study, the centre said")).toEqual([expect.objectContaining({ iso: "2014", raw: "2014" })]);
    expect(extractDates("at the end of April 2021")).toEqual([expect.objectContaining({ iso: "2021-04" })]);
    expect(extractDates("denied it at the end of April, but")).toEqual([]);
  });

  it("reads a year before a unit word as a count, not a date", () => {
    expect(extractDates("a force of 2000 troops")).toEqual([]);
    expect(extractQuantities("a force of 2000 troops")).toEqual([expect.objectContaining({ value: 2000, unit: "troops" })]);
  });

  it("returns both lists from one pass", () => {
    const { quantities, dates } = extractNumbers(KZ.counterpunch);
    expect(quantities.map((q) => q.value)).toEqual([2500]);
    expect(dates.map((d) => d.iso)).toEqual(["2022-01"]);
  });
});
