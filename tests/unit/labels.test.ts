import { describe, expect, it } from "vitest";
import { kindLabel, RELATION_LABELS, relationLabel, relationPhrase } from "@/lib/labels";
import { CLAIM_KINDS, LINK_RELATIONS } from "@/lib/types";

describe("labels", () => {
  it("names every kind and relation", () => {
    expect(CLAIM_KINDS.map(kindLabel)).toEqual(["Fact", "Opinion", "Prediction"]);
    expect(LINK_RELATIONS.map(relationLabel)).toEqual(["Contradicts", "Supports", "Refines"]);
  });

  it("words a link from either end, in a sentence and as a cited list's lead-in", () => {
    expect(RELATION_LABELS.CONTRADICTS.out).toBe("contradicts");
    expect(RELATION_LABELS.CONTRADICTS.in).toBe("is contradicted by");
    expect(relationPhrase("SUPPORTS", "out")).toBe("Supports");
    expect(relationPhrase("SUPPORTS", "in")).toBe("Supported by");
  });
});
