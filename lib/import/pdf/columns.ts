// Two-column pages: find the vertical gutter between columns from where text lies along x.
import type { PdfTextItem } from "./types";

const BIN = 2; // points per histogram bin
const MIN_GUTTER = 6; // points: narrower than this is a word space, not a gutter
const MIN_ITEMS_PER_SIDE = 3;

/**
 * The x of the gutter between two columns, or null for a single column. A gutter is a run of at
 * least MIN_GUTTER points in the middle 60 % of the page that (almost) no text covers, with
 * text starting on its right and ending on its left: titles, headers or footers spanning the page
 * may cross it, so up to 15 % of the busiest bin's coverage is tolerated.
 * Cost: O(items × item width / BIN) on one page.
 */
export function findColumnGutter(items: PdfTextItem[], pageWidth: number): number | null {
  const bins = new Array<number>(Math.ceil(pageWidth / BIN) + 1).fill(0);
  for (const item of items) {
    if (!item.text.trim()) continue;
    const from = Math.max(0, Math.floor(item.x / BIN));
    const to = Math.min(bins.length - 1, Math.floor((item.x + item.width) / BIN));
    for (let b = from; b <= to; b++) bins[b]++;
  }
  const busiest = Math.max(0, ...bins);
  if (busiest === 0) return null;
  const quiet = busiest * 0.15;
  let best: { from: number; to: number } | null = null;
  const lo = Math.floor((pageWidth * 0.2) / BIN);
  const hi = Math.ceil((pageWidth * 0.8) / BIN);
  for (let b = lo; b <= hi; b++) {
    if (bins[b] > quiet) continue;
    let end = b;
    while (end + 1 <= hi && bins[end + 1] <= quiet) end++;
    if (!best || end - b > best.to - best.from) best = { from: b, to: end };
    b = end;
  }
  if (!best || (best.to - best.from + 1) * BIN < MIN_GUTTER) return null;
  const left = best.from * BIN;
  const right = (best.to + 1) * BIN;
  const onLeft = items.filter((i) => i.text.trim() && i.x + i.width <= right && i.x < left).length;
  const onRight = items.filter((i) => i.text.trim() && i.x >= left && i.x + i.width > right).length;
  if (onLeft < MIN_ITEMS_PER_SIDE || onRight < MIN_ITEMS_PER_SIDE) return null;
  return (left + right) / 2;
}
