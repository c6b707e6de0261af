import { describe, expect, it } from "vitest";
import { krippendorffAlphaNominal } from "@/lib/agreement/krippendorff-alpha";

describe("krippendorffAlphaNominal", () => {
  it("reproduces Krippendorff's worked example for nominal data with missing values (alpha = 0.743)", () => {
    // K. Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg School for
    // Communication, section C: four observers A-D, twelve units, values 1-5, "." missing.
    // Published result for the nominal metric: alpha = 0.743. Unit 12 (one value) is unpairable.
    const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
    const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
    const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
    const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
    const units = A.map((_, u) => [A[u]!, B[u]!, C[u]!, D[u]!]);
    const result = krippendorffAlphaNominal(units);
    expect(result.alpha).toBeCloseTo(0.743, 3);
    expect(result.pairableValues).toBe(40);
    expect(result.units).toBe(11);
  });

  it("reproduces the binary two-observer example (alpha = 0.095)", () => {
    // Krippendorff (2011), section A: two observers, ten units, no missing values.
    // Coincidences o00 = 10, o01 = o10 = 4, o11 = 2; n = 20; alpha = 1 - 19·8 / (400 - 14² - 6²) = 0.095.
    const A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(krippendorffAlphaNominal(A.map((a, i) => [a, B[i]!])).alpha).toBeCloseTo(0.095, 3);
  });

  it("is 1 for perfect agreement over more than one category", () => {
    expect(krippendorffAlphaNominal([["FACT", "FACT", "FACT"], ["OPINION", "OPINION", null], ["PREDICTION", "PREDICTION", "PREDICTION"]]).alpha).toBe(1);
  });

  it("has no value when no unit was marked by two annotators", () => {
    const result = krippendorffAlphaNominal([["FACT", null, null], [null, "OPINION", null]]);
    expect(result.alpha).toBeNull();
    expect(result.degenerate).toBe(false);
  });

  it("is undefined, not 1, when every value is one category", () => {
    const result = krippendorffAlphaNominal([["FACT", "FACT"], ["FACT", "FACT"]]);
    expect(result.alpha).toBeNull();
    expect(result.degenerate).toBe(true);
  });

  it("goes below zero for systematic disagreement", () => {
    expect(krippendorffAlphaNominal([["FACT", "OPINION"], ["OPINION", "FACT"]]).alpha!).toBeLessThan(0);
  });
});
