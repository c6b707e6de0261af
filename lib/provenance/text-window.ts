// Where to look around a claim for its speaker or its date: the sentence(s) the span touches,
// and the paragraph around them. Paragraphs are the one numbering (lib/anchoring/paragraphs);
// sentences come from Intl.Segmenter (built into Node and browsers), not a hand-written splitter.
import { paragraphs } from "../anchoring/paragraphs";

export interface Range {
  start: number;
  end: number;
}

/** The paragraph holding `offset` (an empty range on a blank line). Cost: one pass over the body. */
export function paragraphAt(body: string, offset: number): Range {
  const found = paragraphs(body).find((p) => p.start <= offset && offset <= p.end);
  return found ? { start: found.start, end: found.end } : { start: offset, end: offset };
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** The sentences of the span's paragraph that overlap [start, end), joined into one range.
 *  A span crossing paragraphs is widened to whole paragraphs. Cost: one paragraph segmented. */
export function sentenceRange(body: string, start: number, end: number): Range {
  const first = paragraphAt(body, start);
  const last = paragraphAt(body, Math.max(start, end - 1));
  if (first.start !== last.start) return { start: first.start, end: last.end };
  let from = first.end;
  let to = first.start;
  for (const s of segmenter.segment(body.slice(first.start, first.end))) {
    const sStart = first.start + s.index;
    const sEnd = sStart + s.segment.length;
    if (sEnd > start && sStart < Math.max(end, start + 1)) {
      from = Math.min(from, sStart);
      to = Math.max(to, sEnd);
    }
  }
  if (from >= to) return first;
  // Segments carry their trailing spaces; the sentence itself ends at its last visible character.
  while (to > from && /\s/.test(body[to - 1])) to--;
  return { start: from, end: to };
}
