// Figures as intervals over a named quantity: "more than 2,000 troops" is (2000, ∞) of troops,
// "about 3,000 paratroopers" is [2700, 3300] of troops (the paratroopers part), "under 4000
// personnel" is [0, 4000) of troops. Two figures of the same quantity contradict when their
// intervals cannot overlap; a part contradicts its whole when it must exceed it.
import type { Quantity } from "./scan";
import { singular, unitFamily } from "./units";
import { PART_OF } from "./vocabulary";

export interface Interval {
  lower: number;
  upper: number;
  lowerOpen: boolean;
  upperOpen: boolean;
}

/** Relative tolerance of "about"/"around" etc. unless a researcher states another: ±10%, the usual
 *  reading of a round figure. "almost"/"nearly" take the same width below the figure only. */
export const ABOUT_TOLERANCE = 0.1;

/** What a figure counts, normalised: "paratroopers" counts troops, as a part of them. */
export interface Counted {
  /** The whole quantity ("troops"), or null for a bare number. */
  quantity: string | null;
  /** The named part of that whole ("paratroopers"), or null when the figure counts the whole. */
  part: string | null;
}

export function countedThing(unit: string | null): Counted {
  const family = unitFamily(unit);
  if (family === null) return { quantity: null, part: null };
  const u = unit!.trim().toLowerCase();
  const part = PART_OF[u] ?? PART_OF[singular(u)];
  return part ? { quantity: part.whole, part: part.name } : { quantity: family, part: null };
}

/**
 * The interval a figure states. Figures in text are magnitudes, so "under 4000" starts at 0.
 * `tolerance` is the relative width of "about" (0.1 = ±10%) and of "almost" (0.1 = the 10% below).
 */
export function quantityInterval(q: Pick<Quantity, "value" | "qualifier">, tolerance = ABOUT_TOLERANCE): Interval {
  const v = q.value;
  switch (q.qualifier) {
    case "more than":
      return { lower: v, lowerOpen: true, upper: Infinity, upperOpen: true };
    case "at least":
      return { lower: v, lowerOpen: false, upper: Infinity, upperOpen: true };
    case "less than":
      return { lower: Math.min(0, v), lowerOpen: false, upper: v, upperOpen: true };
    case "at most":
      return { lower: Math.min(0, v), lowerOpen: false, upper: v, upperOpen: false };
    case "about": {
      const d = Math.abs(v) * tolerance;
      return { lower: v - d, lowerOpen: false, upper: v + d, upperOpen: false };
    }
    case "almost":
      return { lower: v - Math.abs(v) * tolerance, lowerOpen: false, upper: v, upperOpen: true };
    default:
      return { lower: v, lowerOpen: false, upper: v, upperOpen: false };
  }
}

/** Whether some number lies in both intervals. */
export function overlaps(a: Interval, b: Interval): boolean {
  // The intersection takes the tighter bound on each side; an open bound wins a tie.
  const lower = Math.max(a.lower, b.lower);
  const lowerOpen = (a.lower === lower && a.lowerOpen) || (b.lower === lower && b.lowerOpen);
  const upper = Math.min(a.upper, b.upper);
  const upperOpen = (a.upper === upper && a.upperOpen) || (b.upper === upper && b.upperOpen);
  if (lower < upper) return true;
  return lower === upper && !lowerOpen && !upperOpen;
}

/** "(2000, ∞)", "[2700, 3300]", "2500": the interval in mathematicians' notation. */
export function formatInterval(i: Interval): string {
  const n = (x: number) => (Number.isFinite(x) ? x.toLocaleString("en-US", { maximumFractionDigits: 2 }) : x > 0 ? "∞" : "−∞");
  if (i.lower === i.upper && !i.lowerOpen && !i.upperOpen) return n(i.lower);
  return `${i.lowerOpen ? "(" : "["}${n(i.lower)}, ${n(i.upper)}${i.upperOpen ? ")" : "]"}`;
}

export type IntervalComparison = "consistent" | "conflicting" | "incomparable";

export interface CountedInterval extends Counted {
  interval: Interval;
}

/**
 * Same quantity and same part (or both the whole): the intervals must overlap. A part and its
 * whole: the part cannot exceed the whole, so they conflict only when the part's interval lies
 * wholly above the whole's. Different parts of one whole, or different quantities: incomparable.
 */
export function compareCounted(a: CountedInterval, b: CountedInterval): IntervalComparison {
  if (a.quantity !== b.quantity) return "incomparable";
  if (a.part === b.part) return overlaps(a.interval, b.interval) ? "consistent" : "conflicting";
  if (a.part !== null && b.part !== null) return "incomparable";
  const [part, whole] = a.part !== null ? [a, b] : [b, a];
  const atMostWhole: Interval = { lower: -Infinity, lowerOpen: true, upper: whole.interval.upper, upperOpen: whole.interval.upperOpen };
  return overlaps(part.interval, atMostWhole) ? "consistent" : "conflicting";
}
