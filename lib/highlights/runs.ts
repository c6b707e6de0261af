// Cuts a text into runs, each plain or covered by claims, so overlapping claims can be painted
// without crossing tags. The one overlap rule: a run lists its claims outermost first, and the
// last (the shortest claim covering it, the most specific) is the one the run shows.

import { partitionPoint } from "../sorted";
export interface RunSpan {
  id: string;
  start: number;
  end: number;
}

export interface HighlightRun {
  start: number;
  end: number;
  /** Claims covering the run, longest first; empty for plain text. */
  ids: string[];
}

/**
 * Cost: a sort of the spans and of their ends, then one step per run with a sort of the claims
 * open there (usually one or two): O(n log n) for n claims.
 */
export function highlightRuns(length: number, spans: RunSpan[]): HighlightRun[] {
  const valid = spans
    .map((s, index) => ({ ...s, index }))
    .filter((s) => s.start >= 0 && s.start < s.end && s.end <= length)
    .sort((a, b) => a.start - b.start);
  const cuts = [...new Set([0, length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const runs: HighlightRun[] = [];
  let open: typeof valid = [];
  let next = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i]!, cuts[i + 1]!];
    open = open.filter((s) => s.end > start);
    while (next < valid.length && valid[next]!.start === start) open.push(valid[next++]!);
    // Longest first; of two equally long, the one given first ends up innermost.
    const ids = [...open].sort((a, b) => b.end - b.start - (a.end - a.start) || b.index - a.index).map((s) => s.id);
    const last = runs.at(-1);
    if (last && last.ids.length === ids.length && last.ids.every((id, k) => id === ids[k])) last.end = end;
    else runs.push({ start, end, ids });
  }
  return runs;
}

export interface Segment {
  start: number;
  end: number;
  claimId: string | null;
}

/** The runs as the claim each one shows (the innermost), adjacent runs showing the same merged. */
export function highlightSegments(length: number, spans: RunSpan[]): Segment[] {
  const segments: Segment[] = [];
  for (const run of highlightRuns(length, spans)) {
    const claimId = run.ids.at(-1) ?? null;
    const last = segments.at(-1);
    if (last && last.claimId === claimId) last.end = run.end;
    else segments.push({ start: run.start, end: run.end, claimId });
  }
  return segments;
}

/** Index of the first run ending after `offset` (runs are sorted and touch end to start), or
 *  runs.length. Cost: O(log n). */
export function firstRunEndingAfter(runs: readonly { end: number }[], offset: number): number {
  return partitionPoint(0, runs.length, (i) => runs[i]!.end <= offset);
}
