import { describe, expect, it } from "vitest";
import { AgreementInputError, sourceAgreement } from "@/lib/agreement/summary";
import { agreementUnits } from "@/lib/agreement/units";

const KINDS = ["FACT", "OPINION", "PREDICTION"] as const;
type Kind = (typeof KINDS)[number];
const s = (start: number, end: number, kind: Kind) => ({ start, end, kind });

describe("agreementUnits", () => {
  it("joins matching spans across annotators and leaves a second span of one annotator apart", () => {
    const { units, extra } = agreementUnits<Kind>([
      { annotator: "ann", spans: [s(0, 10, "FACT"), s(30, 40, "OPINION")] },
      { annotator: "bo", spans: [s(2, 12, "FACT"), s(8, 20, "FACT")] },
      { annotator: "cy", spans: [s(31, 40, "PREDICTION")] },
    ]);
    // bo's (8,20) matches nothing of ann's (overlap 2 of 10), and (2,12)/(8,20) are both bo's.
    expect(units.map((u) => [u.start, u.end, u.kinds])).toEqual([
      [0, 12, ["FACT", "FACT", null]],
      [8, 20, [null, "FACT", null]],
      [30, 40, ["OPINION", null, "PREDICTION"]],
    ]);
    expect(extra).toEqual([]);
  });
});

describe("sourceAgreement", () => {
  it("computes per pair F1, kappa and confusion, and alpha over all", () => {
    // Three annotators, four sentences (0-10, 20-30, 40-50, 60-70):
    //   ann: FACT, FACT, OPINION, PREDICTION
    //   bo:  FACT, OPINION, OPINION, (nothing)
    //   cy:  FACT, FACT, OPINION, PREDICTION
    const result = sourceAgreement<Kind>([
      { annotator: "ann", spans: [s(0, 10, "FACT"), s(20, 30, "FACT"), s(40, 50, "OPINION"), s(60, 70, "PREDICTION")] },
      { annotator: "bo", spans: [s(0, 10, "FACT"), s(21, 30, "OPINION"), s(40, 50, "OPINION")] },
      { annotator: "cy", spans: [s(0, 10, "FACT"), s(20, 30, "FACT"), s(40, 50, "OPINION"), s(60, 70, "PREDICTION")] },
    ], KINDS);
    const annBo = result.pairs[0]!;
    // Overlap: 3 matched of ann's 4 and bo's 3: P 1, R 0.75, F1 6/7. Exact: 2 matched.
    expect(annBo.spans.overlap).toMatchObject({ matched: 3, precision: 1, recall: 0.75 });
    expect(annBo.spans.overlap.f1).toBeCloseTo(6 / 7, 12);
    expect(annBo.spans.exact.matched).toBe(2);
    // Kinds of matched spans: (F,F), (F,O), (O,O): po = 2/3; ann F 2/3 O 1/3, bo F 1/3 O 2/3:
    // pe = 2/9 + 2/9 = 4/9; kappa = (2/3 - 4/9) / (5/9) = 0.4.
    expect(annBo.kappa.kappa).toBeCloseTo(0.4, 12);
    expect(annBo.confusion).toEqual([[1, 1, 0], [0, 1, 0], [0, 0, 0]]);
    expect(result.pairs[1]!.kappa.kappa).toBe(1); // ann and cy agree on everything
    // Alpha over units: (F,F,F), (F,O,F), (O,O,O), (P,-,P): n = 11 pairable values.
    // Coincidences, unit by unit (each pair within a unit weighs 1/(m-1)):
    //   unit1 FFF: o_FF += 3·2/2 = 3; unit2 FOF: o_FF += 2/2 = 1, o_FO += 2/2 = 1, o_OF += 1;
    //   unit3 OOO: o_OO += 3; unit4 PP: o_PP += 2/1 = 2.  n_F = 5, n_O = 4, n_P = 2, Σo_cc = 9.
    //   alpha = 1 - (n-1)(n - Σo_cc) / (n² - Σn_c²) = 1 - 10·2 / (121 - 25 - 16 - 4) = 1 - 20/76.
    expect(result.alpha.alpha).toBeCloseTo(1 - 20 / 76, 12);
    expect(result.pairs[0]!.perKind.find((k) => k.kind === "PREDICTION")).toMatchObject({ f1: 0, reference: 1, other: 0 });
  });

  it("refuses a single annotator", () => {
    expect(() => sourceAgreement([{ annotator: "ann", spans: [] }], KINDS)).toThrow(AgreementInputError);
  });
});
