// Whether two figures can both be true: each is read as an interval over what it counts
// (lib/quantities/intervals.ts) and the intervals must meet.
import { ABOUT_TOLERANCE, compareCounted, countedThing, quantityInterval, type IntervalComparison } from "./intervals";
import type { Quantity } from "./scan";

export type QuantityComparison = IntervalComparison;
export { ABOUT_TOLERANCE };

/**
 * Whether two figures can both be true. "more than 2,000" is (2000, ∞), "about 3,000" is
 * [2700, 3300]; figures are consistent when the intervals overlap. Figures are only comparable
 * when they count the same thing (a part, such as paratroopers, may not exceed its whole);
 * two figures without a unit are compared as plain numbers, one with and one without are incomparable.
 */
export function compareQuantities(a: Quantity, b: Quantity): QuantityComparison {
  if (!Number.isFinite(a.value) || !Number.isFinite(b.value)) return "incomparable";
  return compareCounted(
    { ...countedThing(a.unit), interval: quantityInterval(a) },
    { ...countedThing(b.unit), interval: quantityInterval(b) },
  );
}
