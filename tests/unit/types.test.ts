import { describe, expect, it } from "vitest";
import { citationDate, displayTitle, receivedReaderClaims, sendReaderClaims, type ReaderClaim } from "@/lib/types";

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
    ...plain, id: "c2", kind: "PREDICTION", note: "check the figure", authorName: "Bo", version: 3, linkCount: 2, orphaned: true,
    speaker: { name: "Kanat Altynbayev", role: "CSTO spokesman" }, attributionType: "DIRECT_QUOTE",
    restsOn: { kind: "source", id: "s9", label: "TASS, 6 January 2022" },
  };
  const moved: ReaderClaim = { ...plain, id: "c3", kind: "OPINION", start: 0, end: 19 };
  const roundTrip = (claims: ReaderClaim[]) => receivedReaderClaims(JSON.parse(JSON.stringify(sendReaderClaims(claims, body))), body);

  it("sends a column per field and nothing for the usual values, the quote included where the text holds it", () => {
    expect(body.slice(plain.start, plain.end)).toBe(plain.quote);
    const sent = sendReaderClaims([plain, { ...plain, id: "c4", authorName: "Bo" }, { ...plain, id: "c5" }], body);
    expect(sent).toEqual({
      ids: ["c1", "c4", "c5"], starts: [4, 4, 4], ends: [23, 23, 23], kinds: [0, 0, 0],
      authorNames: ["Ana", "Bo"], authors: [0, 1, 0], versions: [1, 1, 1], extras: {},
    });
  });

  it("gives back the very claims, with an orphan's quote and one that differs from the text at its offsets", () => {
    expect(sendReaderClaims([full, moved], body).extras[1]).toEqual({ quote: "2,500 of its troops" });
    expect(roundTrip([plain, full, moved])).toEqual([plain, full, moved]);
    expect(roundTrip([])).toEqual([]);
  });

  it("names the fields in one order whatever was sent, so the reader's loops see one shape", () => {
    const [a, b] = roundTrip([plain, full]);
    expect(Object.keys(a!)).toEqual(Object.keys(b!));
  });
});
