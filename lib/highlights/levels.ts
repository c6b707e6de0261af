// How claims stack where they overlap: an outer claim's underline sits lower than the claims
// inside it, so every claim's underline stays visible.

import { partitionPoint } from "../sorted";

export interface StackSpan {
  id: string;
  start: number;
  end: number;
}

export interface StackLevel {
  /** How many other claims begin inside this one (capped at 3: the lowest underline). */
  level: number;
  /** Whether a longer claim covers this one entirely. */
  nested: boolean;
}

export const MAX_LEVEL = 3;

/** First index in `sorted[from, to)` whose value is >= `value` (or > when `strict`). */
function bound(sorted: number[], value: number, strict: boolean, from = 0, to = sorted.length): number {
  return strict ? partitionPoint(from, to, (i) => sorted[i]! <= value) : partitionPoint(from, to, (i) => sorted[i]! < value);
}

/**
 * A claim's level counts the other claims that start inside it (or start with it and end sooner);
 * it is nested when another claim covers it and is longer. Spans are non-empty (start < end).
 * Cost: one sort and a few binary searches per claim, O(n log n): about 20,000 steps at 1,000
 * claims, where comparing every pair took a million.
 */
export function stackLevels(spans: StackSpan[]): Map<string, StackLevel> {
  // Sorted by start, then end: starts alone answer "begins inside", pairs answer "same start, ends sooner".
  const byStart = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const starts = byStart.map((s) => s.start);
  const ends = byStart.map((s) => s.end);
  // For nesting: the furthest end among claims starting strictly before each start, and the
  // furthest end among claims sharing a start.
  const maxEndBefore = new Map<number, number>();
  const maxEndAt = new Map<number, number>();
  let furthest = -Infinity;
  for (let i = 0; i < byStart.length; ) {
    const start = starts[i]!;
    maxEndBefore.set(start, furthest);
    let j = i;
    while (j < byStart.length && starts[j] === start) j++;
    maxEndAt.set(start, ends[j - 1]!);
    furthest = Math.max(furthest, ends[j - 1]!);
    i = j;
  }
  const result = new Map<string, StackLevel>();
  for (const c of spans) {
    const beginInside = bound(starts, c.end, false) - bound(starts, c.start, true);
    const firstSameStart = bound(starts, c.start, false);
    // Among the claims sharing c's start (sorted by end), those ending before c.end.
    const endingSooner = bound(ends, c.end, false, firstSameStart, bound(starts, c.start, true)) - firstSameStart;
    const nested = maxEndBefore.get(c.start)! >= c.end || maxEndAt.get(c.start)! > c.end;
    result.set(c.id, { level: Math.min(beginInside + endingSooner, MAX_LEVEL), nested });
  }
  return result;
}
