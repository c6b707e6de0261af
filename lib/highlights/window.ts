// Which stretch of a long text the reader paints: the screen and a margin around it. A text of
// 300,000 characters holds a hundred screens; painting all its claims made every one of them an
// element the browser lays out before the editor is ready (20,000 spans at 10,000 claims).

/** Text offsets [from, to). */
export interface TextWindow {
  from: number;
  to: number;
}

/** Texts up to this length are painted whole (every corpus article, most reports). */
export const PAINT_WHOLE_TEXT_UP_TO = 60_000;
/** What is painted before anything is measured: the first screens (a 1280 × 800 screen shows
 *  about 2,500 characters of text). */
const FIRST_WINDOW = 20_000;
/** Painted beyond the screen on each side, at least this much: a scroll of a screen or two
 *  finds its claims already there. */
const MARGIN = 10_000;

/** How much a window holds: the reader's, or a narrower view's (a compare column shows about
 *  1,500 characters, so its windows are smaller). */
export interface PaintWindowSizes {
  first: number;
  margin: number;
}

const READER_WINDOWS: PaintWindowSizes = { first: FIRST_WINDOW, margin: MARGIN };

/** The window a text starts with: null (paint it all) unless it is long. */
export function initialPaintWindow(length: number, sizes: PaintWindowSizes = READER_WINDOWS): TextWindow | null {
  return length > PAINT_WHOLE_TEXT_UP_TO ? { from: 0, to: Math.min(length, sizes.first) } : null;
}

/** The window for what is on screen now, or null while `current` still holds it with half a
 *  margin to spare (so a scroll of a few lines repaints nothing). */
export function nextPaintWindow(current: TextWindow, visible: TextWindow, length: number, sizes: PaintWindowSizes = READER_WINDOWS): TextWindow | null {
  const margin = Math.max(sizes.margin, visible.to - visible.from);
  const roomBefore = current.from === 0 || visible.from - current.from >= margin / 2;
  const roomAfter = current.to >= length || current.to - visible.to >= margin / 2;
  if (roomBefore && roomAfter) return null;
  return { from: Math.max(0, visible.from - margin), to: Math.min(length, visible.to + margin) };
}
