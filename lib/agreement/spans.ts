// Span matching between annotators: which marks of one researcher correspond to which marks of
// another on the same source.
//
// Rule (stated once, used by every agreement figure): two spans match when their overlap covers
// at least half of the SHORTER span. Each span matches at most one span of the other annotator;
// candidates are taken greedily by the largest overlap, ties broken by the earlier start, so the
// result does not depend on the order the spans arrive in. A span with no match is "only marked
// by one annotator": it counts against precision or recall, and it takes no part in kappa or
// alpha (those measure agreement on kinds where both marked the same words).
//
// Cost: sorting, then for each reference span a scan of the other's spans that start before it
// ends: O(a·b) in the worst case for a and b spans on one source, about O((a+b) log(a+b)) for
// claims that rarely overlap.

/** The rule above in one sentence, for pages and the API (the README says the same). */
export const MATCHING_RULE =
  "Two annotators' spans are taken as the same unit when they overlap by at least half of the shorter span; each span pairs with at most one span of the other annotator (largest overlap first). A span only one annotator marked counts as a miss for the other (it lowers recall or precision) and is left out of kappa and alpha, which compare kinds where both marked the same words.";

export interface AnnotatedSpan<K extends string = string> {
  start: number;
  end: number;
  kind: K;
}

export interface SpanMatch<K extends string = string> {
  reference: AnnotatedSpan<K>;
  other: AnnotatedSpan<K>;
  /** Same start and end. */
  exact: boolean;
}

export interface SpanMatching<K extends string = string> {
  matches: SpanMatch<K>[];
  /** Marked by the reference annotator only. */
  onlyReference: AnnotatedSpan<K>[];
  /** Marked by the other annotator only. */
  onlyOther: AnnotatedSpan<K>[];
}

export function overlapLength(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Do the two spans match under the half-of-the-shorter rule? Empty spans never match. */
export function spansMatch(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  if (shorter <= 0) return false;
  return overlapLength(a, b) * 2 >= shorter;
}

export function matchSpans<K extends string>(reference: AnnotatedSpan<K>[], other: AnnotatedSpan<K>[]): SpanMatching<K> {
  const refs = [...reference].sort(byPosition);
  const others = [...other].sort(byPosition);
  const candidates: { r: number; o: number; overlap: number }[] = [];
  // Sweep: for each reference span, only the other spans starting before it ends can overlap.
  for (let r = 0; r < refs.length; r++) {
    const ref = refs[r]!;
    for (let o = 0; o < others.length && others[o]!.start < ref.end; o++) {
      if (others[o]!.end <= ref.start) continue;
      if (spansMatch(ref, others[o]!)) candidates.push({ r, o, overlap: overlapLength(ref, others[o]!) });
    }
  }
  candidates.sort((x, y) => y.overlap - x.overlap || refs[x.r]!.start - refs[y.r]!.start || others[x.o]!.start - others[y.o]!.start);
  const refTaken = new Set<number>();
  const otherTaken = new Set<number>();
  const matches: SpanMatch<K>[] = [];
  for (const c of candidates) {
    if (refTaken.has(c.r) || otherTaken.has(c.o)) continue;
    refTaken.add(c.r);
    otherTaken.add(c.o);
    const a = refs[c.r]!;
    const b = others[c.o]!;
    matches.push({ reference: a, other: b, exact: a.start === b.start && a.end === b.end });
  }
  matches.sort((x, y) => byPosition(x.reference, y.reference));
  return {
    matches,
    onlyReference: refs.filter((_, i) => !refTaken.has(i)),
    onlyOther: others.filter((_, i) => !otherTaken.has(i)),
  };
}

function byPosition(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || a.end - b.end;
}
