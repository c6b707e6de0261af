// The one binary search: each sorted look-up in lib/ (the run at an offset, a paragraph's number,
// the line of a position, the page of an offset, how claims stack) is a partition point.

/** The first index in [from, to) at which `before(i)` is false, given that it holds for a prefix
 *  of the range and not after. Cost: O(log (to - from)) calls of `before`. */
export function partitionPoint(from: number, to: number, before: (i: number) => boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** partitionPoint over sorted numbers: the first index in [from, to) whose value is >= `value`
 *  (> when `strict`). Without a callback per step: the stacking of 10,000 claims makes 40,000 of
 *  these look-ups on every page load, most of them before the JIT has compiled anything. */
export function lowerBound(sorted: ArrayLike<number>, value: number, strict = false, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? sorted[mid]! <= value : sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
