// Span agreement as precision / recall / F1, with one annotator taken as the reference:
// precision = the other's spans that match a reference span / all the other's spans,
// recall = reference spans matched / all reference spans. Computed twice: counting a match only
// when both ends coincide ("exact"), and under the overlap rule of spans.ts ("overlap").
// F1 is symmetric, so it does not matter which annotator is the reference for F1 itself.
import type { SpanMatching } from "./spans";

export interface PrecisionRecall {
  precision: number | null;
  recall: number | null;
  f1: number | null;
  matched: number;
}

export interface SpanAgreement {
  exact: PrecisionRecall;
  overlap: PrecisionRecall;
  referenceCount: number;
  otherCount: number;
}

export function precisionRecall(matched: number, referenceCount: number, otherCount: number): PrecisionRecall {
  const precision = otherCount === 0 ? null : matched / otherCount;
  const recall = referenceCount === 0 ? null : matched / referenceCount;
  // Both annotators marked nothing: nothing to disagree about, but no evidence either: null, not 1.
  const f1 = referenceCount + otherCount === 0 ? null : (2 * matched) / (referenceCount + otherCount);
  return { precision, recall, f1, matched };
}

export function spanAgreement(matching: SpanMatching): SpanAgreement {
  const referenceCount = matching.matches.length + matching.onlyReference.length;
  const otherCount = matching.matches.length + matching.onlyOther.length;
  const exact = matching.matches.filter((m) => m.exact).length;
  return {
    exact: precisionRecall(exact, referenceCount, otherCount),
    overlap: precisionRecall(matching.matches.length, referenceCount, otherCount),
    referenceCount,
    otherCount,
  };
}
