// Text items → lines in reading order: lines are items on one baseline; on a two-column page the
// left column is read before the right one, and a line crossing the gutter (a title, a header)
// ends one band of columns and starts the next.
import { findColumnGutter } from "./columns";
import type { PdfLine, PdfPageText, PdfTextItem } from "./types";

type Side = "left" | "right" | "span";

/** Cost: O(n log n) in the items of one page. */
export function pageLines(page: PdfPageText): PdfLine[] {
  const items = page.items.filter((i) => i.text.length > 0);
  const gutter = findColumnGutter(items, page.width);
  const sideOf = (i: PdfTextItem): Side =>
    gutter === null ? "left" : i.x + i.width <= gutter ? "left" : i.x >= gutter ? "right" : "span";
  const bySide = new Map<Side, PdfTextItem[]>([["left", []], ["right", []], ["span", []]]);
  for (const item of items) bySide.get(sideOf(item))!.push(item);
  const left = groupLines(bySide.get("left")!, page.page);
  const right = groupLines(bySide.get("right")!, page.page);
  const spans = groupLines(bySide.get("span")!, page.page);

  // Walk down the page: each spanning line closes a band, read as left column then right column.
  const ordered: PdfLine[] = [];
  let flow = 0;
  let l = 0;
  let r = 0;
  const takeBand = (aboveY: number) => {
    const band: PdfLine[][] = [[], []];
    while (l < left.length && left[l].y > aboveY) band[0].push(left[l++]);
    while (r < right.length && right[r].y > aboveY) band[1].push(right[r++]);
    for (const column of band) {
      if (column.length === 0) continue;
      for (const line of column) ordered.push({ ...line, flow });
      flow++;
    }
  };
  for (const span of spans) {
    takeBand(span.y);
    ordered.push({ ...span, flow: flow++ });
  }
  takeBand(-Infinity);
  return ordered;
}

/** Items on (nearly) the same baseline form a line, top to bottom; within it, left to right. */
function groupLines(items: PdfTextItem[], page: number): PdfLine[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of sorted) {
    const current = groups[groups.length - 1];
    const tolerance = Math.max(1, 0.4 * Math.min(item.size, current?.[0].size ?? item.size));
    if (current && Math.abs(current[0].y - item.y) <= tolerance) current.push(item);
    else groups.push([item]);
  }
  return groups
    .map((group) => toLine(group.sort((a, b) => a.x - b.x), page))
    .filter((line) => line.text.trim().length > 0);
}

function toLine(items: PdfTextItem[], page: number): PdfLine {
  let text = "";
  let end = -Infinity;
  for (const item of items) {
    // pdf.js drops the space between words that a producer positions rather than writes.
    const gap = item.x - end;
    if (text && gap > 0.2 * item.size && !/\s$/.test(text) && !/^\s/.test(item.text)) text += " ";
    text += item.text;
    end = Math.max(end, item.x + item.width);
  }
  const size = Math.max(...items.map((i) => i.size));
  return { page, text: text.replace(/\s+/g, " ").trim(), x: items[0].x, xEnd: end, y: items[0].y, size, flow: 0 };
}
