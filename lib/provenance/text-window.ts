// Where to look around a claim for its speaker or its date: the sentence(s) the span touches,
// and the paragraph around them. Sentences come from Intl.Segmenter (built into Node and
// browsers), not a hand-written splitter.

export interface Range {
  start: number;
  end: number;
}

/** The paragraph (text between blank-line or newline breaks) holding `offset`. */
export function paragraphAt(body: string, offset: number): Range {
  const before = body.lastIndexOf("\n", Math.max(0, offset - 1));
  const after = body.indexOf("\n", offset);
  return { start: before < 0 ? 0 : before + 1, end: after < 0 ? body.length : after };
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
