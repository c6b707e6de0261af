// A claim never starts or ends with white space: a selection dragged from an indented line start,
// or a triple-click that takes the line break, keeps only the words. Used in the browser when a
// selection becomes a claim and on the server for every new or re-spanned claim.

const SPACE = /\s/u;

/** The span without white space at either end, or null when nothing else is in it. */
export function trimSpan(body: string, start: number, end: number): { start: number; end: number; quote: string } | null {
  let s = Math.max(0, start);
  let e = Math.min(body.length, end);
  while (s < e && SPACE.test(body[s]!)) s++;
  while (e > s && SPACE.test(body[e - 1]!)) e--;
  return s < e ? { start: s, end: e, quote: body.slice(s, e) } : null;
}
