// Pre-select sentences that are likely claims worth annotating: ones with figures, dates or an
// attribution. This only proposes spans; a person decides what is a claim and of which kind.

import type { ClaimKind, SourceSection } from "../types";
import { extractNumbers } from "../quantities/scan";

export type SuggestionReason = "number" | "date" | "attribution" | "quantity";

export interface Suggestion {
  start: number;
  end: number;
  quote: string;
  /**
   * Why the sentence was offered, strongest first: "quantity" (a figure with a unit, e.g.
   * "2,000 troops"), "number" (a figure without one), "date", then "attribution".
   */
  reason: SuggestionReason;
  kindHint: ClaimKind;
}

export interface Span {
  start: number;
  end: number;
}

// Lower-case, without the final dot. Checked only when a single "." is followed by a capital,
// i.e. exactly where "Mr. Putin" would otherwise be split.
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "sgt", "capt", "maj", "cmdr", "adm",
  "sen", "rep", "gov", "pres", "rev", "hon", "jr", "sr", "mt", "ft", "vs", "etc", "cf", "al", "approx",
  "art", "fig", "vol", "pp", "inc", "ltd", "co", "corp", "dept", "univ", "jan", "feb", "mar", "apr",
  "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]);
// Only abbreviations before a number ("No. 5"); otherwise they are ordinary words.
const NUMBER_ABBREVIATIONS = new Set(["no", "nos", "p"]);

const TERMINATORS = ".!?\u2026";
const CLOSERS = "\"'\u201D\u2019\u00BB)]";
const OPENERS = "\"'\u201C\u2018\u00AB([";

function isBoundary(text: string, termStart: number, termEnd: number, next: string | undefined): boolean {
  // Split only where the next sentence visibly starts.
  if (next === undefined) return true;
  const startsSentence = /[\p{Lu}\d]/u.test(next) || OPENERS.includes(next);
  if (!startsSentence) return false;
  if (termEnd - termStart !== 1 || text[termStart] !== ".") return true;

  // A lone "." may end an abbreviation or initial instead of the sentence.
  let w = termStart;
  while (w > 0 && !/\s/.test(text[w - 1]!)) w--;
  const word = text.slice(w, termStart).replace(/^[("'\u201C\u2018\u00AB[]+/u, "");
  if (word === "") return true;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return false;
  if (NUMBER_ABBREVIATIONS.has(lower) && /\d/.test(next)) return false;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false; // U.S., U.K., e.g. — at the cost of "...in the U.S. Then"
  if (/^\p{Lu}$/u.test(word)) return false; // initials: "John F. Kennedy"
  return true;
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/**
 * Sentences of `text`, each trimmed to its first and last non-space character. Sentences never
 * cross a line break, so headings, captions and list items stay separate.
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf("\n", lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    let sentStart = lineStart;
    let i = lineStart;
    while (i < lineEnd) {
      if (!TERMINATORS.includes(text[i]!)) {
        i++;
        continue;
      }
      const termStart = i;
      while (i < lineEnd && TERMINATORS.includes(text[i]!)) i++;
      const termEnd = i;
      while (i < lineEnd && CLOSERS.includes(text[i]!)) i++;
      const sentEnd = i;
      // "1.5", "U.S.-led", "file.txt": no space, no boundary.
      if (i < lineEnd && !/\s/.test(text[i]!)) continue;
      let k = i;
      while (k < lineEnd && /\s/.test(text[k]!)) k++;
      const next = k < lineEnd ? text[k] : undefined;
      if (isBoundary(text, termStart, termEnd, next)) {
        const span = trimSpan(text, sentStart, sentEnd);
        if (span) out.push(span);
        sentStart = sentEnd;
      }
    }
    const span = trimSpan(text, sentStart, lineEnd);
    if (span) out.push(span);
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  return out;
}

// The brief's verbs plus a few near-synonyms common in news copy ("analysts say", "observers believe").
const ATTRIBUTION =
  /\b(?:according to|said|says|say|claims|claimed|stated|reported|told|added|announced|declared|warned|believes?|believed)\b/i;

const FUTURE =
  /\b(?:will|won[’']t|shall|likely to|may|might|could|expected to|set to|going to|in the near future|in the future|sooner or later)\b/gi;

// Evaluative or hedging words: they mark the author's judgement rather than a checkable fact.
const OPINION =
  /\b(?:I think|we think|I believe|in my opinion|in (?:their|his|her|our) opinion|in the opinion of|seems?|seemingly|appears? to|arguably|perhaps|probably|apparently|clearly|obviously|evidently|undoubtedly|of course|naturally|unfortunately|fortunately|sadly|regrettably|should|must|ought to|so-called|useless|pointless|half-hearted|ineffective|ineffectiveness|disgraced?|shameful|absurd|terrible|worst|failure|unfair(?:ly)?|unhelpful|unpromising)\b/i;

function hasFutureMarker(sentence: string): boolean {
  FUTURE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FUTURE.exec(sentence)) !== null) {
    const word = m[0].toLowerCase();
    const before = sentence.slice(0, m.index);
    const after = sentence.slice(m.index + m[0].length);
    if (word === "will") {
      // The noun: "the political will of", "of their own free will".
      if (/\b(?:the|political|free|good|ill|own|popular|his|her|their|its|our)\s+$/i.test(before)) continue;
      if (/^\s+of\b/i.test(after)) continue;
    }
    if (word === "may" && /^\.?\s+\d/.test(after)) continue; // the month: "May 15, 1992"
    if (word === "could" && /^\s+(?:not|never)\b/i.test(after)) continue; // past inability
    return true;
  }
  return false;
}

/** Kind to preselect for a sentence; purely a hint for the annotator. */
export function guessKind(sentence: string, hasFigures: boolean): ClaimKind {
  if (hasFutureMarker(sentence)) return "PREDICTION";
  if (!hasFigures && OPINION.test(sentence)) return "OPINION";
  return "FACT";
}

function overlapsAny(span: Span, ranges: readonly Span[]): boolean {
  return ranges.some((r) => span.start < r.end && r.start < span.end);
}

export function suggestClaims(text: string, opts?: { excludeRanges?: Span[] }): Suggestion[] {
  const exclude = opts?.excludeRanges ?? [];
  const out: Suggestion[] = [];
  for (const span of splitSentences(text)) {
    if (overlapsAny(span, exclude)) continue;
    const sentence = text.slice(span.start, span.end);
    const { quantities, dates } = extractNumbers(sentence);
    let reason: SuggestionReason | null = null;
    if (quantities.some((q) => q.unit !== null)) reason = "quantity";
    else if (quantities.length > 0) reason = "number";
    else if (dates.length > 0) reason = "date";
    else if (ATTRIBUTION.test(sentence)) reason = "attribution";
    if (reason === null) continue;
    out.push({
      start: span.start,
      end: span.end,
      quote: sentence,
      reason,
      kindHint: guessKind(sentence, quantities.length > 0 || dates.length > 0),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A source's suggested claims: the sentences of its text worth a claim, never inside reader
 * comments (the reader shows them as a labelled region apart from the source's own text, and a
 * commenter's sentence is not the source's claim). "comments" is the only kind of flagged section
 * there is (SourceSection); a new kind says here whether its sentences are offered.
 * The reader's list (/api/sources/[id]/suggestions) and the overview's stored spans
 * (lib/server/suggested-spans.ts) both come from here. Cost: one pass over the text.
 */
export function suggestSourceClaims(source: { body: string; sections: readonly SourceSection[] }): Suggestion[] {
  return suggestClaims(source.body, { excludeRanges: source.sections.filter((s) => s.kind === "comments") });
}
