import { describe, expect, it } from "vitest";
import { citationDate, displayTitle, receivedReaderClaim, sentReaderClaim, type ReaderClaim } from "@/lib/types";

describe("source display helpers", () => {
  it("shows the title, else the suggested one, else a placeholder", () => {
    expect(displayTitle({ title: "Real", suggestedTitle: "Guess" })).toBe("Real");
    expect(displayTitle({ title: null, suggestedTitle: "Guess" })).toBe("Guess");
    expect(displayTitle({ title: null, suggestedTitle: null })).toBe("Untitled source");
  });

  it("cites the exact date, else the approximate one", () => {
    expect(citationDate({ publishedDate: "2022-01-06", approxDate: "2022" })).toBe("2022-01-06");
    expect(citationDate({ publishedDate: null, approxDate: "2022-01" })).toBe("2022-01");
    expect(citationDate({ publishedDate: null, approxDate: null })).toBeNull();
  });
});

describe("reader claims as the source page sends them", () => {
  const body = "Yet 2,500 of its troops entered Kazakhstan.";
  const plain: ReaderClaim = {
    id: "c1", start: 4, end: 23, kind: "FACT", quote: "2,500 of its troops", note: "", authorName: "Ana", version: 1,
    linkCount: 0, orphaned: false, speaker: null, attributionType: "OWN_VOICE", restsOn: null,
  };
  const full: ReaderClaim = {
    ...plain, note: "check the figure", version: 3, linkCount: 2, orphaned: true,
    speaker: { name: "Kanat Altynbayev", role: "CSTO spokesman" }, attributionType: "DIRECT_QUOTE",
    restsOn: { kind: "source", id: "s9", label: "TASS, 6 January 2022" },
  };

  const roundTrip = (c: ReaderClaim) => receivedReaderClaim(JSON.parse(JSON.stringify(sentReaderClaim(c, body))), body);

  it("leaves out the fields at their usual value and the quote the text holds, and the page gets the same claim back", () => {
    expect(body.slice(plain.start, plain.end)).toBe(plain.quote);
    expect(Object.keys(sentReaderClaim(plain, body)).sort()).toEqual(["authorName", "end", "id", "kind", "start", "version"]);
    expect(roundTrip(plain)).toEqual(plain);
  });

  it("keeps every field that differs from its usual value, and an orphan's quote, which the text no longer holds", () => {
    expect(sentReaderClaim(full, body).quote).toBe(full.quote);
    expect(roundTrip(full)).toEqual(full);
  });

  it("keeps a quote that differs from the text at its offsets", () => {
    const moved = { ...plain, start: 0, end: 19 };
    expect(sentReaderClaim(moved, body).quote).toBe("2,500 of its troops");
    expect(roundTrip(moved)).toEqual(moved);
  });

  it("names the fields in one order whatever was sent, so the reader's loops see one shape", () => {
    expect(Object.keys(roundTrip(plain))).toEqual(Object.keys(roundTrip(full)));
  });
});
