import { describe, expect, it } from "vitest";
import { citationDate, displayTitle } from "@/lib/types";

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
