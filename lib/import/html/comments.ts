// Reader comments, when the page marks them up as such: taken out of the page before the article
// is extracted, and kept apart so they can be flagged as not the author's claims.
import { blocksOf, type TextBlock } from "./blocks";

const COMMENT_SELECTORS = [
  "#comments",
  ".comments",
  "#disqus_thread",
  '[itemprop~="comment"]',
  '[itemtype*="schema.org/Comment"]',
  'section[aria-label="Comments" i]',
  '[role="region"][aria-label="Comments" i]',
].join(", ");

/** Removes every comments section from `document` and returns their blocks, in document order. */
export function takeComments(document: Document): TextBlock[] {
  const found = Array.from(document.querySelectorAll(COMMENT_SELECTORS));
  // Only the outermost: a comment inside a comments section is part of that section.
  const outermost = found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
  const blocks = outermost.flatMap((el) => blocksOf(el));
  for (const el of outermost) el.remove();
  return blocks;
}
