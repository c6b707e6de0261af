import { describe, expect, it } from "vitest";
import { firstRunEndingAfter, highlightRuns, highlightSegments } from "@/lib/highlights/runs";

describe("highlightRuns", () => {
  it("lists the claims over each run, longest first, so the shortest is the one shown", () => {
    const runs = highlightRuns(20, [
      { id: "outer", start: 2, end: 15 },
      { id: "inner", start: 5, end: 8 },
    ]);
    expect(runs).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: ["outer"] },
      { start: 5, end: 8, ids: ["outer", "inner"] },
      { start: 8, end: 15, ids: ["outer"] },
      { start: 15, end: 20, ids: [] },
    ]);
  });

  it("paints crossing claims with the shorter one where they overlap, and skips spans outside the text", () => {
    const runs = highlightRuns(10, [
      { id: "a", start: 0, end: 6 },
      { id: "b", start: 4, end: 8 },
      { id: "gone", start: 8, end: 30 },
    ]);
    expect(runs.map((r) => [r.start, r.end, r.ids.at(-1) ?? null])).toEqual([[0, 4, "a"], [4, 6, "b"], [6, 8, "b"], [8, 10, null]]);
    expect(highlightSegments(10, [{ id: "a", start: 0, end: 6 }, { id: "b", start: 4, end: 8 }])).toEqual([
      { start: 0, end: 4, claimId: "a" },
      { start: 4, end: 8, claimId: "b" },
      { start: 8, end: 10, claimId: null },
    ]);
  });
});

/** The rule, character by character: each character lists the valid spans covering it, longest
 *  first and, of two equally long, the later-given first; equal neighbours make one run. */
function perCharacter(length: number, spans: { id: string; start: number; end: number }[]) {
  const runs: { start: number; end: number; ids: string[] }[] = [];
  const valid = spans.map((s, index) => ({ ...s, index })).filter((s) => s.start >= 0 && s.start < s.end && s.end <= length);
  for (let at = 0; at < length; at++) {
    const ids = valid.filter((s) => s.start <= at && at < s.end).sort((a, b) => b.end - b.start - (a.end - a.start) || b.index - a.index).map((s) => s.id);
    const last = runs.at(-1);
    if (last && last.ids.join() === ids.join()) last.end = at + 1;
    else runs.push({ start: at, end: at + 1, ids });
  }
  return runs;
}

describe("highlightRuns against the rule character by character", () => {
  it("agrees on random spans: twins, shared starts and ends, spans past the text", () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 300; round++) {
      const length = 1 + Math.floor(next() * 40);
      const spans = Array.from({ length: Math.floor(next() * 20) }, (_, i) => {
        const start = Math.floor(next() * 45) - 2;
        return { id: `c${i}`, start, end: start + Math.floor(next() * 14) };
      });
      expect(highlightRuns(length, spans)).toEqual(perCharacter(length, spans));
    }
  });
});

describe("firstRunEndingAfter", () => {
  const runs = highlightRuns(20, [{ id: "a", start: 2, end: 5 }, { id: "b", start: 10, end: 12 }]);
  // Runs: [0,2) [2,5) [5,10) [10,12) [12,20)
  it("finds the run an offset falls in, a run ending at the offset not counted", () => {
    expect(firstRunEndingAfter(runs, 0)).toBe(0);
    expect(firstRunEndingAfter(runs, 2)).toBe(1);
    expect(firstRunEndingAfter(runs, 4)).toBe(1);
    expect(firstRunEndingAfter(runs, 10)).toBe(3);
    expect(firstRunEndingAfter(runs, 19)).toBe(4);
  });
  it("is past the last run at the text's end, and 0 for no runs", () => {
    expect(firstRunEndingAfter(runs, 20)).toBe(5);
    expect(firstRunEndingAfter([], 3)).toBe(0);
  });
});
