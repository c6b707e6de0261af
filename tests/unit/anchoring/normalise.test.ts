import { describe, expect, it } from "vitest";
import { normalize, normalizeString } from "@/lib/anchoring/normalise";

describe("normalize", () => {
  it("folds typography and collapses whitespace runs", () => {
    expect(normalizeString("«It’s  \u00A0here»\u2014now…")).toBe(`"It's here"-now...`);
  });

  it("drops invisible characters", () => {
    expect(normalizeString("co\u00ADop\u200Berate")).toBe("cooperate");
  });

  it("remembers which original characters each normalised one stands for", () => {
    const n = normalize("a \n b…");
    expect(n.text).toBe("a b...");
    // The whitespace run " \n " is one space standing for offsets 1..4.
    expect([n.origStart[1], n.origEnd[1]]).toEqual([1, 4]);
    // The ellipsis becomes three dots, each standing for the one original character.
    expect(n.origStart.slice(3)).toEqual([5, 5, 5]);
    expect(n.origEnd.slice(3)).toEqual([6, 6, 6]);
  });
});
