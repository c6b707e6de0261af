import { describe, expect, it } from "vitest";
import { cohenKappa, confusionMatrix } from "@/lib/agreement/cohen-kappa";

/** Two raters' yes/no answers from a 2×2 table: a both yes, b first yes second no, c first no second yes, d both no. */
function table(a: number, b: number, c: number, d: number): (readonly ["yes" | "no", "yes" | "no"])[] {
  return [
    ...Array.from({ length: a }, () => ["yes", "yes"] as const),
    ...Array.from({ length: b }, () => ["yes", "no"] as const),
    ...Array.from({ length: c }, () => ["no", "yes"] as const),
    ...Array.from({ length: d }, () => ["no", "no"] as const),
  ];
}

describe("cohenKappa", () => {
  it("reproduces the grant-proposal example (po 0.7, pe 0.5, kappa 0.4)", () => {
    // Wikipedia, "Cohen's kappa", worked example: 50 proposals, both yes 20, A yes B no 5,
    // A no B yes 10, both no 15. po = 35/50 = 0.7, pe = 0.5·0.6 + 0.5·0.4 = 0.5, kappa = 0.4.
    const result = cohenKappa(table(20, 5, 10, 15));
    expect(result.observed).toBeCloseTo(0.7, 10);
    expect(result.expected).toBeCloseTo(0.5, 10);
    expect(result.kappa).toBeCloseTo(0.4, 10);
  });

  it("reproduces the two same-po examples that differ in kappa (0.1304 and 0.2593)", () => {
    // Wikipedia, "Cohen's kappa", "Same percentages but different numbers": both tables have po = 0.6.
    // 45/15/25/15: pe = 0.6·0.7 + 0.4·0.3 = 0.54, kappa = 0.06/0.46 = 0.1304.
    expect(cohenKappa(table(45, 15, 25, 15)).kappa).toBeCloseTo(0.1304, 4);
    // 25/35/5/35: pe = 0.6·0.3 + 0.4·0.7 = 0.46, kappa = 0.14/0.54 = 0.2593.
    expect(cohenKappa(table(25, 35, 5, 35)).kappa).toBeCloseTo(0.2593, 4);
  });

  it("is 1 for perfect agreement and null with no items", () => {
    expect(cohenKappa(table(3, 0, 0, 4)).kappa).toBe(1);
    expect(cohenKappa([]).kappa).toBeNull();
  });

  it("is undefined when both used a single category throughout", () => {
    const result = cohenKappa(table(5, 0, 0, 0));
    expect(result.kappa).toBeNull();
    expect(result.degenerate).toBe(true);
    expect(result.observed).toBe(1);
  });

  it("counts a confusion matrix with the first annotator on the rows", () => {
    expect(confusionMatrix(table(20, 5, 10, 15), ["yes", "no"])).toEqual([[20, 5], [10, 15]]);
    expect(() => confusionMatrix([["yes", "maybe" as "no"]], ["yes", "no"])).toThrow(/maybe/);
  });
});
