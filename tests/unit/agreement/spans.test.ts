import { describe, expect, it } from "vitest";
import { matchSpans, spansMatch } from "@/lib/agreement/spans";
import { spanAgreement } from "@/lib/agreement/f1";

const s = (start: number, end: number, kind = "FACT") => ({ start, end, kind });

describe("spansMatch (overlap of at least half the shorter span)", () => {
  it("matches at exactly half and not below", () => {
    expect(spansMatch(s(0, 10), s(5, 20))).toBe(true); // overlap 5, shorter 10
    expect(spansMatch(s(0, 10), s(6, 20))).toBe(false); // overlap 4
    expect(spansMatch(s(0, 4), s(2, 100))).toBe(true); // a short span inside a long one
    expect(spansMatch(s(0, 10), s(10, 20))).toBe(false); // touching is not overlapping
    expect(spansMatch(s(3, 3), s(0, 10))).toBe(false); // empty spans never match
  });
});

describe("matchSpans", () => {
  it("pairs each span at most once, by the largest overlap, whatever the input order", () => {
    const reference = [s(0, 10), s(20, 30)];
    const other = [s(1, 10), s(0, 9), s(22, 30), s(50, 60)];
    for (const order of [other, [...other].reverse()]) {
      const m = matchSpans(reference, order);
      expect(m.matches.map((x) => [x.reference.start, x.other.start, x.other.end])).toEqual([[0, 0, 9], [20, 22, 30]]);
      expect(m.onlyReference).toEqual([]);
      expect(m.onlyOther.map((x) => x.start).sort()).toEqual([1, 50]);
    }
  });

  it("scores exact and overlap agreement separately", () => {
    const m = matchSpans([s(0, 10), s(20, 30), s(40, 50)], [s(0, 10), s(21, 30), s(70, 80), s(90, 95)]);
    const a = spanAgreement(m);
    expect(a.exact).toMatchObject({ matched: 1, precision: 1 / 4, recall: 1 / 3 });
    expect(a.overlap).toMatchObject({ matched: 2, precision: 2 / 4, recall: 2 / 3 });
    expect(a.overlap.f1).toBeCloseTo((2 * 2) / 7, 12);
  });

  it("gives no F1 when neither annotator marked anything, and 0 when only one did", () => {
    expect(spanAgreement(matchSpans([], [])).overlap.f1).toBeNull();
    const one = spanAgreement(matchSpans([s(0, 5)], []));
    expect(one.overlap).toMatchObject({ f1: 0, recall: 0, precision: null });
  });
});
