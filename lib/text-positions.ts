// The reader shows a source's body as one ProseMirror paragraph per line, and may wrap the tail
// (reader comments) in a section node. Claims are stored as plain-text offsets, so this module is
// the one place that converts between text offsets and ProseMirror positions for that document.

import { partitionPoint } from "./sorted";
export interface TextLayout {
  /** Text offset where each line starts. */
  lineStarts: number[];
  lineLengths: number[];
  /** ProseMirror position where each line's content starts. */
  contentStarts: number[];
  /** First line inside the wrapping section, or null when nothing is wrapped. */
  wrapFrom: number | null;
}

export function textLayout(body: string, wrapFromOffset: number | null = null): TextLayout {
  const lines = body.split("\n");
  const lineStarts: number[] = [];
  const lineLengths: number[] = [];
  const contentStarts: number[] = [];
  let offset = 0;
  let pos = 1;
  let wrapFrom: number | null = null;
  lines.forEach((line, i) => {
    if (wrapFrom === null && wrapFromOffset !== null && wrapFromOffset < offset + line.length + 1) {
      wrapFrom = i;
      pos += 1; // the section's opening token
    }
    lineStarts.push(offset);
    lineLengths.push(line.length);
    contentStarts.push(pos);
    offset += line.length + 1;
    pos += line.length + 2;
  });
  return { lineStarts, lineLengths, contentStarts, wrapFrom };
}

/** Index of the last entry of a sorted array that is <= value (0 when none is). */
function lastAtOrBefore(sorted: number[], value: number): number {
  return Math.max(0, partitionPoint(0, sorted.length, (i) => sorted[i]! <= value) - 1);
}

/** The ProseMirror position of a text offset; the offset of a line break maps to the end of its line. */
export function offsetToPos(layout: TextLayout, offset: number): number {
  const i = lastAtOrBefore(layout.lineStarts, offset);
  return layout.contentStarts[i]! + Math.min(offset - layout.lineStarts[i]!, layout.lineLengths[i]!);
}

/** The text offset of a ProseMirror position; positions between paragraphs go to the end of the line before. */
export function posToOffset(layout: TextLayout, pos: number): number {
  const i = lastAtOrBefore(layout.contentStarts, pos);
  const within = Math.max(0, Math.min(pos - layout.contentStarts[i]!, layout.lineLengths[i]!));
  return layout.lineStarts[i]! + within;
}

type TextNode = { type: "text"; text: string };
type ParagraphNode = { type: "paragraph"; content?: TextNode[] };
type SectionNode = { type: "readerSection"; attrs: { label: string }; content: ParagraphNode[] };
export type ReaderDocJson = { type: "doc"; content: (ParagraphNode | SectionNode)[] };

/** The document for `layout`: one paragraph per line (empty lines too), the wrapped tail in a section. */
export function readerDoc(body: string, layout: TextLayout, sectionLabel = ""): ReaderDocJson {
  const paragraphs: ParagraphNode[] = layout.lineStarts.map((start, i) => {
    const text = body.slice(start, start + layout.lineLengths[i]!);
    return text ? { type: "paragraph", content: [{ type: "text", text }] } : { type: "paragraph" };
  });
  if (layout.wrapFrom === null) return { type: "doc", content: paragraphs };
  return {
    type: "doc",
    content: [
      ...paragraphs.slice(0, layout.wrapFrom),
      { type: "readerSection", attrs: { label: sectionLabel }, content: paragraphs.slice(layout.wrapFrom) },
    ],
  };
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Moves one end of a span by a word: "start"/-1 takes in the word before, "start"/+1 lets go of the
 * first word; likewise for "end". Never leaves the text or makes the span empty.
 */
export function stepSpanByWord(body: string, span: { start: number; end: number }, edge: "start" | "end", direction: -1 | 1) {
  let { start, end } = span;
  const isWord = (i: number) => i >= 0 && i < body.length && WORD.test(body[i]!);
  if (edge === "start" && direction === -1) {
    while (start > 0 && !isWord(start - 1)) start--;
    while (start > 0 && isWord(start - 1)) start--;
  } else if (edge === "start") {
    let s = start;
    while (s < end && isWord(s)) s++;
    while (s < end && !isWord(s)) s++;
    if (s < end) start = s;
  } else if (direction === 1) {
    while (end < body.length && !isWord(end)) end++;
    while (end < body.length && isWord(end)) end++;
  } else {
    let e = end;
    while (e > start && isWord(e - 1)) e--;
    while (e > start && !isWord(e - 1)) e--;
    if (e > start) end = e;
  }
  return { start, end };
}
