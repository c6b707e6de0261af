// The one paragraph numbering, shared by the reader's citations and every export: paragraphs
// are the body's non-blank lines.
import { partitionPoint } from "../sorted";
export interface Paragraph {
  start: number;
  /** End of the line's text; the newline after it also belongs to this paragraph. */
  end: number;
  text: string;
}

/** The body's non-blank lines, with their offsets. */
export function paragraphs(body: string): Paragraph[] {
  const result: Paragraph[] = [];
  let start = 0;
  for (const line of body.split("\n")) {
    if (line.trim()) result.push({ start, end: start + line.length, text: line });
    start += line.length + 1;
  }
  return result;
}

/**
 * Maps an offset to its 1-based paragraph number: a line's newline belongs to it, an offset on a
 * blank line counts toward the next paragraph (the last one at the end), a body with no
 * paragraph has paragraph 1. Built once per body so 10,000 claims cost a binary search each
 * instead of a rescan. An offset past the end (an orphaned claim keeps its old offsets) gets
 * the last paragraph.
 */
export function paragraphIndex(body: string): (offset: number) => number {
  const paras = paragraphs(body);
  return (offset) => {
    // k = how many paragraphs start at or before offset.
    const k = partitionPoint(0, paras.length, (i) => paras[i]!.start <= offset);
    if (k === 0) return 1;
    if (offset <= paras[k - 1]!.end) return k;
    return k < paras.length ? k + 1 : k;
  };
}
