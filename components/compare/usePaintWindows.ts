"use client";

import { useCallback, useRef, useState, type RefObject } from "react";
import { initialPaintWindow, nextPaintWindow, type PaintWindowSizes, type TextWindow } from "@/lib/highlights/window";

/** A column shows about 1,500 characters of text (a third of a 1280 px screen): its first window
 *  holds four columnfuls, and a scroll repaints once the screen comes within 1,500 of an edge.
 *  With the reader's sizes (20,000 first) 3 columns of 1,000 claims painted 1,000 claims at once. */
const COLUMN_WINDOWS: PaintWindowSizes = { first: 6_000, margin: 3_000 };

/** The text offset at a point of the screen inside `text` (a column's text, whose DOM text is
 *  exactly the source's body), or null when the point is on no text of it. */
function offsetAt(text: HTMLElement, x: number, y: number): number | null {
  const doc = text.ownerDocument as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  let node: Node | null = null;
  let offset = 0;
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    if (p) [node, offset] = [p.offsetNode, p.offset];
  } else if (doc.caretRangeFromPoint) {
    const r = doc.caretRangeFromPoint(x, y);
    if (r) [node, offset] = [r.startContainer, r.startOffset];
  }
  if (!node || !text.contains(node)) return null;
  const range = doc.createRange();
  range.setStart(text, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The offsets of a column's text on screen, from its top-left visible point to its bottom-right one. */
function visibleOffsets(text: HTMLElement): TextWindow | null {
  const box = text.getBoundingClientRect();
  const top = Math.max(box.top, 0);
  const bottom = Math.min(box.bottom, window.innerHeight);
  if (bottom <= top) return null;
  const from = offsetAt(text, box.left + 2, top + 2);
  const to = offsetAt(text, box.right - 2, bottom - 2);
  return from === null || to === null ? null : { from, to: Math.max(from, to) };
}

/**
 * Which stretch of each column's text is painted: all of an ordinary text, the screen and a margin
 * around it for a long one, as in the reader (lib/highlights/window.ts): 3 columns of 1,000 claims
 * painted whole were 11,000 spans to send and hydrate. `check` moves a window after a scroll
 * (cost: the runs of the new window); `include` paints a claim's stretch before it is scrolled to.
 */
export function usePaintWindows(texts: RefObject<(HTMLElement | null)[]>, lengths: readonly number[]) {
  const [windows, setWindows] = useState<(TextWindow | null)[]>(() => lengths.map((n) => initialPaintWindow(n, COLUMN_WINDOWS)));
  const current = useRef(windows);
  current.current = windows;

  const check = useCallback(() => {
    const next = current.current.map((w, i) => {
      const text = texts.current[i];
      const visible = w && text ? visibleOffsets(text) : null;
      return (visible && nextPaintWindow(w!, visible, lengths[i]!, COLUMN_WINDOWS)) || w;
    });
    if (next.some((w, i) => w !== current.current[i])) setWindows(next);
  }, [texts, lengths]);

  /** Paints [start, end) of a column's text (and a margin) if it is not painted yet. */
  const include = useCallback((column: number, start: number, end: number) => {
    const w = current.current[column];
    if (!w || (w.from <= start && end <= w.to)) return;
    const next = nextPaintWindow({ from: start, to: start }, { from: start, to: end }, lengths[column]!, COLUMN_WINDOWS) ?? { from: 0, to: lengths[column]! };
    setWindows((prev) => prev.map((x, i) => (i === column ? next : x)));
  }, [lengths]);

  return { windows, check, include };
}
