// Running headers, footers and page numbers: lines in the top or bottom margin band that repeat
// on most pages once digits are normalised ("Page 3 of 9" and "Page 4 of 9" are the same line).
import type { PdfLine, PdfPageText } from "./types";

const MARGIN_BAND = 0.1; // fraction of the page height at the top and at the bottom

/** Which edge band a line sits in, or null for the body of the page. */
function band(line: PdfLine, height: number): "top" | "bottom" | null {
  if (line.y >= height * (1 - MARGIN_BAND)) return "top";
  if (line.y <= height * MARGIN_BAND) return "bottom";
  return null;
}

const keyOf = (line: PdfLine, where: string) => `${where}|${line.text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ")}`;
const PAGE_NUMBER = /^(?:page\s+)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/**
 * The lines without running headers, footers and page numbers. A margin-band line is dropped
 * when the same normalised text is in the same band on at least half the pages (and on two or
 * more), or when it is nothing but a page number. Cost: O(lines) with one map of keys.
 */
export function dropRunningLines(pages: { page: PdfPageText; lines: PdfLine[] }[]): { lines: PdfLine[][]; dropped: number } {
  const pagesWithKey = new Map<string, Set<number>>();
  for (const { page, lines } of pages) {
    for (const line of lines) {
      const where = band(line, page.height);
      if (!where) continue;
      const key = keyOf(line, where);
      if (!pagesWithKey.has(key)) pagesWithKey.set(key, new Set());
      pagesWithKey.get(key)!.add(page.page);
    }
  }
  const textPages = pages.filter((p) => p.lines.length > 0).length;
  const repeated = (key: string) => {
    const count = pagesWithKey.get(key)?.size ?? 0;
    return count >= 2 && count >= textPages / 2;
  };
  let dropped = 0;
  const lines = pages.map(({ page, lines: pageLines }) =>
    pageLines.filter((line) => {
      const where = band(line, page.height);
      const running = where !== null && (PAGE_NUMBER.test(line.text) || repeated(keyOf(line, where)));
      if (running) dropped++;
      return !running;
    }),
  );
  return { lines, dropped };
}
