// Where a stored claim sits in a corrected text: unmoved, moved, or gone (orphaned).
import { anchorQuote } from "./match-quote";
import { describeSpan, verifyQuote, type TextPositionSelector, type TextQuoteSelector } from "./selectors";

export interface ReanchorResult {
  status: "anchored" | "moved" | "orphaned";
  start?: number;
  end?: number;
  quote?: TextQuoteSelector;
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
