// W3C Web Annotation selectors over a plain-text source body.
// Offsets are UTF-16 code units (JS string indices), end exclusive, matching ClaimRecord.
import { splitsCharacter } from "../text-safety";
import { AnchoringError } from "./errors";

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

/** Characters of context stored on each side of a quote. 32 is what the Hypothesis client uses. */
export const CONTEXT_LENGTH = 32;

function checkSpan(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new AnchoringError(`Span offsets must be integers, got start=${start}, end=${end}`);
  }
  if (start < 0) throw new AnchoringError(`Span start ${start} is negative`);
  if (end > text.length) {
    throw new AnchoringError(`Span end ${end} is past the end of the text (length ${text.length})`);
  }
  if (start >= end) throw new AnchoringError(`Span is empty or reversed: start=${start}, end=${end}`);
  for (const offset of [start, end]) {
    if (splitsCharacter(text, offset)) throw new AnchoringError(`Offset ${offset} falls inside a character (between the two halves of a surrogate pair)`);
  }
}

// Context windows stop short of a character they would cut in half (an emoji is two UTF-16
// units): half a character cannot be stored (PostgreSQL's jsonb refuses it) nor matched later.
function contextStart(text: string, start: number): number {
  const from = Math.max(0, start - CONTEXT_LENGTH);
  return splitsCharacter(text, from) ? from + 1 : from;
}

function contextEnd(text: string, end: number): number {
  const to = Math.min(text.length, end + CONTEXT_LENGTH);
  return splitsCharacter(text, to) ? to - 1 : to;
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
      prefix: text.slice(contextStart(text, start), start),
      suffix: text.slice(end, contextEnd(text, end)),
    },
  };
}

export function verifyQuote(text: string, start: number, end: number, exact: string): boolean {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) return false;
  return text.slice(start, end) === exact;
}
