import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareTexts, duplicateKey, shingles } from "@/lib/import/similarity";

const corpus = (file: string) => readFileSync(`data/corpus/${file}`, "utf8");
const original = corpus("004_438cc6c4c90e1221.txt");

/** A later version of article 004: a new headline, a few sentences edited, one added. */
function laterVersion(text: string): string {
  const edits: [string, string][] = [
    ["Eurasia Under the Collective Security Treaty Organization (CSTO)", "What Is Left of the CSTO in Eurasia?"],
    ["It is also being endorsed as a contender to NATO", "Some even present it as a rival of NATO"],
    ["through a force of under 4000 personnel", "through a force of about 2,500 personnel"],
    ["This clash has not only had devastating impacts", "The fighting has had grave consequences"],
    ["Here however, the CSTO’s position has been weakened", "Yet here the CSTO’s standing was weakened"],
  ];
  let edited = text;
  for (const [from, to] of edits) {
    expect(edited).toContain(from);
    edited = edited.replace(from, to);
  }
  return `${edited}\n\nUpdated on 14 January with the size of the deployment.`;
}

describe("near-duplicates", () => {
  it("refuses the same text twice, whatever its spacing and case", () => {
    const respaced = original.replace(/\n\n/g, "\n\n\n").replace(/ /g, "  ").toUpperCase();
    expect(compareTexts(original, respaced)).toEqual({ kind: "duplicate" });
    expect(duplicateKey(respaced)).toBe(duplicateKey(original));
  });

  it("recognises a later version with a new headline and a few edited sentences", () => {
    const result = compareTexts(original, laterVersion(original));
    expect(result.kind).toBe("near-duplicate");
    if (result.kind !== "duplicate") expect(result.jaccard).toBeGreaterThan(0.8);
  });

  it("recognises a syndicated copy cut short", () => {
    const firstHalf = original.slice(0, Math.floor(original.length / 2));
    const result = compareTexts(original, firstHalf);
    expect(result).toMatchObject({ kind: "near-duplicate" });
    if (result.kind !== "duplicate") expect(result.containment).toBeGreaterThan(0.95);
  });

  it("tells another article on the same subject apart", () => {
    const result = compareTexts(original, corpus("003_87eb5ab265d9726a.txt"));
    expect(result.kind).toBe("distinct");
    if (result.kind !== "duplicate") expect(result.jaccard).toBeLessThan(0.01);
  });

  it("shingles five words at a time, ignoring punctuation and case", () => {
    expect([...shingles("The CSTO, it said, sent troops to Kazakhstan.")]).toEqual([
      "the csto it said sent",
      "csto it said sent troops",
      "it said sent troops to",
      "said sent troops to kazakhstan",
    ]);
    expect([...shingles("Too short")]).toEqual(["too short"]);
  });
});
