// W3C Web Annotation style anchoring over a plain-text source body.
// Offsets are UTF-16 code units (JS string indices), end exclusive, matching ClaimRecord.

import search from "approx-string-match";

export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

export interface AnchorMatch {
  start: number;
  end: number;
  /** True when text.slice(start, end) === quote.exact. */
  exact: boolean;
  /** 0..1, higher is better. Only comparable between matches for the same quote. */
  score: number;
}

export interface ReanchorResult {
  status: "anchored" | "moved" | "orphaned";
  start?: number;
  end?: number;
  quote?: TextQuoteSelector;
}

/** Characters of context stored on each side of a quote. 32 is what the Hypothesis client uses. */
export const CONTEXT_LENGTH = 32;

/**
 * Fuzzy matching is only tried for quotes at least this long (after normalisation): with fewer
 * characters one allowed error already lets the quote match unrelated words.
 */
export const MIN_FUZZY_QUOTE_LENGTH = 8;

/** Allowed edits per quote character in a fuzzy match (a fifth: one word changed in a short sentence). */
export const MAX_ERROR_RATE = 0.2;

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

export class AnchoringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AnchoringError";
  }
}

function checkSpan(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new AnchoringError(`Span offsets must be integers, got start=${start}, end=${end}`);
  }
  if (start < 0) throw new AnchoringError(`Span start ${start} is negative`);
  if (end > text.length) {
    throw new AnchoringError(`Span end ${end} is past the end of the text (length ${text.length})`);
  }
  if (start >= end) throw new AnchoringError(`Span is empty or reversed: start=${start}, end=${end}`);
}

export function describeSpan(
  text: string,
  start: number,
  end: number,
): { position: TextPositionSelector; quote: TextQuoteSelector } {
  checkSpan(text, start, end);
  return {
    position: { type: "TextPositionSelector", start, end },
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
  };
}

export function verifyQuote(text: string, start: number, end: number, exact: string): boolean {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) return false;
  return text.slice(start, end) === exact;
}

// ---------------------------------------------------------------------------------------------
// Normalisation: sources get re-pasted with different typography (curly vs straight quotes,
// guillemets, non-breaking spaces, reflowed whitespace). Those differences should neither count
// as fuzzy errors nor prevent an otherwise exact match.

const CHAR_FOLDS: Record<string, string> = {
  "\u2018": "'", "\u2019": "'", "\u201A": "'", "\u201B": "'", "\u2032": "'", "`": "'",
  "\u201C": '"', "\u201D": '"', "\u201E": '"', "\u201F": '"', "\u2033": '"',
  "\u00AB": '"', "\u00BB": '"', "\u2039": "'", "\u203A": "'",
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
  "\u2026": "...",
};
// Invisible characters that copy/paste adds or drops at will.
const DROPPED = new Set(["\u00AD", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"]);

interface Normalized {
  text: string;
  /** For each normalised char, the [start, end) of the original chars it stands for. */
  origStart: number[];
  origEnd: number[];
}

function normalize(text: string): Normalized {
  let out = "";
  const origStart: number[] = [];
  const origEnd: number[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      out += " ";
      origStart.push(i);
      origEnd.push(j);
      i = j;
      continue;
    }
    if (DROPPED.has(ch)) {
      i++;
      continue;
    }
    const folded = CHAR_FOLDS[ch] ?? ch;
    for (const f of folded) {
      out += f;
      origStart.push(i);
      origEnd.push(i + 1);
    }
    i++;
  }
  return { text: out, origStart, origEnd };
}

function normalizeString(s: string): string {
  return normalize(s).text;
}

/** Levenshtein distance; only ever called on context-sized strings. */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

function similarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : 1 - editDistance(a, b) / len;
}

interface Candidate {
  start: number;
  end: number;
  quoteSim: number;
  contextSim: number;
  distance: number;
  score: number;
}

function scoreCandidate(
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

function pickBest(cands: Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of cands) if (!best || better(c, best)) best = c;
  return best;
}

function allIndexes(haystack: string, needle: string): number[] {
  const out: number[] = [];
  let i = haystack.indexOf(needle);
  while (i !== -1) {
    out.push(i);
    i = haystack.indexOf(needle, i + 1);
  }
  return out;
}

function hasContext(quote: TextQuoteSelector): boolean {
  return quote.prefix.length > 0 || quote.suffix.length > 0;
}

/** Several equally exact candidates for a short quote: without supporting context it is a coin toss. */
function ambiguousShort(quote: TextQuoteSelector, cands: Candidate[], best: Candidate): boolean {
  return (
    cands.length > 1 &&
    quote.exact.length < SHORT_QUOTE_LENGTH &&
    hasContext(quote) &&
    best.contextSim < MIN_CONTEXT_SIMILARITY
  );
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

/** How far (in characters, beyond the quote's own length) around the hint a local fuzzy search looks. */
const LOCAL_SEARCH_MARGIN = 256;

function bestByScore(cands: Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of cands) {
    if (!best || c.score > best.score + 1e-12 || (Math.abs(c.score - best.score) <= 1e-12 && c.start < best.start)) {
      best = c;
    }
  }
  return best;
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

export function reanchor(
  newText: string,
  selectors: { position: TextPositionSelector; quote: TextQuoteSelector },
): ReanchorResult {
  const { position, quote } = selectors;
  if (position.start < position.end && verifyQuote(newText, position.start, position.end, quote.exact)) {
    // Context may have been edited around an unmoved quote; store the current one.
    return { status: "anchored", start: position.start, end: position.end, quote: describeSpan(newText, position.start, position.end).quote };
  }
  const match = anchorQuote(newText, quote, { start: position.start });
  if (!match) return { status: "orphaned" };
  // Context is recomputed so the stored selector describes the new text, not the old one.
  const described = describeSpan(newText, match.start, match.end);
  return { status: "moved", start: match.start, end: match.end, quote: described.quote };
}

/**
 * 1-based paragraph number of `offset`: paragraphs are non-blank lines. An offset on a blank line
 * belongs to the next paragraph (it precedes it); trailing blank lines belong to the last one.
 */
export function paragraphIndexAt(text: string, offset: number): number {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) {
    throw new AnchoringError(`Offset ${offset} is outside the text (length ${text.length})`);
  }
  let count = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf("\n", lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    const isParagraph = text.slice(lineStart, lineEnd).trim().length > 0;
    if (isParagraph) count++;
    // The newline itself counts as the end of its own line.
    if (offset <= lineEnd) {
      if (isParagraph) return count;
      return count + 1 <= countParagraphs(text) ? count + 1 : Math.max(1, count);
    }
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  return Math.max(1, count);
}

function countParagraphs(text: string): number {
  return text.split("\n").filter((l) => l.trim().length > 0).length;
}
