// Units of analysis for agreement among several annotators: groups of spans that match (spans.ts
// rule) across annotators, joined transitively. Each annotator gives at most one kind per unit:
// when a chain brings two spans of one annotator into the same unit, the earlier span speaks for
// that annotator and the later one is reported apart as `extra` (it counts as a span only that
// annotator marked). Cost: one matchSpans per pair of annotators, so O(annotators² · spans).
import { matchSpans, type AnnotatedSpan } from "./spans";

export interface AnnotatorSpans<K extends string = string> {
  annotator: string;
  spans: AnnotatedSpan<K>[];
}

export interface AgreementUnit<K extends string = string> {
  start: number;
  end: number;
  /** One entry per annotator, in the order given; null where that annotator did not mark it. */
  kinds: (K | null)[];
  spans: (AnnotatedSpan<K> | null)[];
}

export function agreementUnits<K extends string>(annotators: AnnotatorSpans<K>[]): { units: AgreementUnit<K>[]; extra: { annotator: string; span: AnnotatedSpan<K> }[] } {
  const nodes: { annotator: number; span: AnnotatedSpan<K> }[] = [];
  const nodeOf = new Map<AnnotatedSpan<K>, number>();
  annotators.forEach((a, ai) => a.spans.forEach((span) => { nodeOf.set(span, nodes.length); nodes.push({ annotator: ai, span }); }));
  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      for (const m of matchSpans(annotators[i]!.spans, annotators[j]!.spans).matches) {
        parent[find(nodeOf.get(m.reference)!)] = find(nodeOf.get(m.other)!);
      }
    }
  }
  const groups = new Map<number, number[]>();
  nodes.forEach((_, i) => { const root = find(i); groups.set(root, [...(groups.get(root) ?? []), i]); });
  const units: AgreementUnit<K>[] = [];
  const extra: { annotator: string; span: AnnotatedSpan<K> }[] = [];
  for (const members of groups.values()) {
    members.sort((x, y) => nodes[x]!.span.start - nodes[y]!.span.start || nodes[x]!.span.end - nodes[y]!.span.end);
    const spans: (AnnotatedSpan<K> | null)[] = annotators.map(() => null);
    for (const i of members) {
      const { annotator, span } = nodes[i]!;
      if (spans[annotator]) extra.push({ annotator: annotators[annotator]!.annotator, span });
      else spans[annotator] = span;
    }
    const present = spans.filter((s): s is AnnotatedSpan<K> => s !== null);
    units.push({
      start: Math.min(...present.map((s) => s.start)),
      end: Math.max(...present.map((s) => s.end)),
      kinds: spans.map((s) => s?.kind ?? null),
      spans,
    });
  }
  units.sort((a, b) => a.start - b.start || a.end - b.end);
  return { units, extra };
}
