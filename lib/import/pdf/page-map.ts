// Citing a place in a PDF-born source by page and paragraph.
import { partitionPoint } from "../../sorted";
import type { PageRange } from "./types";

/** The page the body offset came from, or null outside the body. Binary search: O(log pages). */
export function pageOf(pageMap: PageRange[], offset: number): number | null {
  const last = pageMap.length - 1;
  // The first page not wholly before the offset; the last page also holds its end offset.
  const i = partitionPoint(0, pageMap.length, (k) => pageMap[k]!.end <= offset && !(k === last && offset === pageMap[k]!.end));
  return i <= last && pageMap[i]!.start <= offset ? pageMap[i]!.page : null;
}

/**
 * "p. 12, ¶3", or "¶3" when the page is unknown. `paragraph` is the 1-based paragraph number the
 * caller already has (the anchoring module numbers paragraphs; this only formats).
 */
export function citationLabel(page: number | null, paragraph: number): string {
  return page === null ? `¶${paragraph}` : `p. ${page}, ¶${paragraph}`;
}
