// Cuts a text into runs that are either plain or covered by claims, so overlapping claims can be
// painted without nesting: each run names the shortest claim covering it (the most specific one).

export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  claimId: string | null;
}

export function highlightSegments(length: number, spans: Span[]): Segment[] {
  const cuts = new Set([0, length]);
  for (const s of spans) {
    if (s.start < s.end && s.end <= length) { cuts.add(s.start); cuts.add(s.end); }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    let best: Span | null = null;
    for (const s of spans) {
      if (s.start <= start && s.end >= end && (!best || s.end - s.start < best.end - best.start)) best = s;
    }
    const claimId = best?.id ?? null;
    const last = segments.at(-1);
    if (last && last.claimId === claimId) last.end = end;
    else segments.push({ start, end, claimId });
  }
  return segments;
}
