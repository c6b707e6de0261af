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

  // The edge cases INCEpTION met (REFERENCES.md): alpha reported as 1 when annotators share no
  // items (inception issue 2219) and as 0 on full agreement (dkpro-statistics PR 48). Here: no
  // shared items give no kappa and no alpha (null, "undefined"), F1 0; full agreement over one
  // kind gives F1 1 and undefined kappa and alpha (chance agreement is 1, the formulas are 0/0).
  it("gives F1 0 and no kappa or alpha when the annotators share no passage", () => {
    const result = sourceAgreement<Kind>([
      { annotator: "ann", spans: [s(0, 10, "FACT"), s(20, 30, "OPINION")] },
      { annotator: "bo", spans: [s(40, 50, "FACT"), s(60, 70, "OPINION")] },
    ], KINDS);
    expect(result.pairs[0]!.spans.overlap).toMatchObject({ matched: 0, precision: 0, recall: 0, f1: 0 });
    expect(result.pairs[0]!.kappa).toMatchObject({ kappa: null, items: 0 });
    expect(result.alpha).toMatchObject({ alpha: null, units: 0, degenerate: false });
  });

  it("gives 1 everywhere for perfect agreement over several kinds", () => {
    const same = [s(0, 10, "FACT"), s(20, 30, "OPINION"), s(40, 50, "PREDICTION")];
    const result = sourceAgreement<Kind>([{ annotator: "ann", spans: same }, { annotator: "bo", spans: same.map((x) => ({ ...x })) }, { annotator: "cy", spans: same.map((x) => ({ ...x })) }], KINDS);
    for (const pair of result.pairs) {
      expect([pair.spans.exact.f1, pair.spans.overlap.f1, pair.kappa.kappa]).toEqual([1, 1, 1]);
    }
    expect(result.alpha.alpha).toBe(1);
  });

  it("leaves kappa and alpha undefined, not 0 or 1, when everyone used a single kind", () => {
    const result = sourceAgreement<Kind>([
      { annotator: "ann", spans: [s(0, 10, "FACT"), s(20, 30, "FACT")] },
      { annotator: "bo", spans: [s(0, 10, "FACT"), s(20, 30, "FACT")] },
    ], KINDS);
    expect(result.pairs[0]!.spans.overlap.f1).toBe(1);
    expect(result.pairs[0]!.kappa).toMatchObject({ kappa: null, degenerate: true, observed: 1 });
    expect(result.alpha).toMatchObject({ alpha: null, degenerate: true });
  });

  it("refuses a single annotator", () => {
    expect(() => sourceAgreement([{ annotator: "ann", spans: [] }], KINDS)).toThrow(AgreementInputError);
  });
});
