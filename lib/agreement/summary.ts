// Everything the agreement view shows for one source, from each annotator's spans: per pair,
// span agreement (exact and overlap P/R/F1, first of the pair as reference), Cohen's kappa on the
// kinds of matched spans and their confusion matrix; per kind, overlap F1 counting only spans of
// that kind; over all annotators, Krippendorff's alpha (nominal) on the units of units.ts.
import { cohenKappa, confusionMatrix, type KappaResult } from "./cohen-kappa";
import { spanAgreement, type SpanAgreement } from "./f1";
import { krippendorffAlphaNominal, type AlphaResult } from "./krippendorff-alpha";
import { matchSpans } from "./spans";
import { agreementUnits, type AnnotatorSpans } from "./units";

export interface PairAgreement<K extends string> {
  reference: string;
  other: string;
  spans: SpanAgreement;
  kappa: KappaResult;
  /** Rows: the reference annotator's kind; columns: the other's; over matched spans. */
  confusion: number[][];
  perKind: { kind: K; f1: number | null; reference: number; other: number }[];
}

export interface SourceAgreement<K extends string> {
  annotators: string[];
  kinds: readonly K[];
  pairs: PairAgreement<K>[];
  alpha: AlphaResult;
}

export class AgreementInputError extends Error {}

export function sourceAgreement<K extends string>(annotators: AnnotatorSpans<K>[], kinds: readonly K[]): SourceAgreement<K> {
  if (annotators.length < 2) throw new AgreementInputError("Agreement needs at least two annotators.");
  const pairs: PairAgreement<K>[] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      const a = annotators[i]!;
      const b = annotators[j]!;
      const matching = matchSpans(a.spans, b.spans);
      const kindPairs = matching.matches.map((m) => [m.reference.kind, m.other.kind] as const);
      pairs.push({
        reference: a.annotator,
        other: b.annotator,
        spans: spanAgreement(matching),
        kappa: cohenKappa(kindPairs),
        confusion: confusionMatrix(kindPairs, kinds),
        perKind: kinds.map((kind) => {
          const per = spanAgreement(matchSpans(a.spans.filter((s) => s.kind === kind), b.spans.filter((s) => s.kind === kind)));
          return { kind, f1: per.overlap.f1, reference: per.referenceCount, other: per.otherCount };
        }),
      });
    }
  }
  const { units } = agreementUnits(annotators);
  return { annotators: annotators.map((a) => a.annotator), kinds, pairs, alpha: krippendorffAlphaNominal(units.map((u) => u.kinds)) };
}
