// Whether two figures can both be true: each is read as an interval and the intervals must meet.
import type { Quantity } from "./scan";
import { unitFamily } from "./units";

export type QuantityComparison = "consistent" | "conflicting" | "incomparable";

/** Relative tolerance of "about"/"around"/"nearly" etc.: ±10%, the usual reading of a round figure. */
export const ABOUT_TOLERANCE = 0.1;

interface Interval {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
}

function interval(q: Quantity): Interval {
  const v = q.value;
  switch (q.qualifier) {
    case "more than":
      return { lo: v, loOpen: true, hi: Infinity, hiOpen: true };
    case "at least":
      return { lo: v, loOpen: false, hi: Infinity, hiOpen: true };
    case "less than":
      return { lo: -Infinity, loOpen: true, hi: v, hiOpen: true };
    case "at most":
      return { lo: -Infinity, loOpen: true, hi: v, hiOpen: false };
    case "about": {
      const d = Math.abs(v) * ABOUT_TOLERANCE;
      return { lo: v - d, loOpen: false, hi: v + d, hiOpen: false };
    }
    default:
      return { lo: v, loOpen: false, hi: v, hiOpen: false };
  }
}

function overlap(a: Interval, b: Interval): boolean {
  // Take the tighter bound on each side, then check the intersection is non-empty.
  const lo = Math.max(a.lo, b.lo);
  const loOpen = (a.lo === lo && a.loOpen) || (b.lo === lo && b.loOpen);
  const hi = Math.min(a.hi, b.hi);
  const hiOpen = (a.hi === hi && a.hiOpen) || (b.hi === hi && b.hiOpen);
  if (lo < hi) return true;
  return lo === hi && !loOpen && !hiOpen;
}

/**
 * Whether two figures can both be true. Each value+qualifier is read as a range ("more than 2,000"
 * is (2000, ∞), "about 3,000" is [2700, 3300]) and the figures are consistent when the ranges
 * overlap. Figures are only comparable when their units belong to the same family; two figures
 * without a unit are compared as plain numbers, one with and one without are incomparable.
 */
export function compareQuantities(a: Quantity, b: Quantity): QuantityComparison {
  if (unitFamily(a.unit) !== unitFamily(b.unit)) return "incomparable";
  if (!Number.isFinite(a.value) || !Number.isFinite(b.value)) return "incomparable";
  return overlap(interval(a), interval(b)) ? "consistent" : "conflicting";
}
