// The value a claim states, as the researcher judges it: the parsed figure and date, with any
// stored correction winning over the parse, and the event the date is of.
import { dateIntervals, type DateInterval } from "./date-intervals";
import { ABOUT_TOLERANCE, countedThing, formatInterval, quantityInterval, type Counted, type Interval } from "./intervals";
import { extractQuantities } from "./scan";
import type { Qualifier } from "./vocabulary";
import type { ValueCorrectionView } from "../types";

/** What a researcher stored for a claim (table ClaimValue); null fields leave the parse alone.
 *  Bounds, when either is set, replace the parsed interval (a missing lower is 0, a missing upper ∞). */
export type ValueCorrection = ValueCorrectionView;

export interface FigureValue extends Counted {
  /** As written ("about 3,000 paratroopers"), or the researcher's figure. */
  text: string;
  /** As a reader would say it: "about 3,000 paratroopers", "2,500 troops". */
  label: string;
  value: number | null;
  qualifier: Qualifier | null;
  unit: string | null;
  interval: Interval;
  /** "(2000, ∞)" */
  intervalText: string;
  tolerance: number;
  corrected: boolean;
}

export interface DateValue extends DateInterval {
  corrected: boolean;
}

export interface ClaimValues {
  figure: FigureValue | null;
  date: DateValue | null;
  /** The claim's own event, else the cluster's; dates of different events are not compared. */
  event: string | null;
}

export interface ClaimValueInput {
  quote: string;
  correction?: ValueCorrection | null;
  /** The claim date a researcher set in provenance (Claim.claimDate*): wins over the quote's. */
  claimDate?: Omit<DateInterval, "text"> | null;
  clusterEvent?: string | null;
}

function correctedFigure(parsed: FigureValue | null, c: ValueCorrection): FigureValue | null {
  const touched = c.quantity !== null || c.unit !== null || c.value !== null || c.lower !== null || c.upper !== null || c.tolerance !== null;
  if (!touched) return parsed;
  const value = c.value ?? parsed?.value ?? null;
  const qualifier = parsed?.qualifier ?? null;
  const unit = c.unit ?? parsed?.unit ?? null;
  const tolerance = c.tolerance ?? parsed?.tolerance ?? ABOUT_TOLERANCE;
  let interval: Interval | null = null;
  if (c.lower !== null || c.upper !== null) {
    interval = { lower: c.lower ?? 0, lowerOpen: c.lower !== null && c.lowerOpen, upper: c.upper ?? Infinity, upperOpen: c.upper === null || c.upperOpen };
  } else if (value !== null) {
    interval = quantityInterval({ value, qualifier }, tolerance);
  }
  if (!interval) return parsed;
  // A named quantity counts the whole of it: "troops" for "paratroopers" widens the figure.
  const counted: Counted = c.quantity !== null ? { quantity: c.quantity.trim().toLowerCase(), part: null }
    : c.unit !== null ? countedThing(c.unit) : { quantity: parsed?.quantity ?? null, part: parsed?.part ?? null };
  const text = value !== null ? figureLabel(qualifier, value, unit) : `${unit ?? ""} ${formatInterval(interval)}`.trim();
  return {
    text, label: text, value, qualifier, unit, ...counted,
    interval, intervalText: formatInterval(interval), tolerance, corrected: true,
  };
}

/** "more than 2,000 troops", as a reader would say it. */
export function figureLabel(qualifier: Qualifier | null, value: number, unit: string | null): string {
  return [qualifier, value.toLocaleString("en-US", { maximumFractionDigits: 6 }), unit].filter(Boolean).join(" ");
}

/**
 * The claim's figure (its first figure that counts something), its date (the researcher's
 * claim date, else the first date in the quote) and the event that date is of.
 * Cost: one scan and one chrono parse of the quote.
 */
export function claimValues({ quote, correction = null, claimDate = null, clusterEvent = null }: ClaimValueInput): ClaimValues {
  const tolerance = correction?.tolerance ?? ABOUT_TOLERANCE;
  const q = extractQuantities(quote).find((x) => countedThing(x.unit).quantity !== null) ?? null;
  let figure: FigureValue | null = null;
  if (q) {
    const interval = quantityInterval(q, tolerance);
    figure = { text: q.raw, label: figureLabel(q.qualifier, q.value, q.unit), value: q.value, qualifier: q.qualifier, unit: q.unit, ...countedThing(q.unit), interval, intervalText: formatInterval(interval), tolerance, corrected: false };
  }
  if (correction) figure = correctedFigure(figure, correction);
  let date: DateValue | null = null;
  if (claimDate) date = { ...claimDate, text: "set by a researcher", corrected: true };
  else {
    const first = dateIntervals(quote)[0];
    if (first) date = { ...first, corrected: false };
  }
  const event = correction?.event?.trim() || clusterEvent?.trim() || null;
  return { figure, date, event };
}
