import { describe, expect, it } from "vitest";
import { QUALIFIER_PHRASES, UNIT_FAMILIES } from "@/lib/quantities/vocabulary";

describe("vocabulary", () => {
  it("lists qualifier phrases longest first, so \"no more than\" wins over \"more than\"", () => {
    const lengths = QUALIFIER_PHRASES.map(([words]) => words.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });

  it("groups unit synonyms into families", () => {
    expect(UNIT_FAMILIES["paratroopers"]).toBe("troops");
    expect(UNIT_FAMILIES["per cent"]).toBe("percent");
  });
});
