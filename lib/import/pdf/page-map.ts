// Citing a place in a PDF-born source by page and paragraph.
import type { PageRange } from "./types";

/** The page the body offset came from, or null outside the body. Binary search: O(log pages). */
export function pageOf(pageMap: PageRange[], offset: number): number | null {
  let lo = 0;
  let hi = pageMap.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = pageMap[mid];
    if (offset < range.start) hi = mid - 1;
    else if (offset >= range.end && !(offset === range.end && mid === pageMap.length - 1)) lo = mid + 1;
    else return range.page;
  }
  return null;
}

/**
 * "p. 12, ¶3", or "¶3" when the page is unknown. `paragraph` is the 1-based paragraph number the
 * caller already has (the anchoring module numbers paragraphs; this only formats).
 */
export function citationLabel(page: number | null, paragraph: number): string {
  return page === null ? `¶${paragraph}` : `p. ${page}, ¶${paragraph}`;
}
