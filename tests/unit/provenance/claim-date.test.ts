import { describe, expect, it } from "vitest";
import { suggestClaimDates } from "@/lib/provenance/claim-date";
import { corpusSource, spanOf } from "../../helpers/provenance-corpus";

function datesFor(file: string, words: string, sourceDate: string | null) {
  const { body } = corpusSource(file);
  const { start, end } = spanOf(body, words);
  return suggestClaimDates(body, start, end, sourceDate).map(({ evidence, ...d }) => {
    expect(body.slice(evidence.start, evidence.end)).toBe(d.text);
    return d;
  });
}

describe("claim dates from the span and its sentence", () => {
  it("reads a day: 'on May 14, 2002' (The CSTO and the outcomes of good intentions)", () => {
    expect(datesFor("000", "a decision was made to trans", "2023-10")).toContainEqual({ start: "2002-05-14", end: "2002-05-14", precision: "day", text: "May 14, 2002" });
  });

  it("reads a day and a month, the span's own date first (Eurasia under the CSTO)", () => {
    expect(datesFor("004", "its rotocol of Prolongation was signed on 2 April 1999", "2023")).toEqual([
      { start: "1999-04-02", end: "1999-04-02", precision: "day", text: "on 2 April 1999" },
      { start: "1995-01-01", end: "1995-12-31", precision: "year", text: "in 1995" },
    ]);
  });

  it("reads a bare year and a month: 'in 2003' and 'October 2002'", () => {
    expect(datesFor("004", "The resultant CSTO was officially established in 2003", "2023")).toEqual([
      { start: "2003-01-01", end: "2003-12-31", precision: "year", text: "in 2003" },
      { start: "2002-10-01", end: "2002-10-31", precision: "month", text: "October 2002" },
    ]);
  });

  it("reads 'January 2022' as the month (CounterPunch)", () => {
    expect(datesFor("003", "2,500 of its troops entered Kazakhstan", "2022")).toEqual([
      { start: "2022-01-01", end: "2022-01-31", precision: "month", text: "January 2022" },
    ]);
  });

  it("reads 'last January' against the source's date (Caravanserai, May 2022)", () => {
    expect(datesFor("001", "when it sent peacekeepers to Kazakhstan", "2022-05")[0]).toEqual(
      { start: "2022-01-01", end: "2022-01-31", precision: "month", text: "January" },
    );
  });

  it("reads no relative date when the source's date is unknown", () => {
    expect(datesFor("001", "when it sent peacekeepers to Kazakhstan", null)).toEqual([
      { start: "2002-01-01", end: "2002-12-31", precision: "year", text: "in 2002" },
    ]);
  });

  it("reads every year of a list, and none of 'Rubezh-2021'", () => {
    expect(datesFor("001", "including in 1999, 2010 and 2021", "2022-05").map((d) => d.start)).toEqual(["1999-01-01", "2010-01-01", "2021-01-01"]);
    expect(datesFor("001", "Russian servicemen take part in the \"Rubezh-2021\" joint military drills", "2022-05").map((d) => d.text)).toEqual(["September 9, 2021"]);
  });

  it("reads 'on Sunday' only against a known day, and 'May 16' in the year of the source", () => {
    expect(datesFor("001", "Finland officially announced its intention to join NATO", "2022-05")).toEqual([]);
    expect(datesFor("001", "Finland officially announced its intention to join NATO", "2022-05-17")).toEqual([
      { start: "2022-05-15", end: "2022-05-15", precision: "day", text: "on Sunday" },
    ]);
    expect(datesFor("001", "began debating their respective NATO bids", "2022-05")).toEqual([
      { start: "2022-05-16", end: "2022-05-16", precision: "day", text: "May 16" },
    ]);
  });

  it("offers nothing for a sentence without a date, and takes no figure for a year", () => {
    expect(datesFor("001", "a CSTO mission of more than 2,000 troops", "2022-05")).toEqual([]);
    expect(datesFor("004", "a force of under 4000 personnel", "2023")).toEqual([]);
  });
});
