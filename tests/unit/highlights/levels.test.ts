import { describe, expect, it } from "vitest";
import { stackLevels, type StackSpan } from "@/lib/highlights/levels";

/** The definition stackLevels had before the sweep: every claim against every other, O(n²). */
function pairwise(claims: StackSpan[]) {
  const result = new Map<string, { level: number; nested: boolean }>();
  for (const c of claims) {
    const inner = claims.filter((o) => o !== c && o.start < c.end && c.start < o.end && (o.start > c.start || (o.start === c.start && o.end < c.end)));
    const nested = claims.some((o) => o !== c && o.start <= c.start && o.end >= c.end && (o.start < c.start || o.end > c.end));
    result.set(c.id, { level: Math.min(inner.length, 3), nested });
  }
  return result;
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe("stackLevels", () => {
  it("gives an outer claim a lower underline than the claims inside it", () => {
    const levels = stackLevels([
      { id: "outer", start: 0, end: 30 },
      { id: "inner", start: 5, end: 10 },
      { id: "same-start", start: 0, end: 12 },
    ]);
    expect(levels.get("outer")).toEqual({ level: 2, nested: false });
    expect(levels.get("same-start")).toEqual({ level: 1, nested: true });
    expect(levels.get("inner")).toEqual({ level: 0, nested: true });
  });

  it("agrees with the pairwise definition on random spans, twins and shared ends included", () => {
    for (let round = 0; round < 300; round++) {
      const next = random(round + 1);
      const count = 1 + Math.floor(next() * 25);
      const claims = Array.from({ length: count }, (_, i) => {
        const start = Math.floor(next() * 40);
        return { id: `c${i}`, start, end: start + 1 + Math.floor(next() * 15) };
      });
      expect(stackLevels(claims)).toEqual(pairwise(claims));
    }
  });
});
