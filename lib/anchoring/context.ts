// Scoring a candidate place for a quote: how well the quote and its stored context agree with
// the text there, and which of several candidates wins.
import { distance as editDistance } from "fastest-levenshtein";
import { normalizeString } from "./normalise";
import { CONTEXT_LENGTH, type TextQuoteSelector } from "./selectors";

/**
 * Quotes shorter than this are "short": a short quote may occur by chance in unrelated places,
 * so an ambiguous or fuzzy short match must also be backed by its surrounding context.
 */
export const SHORT_QUOTE_LENGTH = 32;

/** Minimum mean prefix/suffix similarity (0..1) required to back a short quote's match. */
export const MIN_CONTEXT_SIMILARITY = 0.5;

// Relative weights of the scoring terms, as in Hypothesis' match-quote: the quote itself dominates,
// context breaks ties between equal quotes, position only breaks ties between equal contexts.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

export interface Candidate {
  start: number;
  end: number;
  quoteSim: number;
  contextSim: number;
  distance: number;
  score: number;
}

/** 1 minus the normalised Levenshtein distance; only ever called on context-sized strings. */
function similarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : 1 - editDistance(a, b) / len;
}

export function scoreCandidate(
  text: string,
  quote: TextQuoteSelector,
  start: number,
  end: number,
  quoteSim: number,
  hint: number | undefined,
): Candidate {
  // A stored prefix shorter than CONTEXT_LENGTH means the span sat near the start of the text,
  // so compare a full-length window: a candidate deep in the text then scores lower.
  const preLen = Math.max(quote.prefix.length, CONTEXT_LENGTH);
  const sufLen = Math.max(quote.suffix.length, CONTEXT_LENGTH);
  const prefixSim = similarity(
    normalizeString(text.slice(Math.max(0, start - preLen), start)),
    normalizeString(quote.prefix),
  );
  const suffixSim = similarity(normalizeString(text.slice(end, end + sufLen)), normalizeString(quote.suffix));
  const contextSim = (prefixSim + suffixSim) / 2;
  const distance = hint === undefined ? 0 : Math.abs(start - hint);
  let total = QUOTE_WEIGHT * quoteSim + PREFIX_WEIGHT * prefixSim + SUFFIX_WEIGHT * suffixSim;
  let weights = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT;
  if (hint !== undefined) {
    total += POSITION_WEIGHT * (1 - distance / Math.max(1, text.length));
    weights += POSITION_WEIGHT;
  }
  return { start, end, quoteSim, contextSim, distance, score: total / weights };
}

// For exact candidates (equal quotes): context first, then closeness to the hint, then earliest,
// so identical candidates resolve deterministically.
function better(a: Candidate, b: Candidate): boolean {
  if (Math.abs(a.quoteSim - b.quoteSim) > 1e-9) return a.quoteSim > b.quoteSim;
  if (Math.abs(a.contextSim - b.contextSim) > 1e-9) return a.contextSim > b.contextSim;
  if (a.distance !== b.distance) return a.distance < b.distance;
  return a.start < b.start;
}

export function pickBest(cands: Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of cands) if (!best || better(c, best)) best = c;
  return best;
}

/** For fuzzy candidates: the highest score, the earliest among equals. */
export function bestByScore(cands: Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of cands) {
    if (!best || c.score > best.score + 1e-12 || (Math.abs(c.score - best.score) <= 1e-12 && c.start < best.start)) {
      best = c;
    }
  }
  return best;
}

export function hasContext(quote: TextQuoteSelector): boolean {
  return quote.prefix.length > 0 || quote.suffix.length > 0;
}

/** Several equally exact candidates for a short quote: without supporting context it is a coin toss. */
export function ambiguousShort(quote: TextQuoteSelector, cands: Candidate[], best: Candidate): boolean {
  return (
    cands.length > 1 &&
    quote.exact.length < SHORT_QUOTE_LENGTH &&
    hasContext(quote) &&
    best.contextSim < MIN_CONTEXT_SIMILARITY
  );
}
