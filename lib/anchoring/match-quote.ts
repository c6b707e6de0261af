// Finding a quote again in a text that may have been edited: verbatim, then ignoring typography,
// then approximately (approx-string-match), each candidate weighed by its context.
import search from "approx-string-match";
import { ambiguousShort, bestByScore, hasContext, MIN_CONTEXT_SIMILARITY, pickBest, scoreCandidate, SHORT_QUOTE_LENGTH, type Candidate } from "./context";
import { normalize, normalizeString } from "./normalise";
import type { TextQuoteSelector } from "./selectors";

export interface AnchorMatch {
  start: number;
  end: number;
  /** True when text.slice(start, end) === quote.exact. */
  exact: boolean;
  /** 0..1, higher is better. Only comparable between matches for the same quote. */
  score: number;
}

/**
 * Fuzzy matching is only tried for quotes at least this long (after normalisation): with fewer
 * characters one allowed error already lets the quote match unrelated words.
 */
export const MIN_FUZZY_QUOTE_LENGTH = 8;

/** Allowed edits per quote character in a fuzzy match (a fifth: one word changed in a short sentence). */
export const MAX_ERROR_RATE = 0.2;

/** How far (in characters, beyond the quote's own length) around the hint a local fuzzy search looks. */
const LOCAL_SEARCH_MARGIN = 256;

function allIndexes(haystack: string, needle: string): number[] {
  const out: number[] = [];
  let i = haystack.indexOf(needle);
  while (i !== -1) {
    out.push(i);
    i = haystack.indexOf(needle, i + 1);
  }
  return out;
}

function toMatch(text: string, quote: TextQuoteSelector, c: Candidate): AnchorMatch {
  return { start: c.start, end: c.end, exact: text.slice(c.start, c.end) === quote.exact, score: c.score };
}

/** Shrink a mapped span so it does not gain whitespace the quote did not have. */
function trimToQuote(text: string, quote: string, start: number, end: number): [number, number] {
  if (!/^\s/.test(quote)) while (start < end && /\s/.test(text[start]!)) start++;
  if (!/\s$/.test(quote)) while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}

export function anchorQuote(
  text: string,
  quote: TextQuoteSelector,
  hint?: { start?: number },
): AnchorMatch | null {
  if (quote.exact.length === 0 || text.length === 0) return null;
  const hintStart = hint?.start;

  const norm = normalize(text);
  const normQuote = normalizeString(quote.exact);
  if (normQuote.trim().length === 0) return null;
  const mapSpan = (s: number, e: number): [number, number] =>
    trimToQuote(text, quote.exact, norm.origStart[s]!, norm.origEnd[e - 1]!);
  const fuzzyAllowed = normQuote.length >= MIN_FUZZY_QUOTE_LENGTH;
  const maxErrors = Math.max(1, Math.floor(normQuote.length * MAX_ERROR_RATE));

  const fuzzyIn = (from: number, to: number): Candidate[] =>
    search(norm.text.slice(from, to), normQuote, maxErrors)
      .filter((m) => m.end > m.start)
      .map((m) => {
        const [os, oe] = mapSpan(from + m.start, from + m.end);
        return scoreCandidate(text, quote, os, oe, 1 - m.errors / normQuote.length, hintStart);
      })
      .filter((c) => c.end > c.start);

  // The library only reports the globally least-erroneous matches, so an edited passage at the
  // claim's old place would lose to an untouched copy elsewhere. Searching near the hint as well
  // keeps the local candidate in the running; scoring then weighs its context.
  const localFuzzy = (): Candidate[] => {
    if (!fuzzyAllowed || hintStart === undefined) return [];
    let h = 0;
    while (h < norm.origStart.length && norm.origStart[h]! < hintStart) h++;
    const from = Math.max(0, h - normQuote.length - LOCAL_SEARCH_MARGIN);
    const to = Math.min(norm.text.length, h + 2 * normQuote.length + LOCAL_SEARCH_MARGIN);
    return fuzzyIn(from, to);
  };

  // Exact (verbatim, then typography-insensitive) candidates win outright when their context
  // agrees. With poor context, a nearby edited copy whose context agrees may be the real anchor.
  const decide = (cands: Candidate[]): AnchorMatch | null | undefined => {
    const best = pickBest(cands);
    if (!best) return undefined;
    if (best.contextSim < MIN_CONTEXT_SIMILARITY && hasContext(quote)) {
      const local = bestByScore(localFuzzy().filter((c) => c.contextSim >= MIN_CONTEXT_SIMILARITY));
      if (local && local.score > best.score) return toMatch(text, quote, local);
    }
    return ambiguousShort(quote, cands, best) ? null : toMatch(text, quote, best);
  };

  // 1. Verbatim occurrences.
  const verbatim = decide(
    allIndexes(text, quote.exact).map((s) => scoreCandidate(text, quote, s, s + quote.exact.length, 1, hintStart)),
  );
  if (verbatim !== undefined) return verbatim;

  // 2. Occurrences that differ only in typography or whitespace.
  const retyped = decide(
    allIndexes(norm.text, normQuote).map((s) => {
      const [os, oe] = mapSpan(s, s + normQuote.length);
      return scoreCandidate(text, quote, os, oe, 1, hintStart);
    }),
  );
  if (retyped !== undefined) return retyped;

  // 3. Approximate matches: the quoted passage itself was edited.
  if (!fuzzyAllowed) return null;
  const best = bestByScore([...fuzzyIn(0, norm.text.length), ...localFuzzy()]);
  if (!best) return null;
  // An edited short quote is only trusted where its old context survived.
  if (normQuote.length < SHORT_QUOTE_LENGTH && best.contextSim < MIN_CONTEXT_SIMILARITY) return null;
  return toMatch(text, quote, best);
}
