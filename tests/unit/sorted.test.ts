import { describe, expect, it } from "vitest";
import { lowerBound, partitionPoint } from "@/lib/sorted";

describe("partitionPoint (the one binary search)", () => {
  const sorted = [2, 4, 4, 4, 9];
  it("finds the first index where the condition stops holding", () => {
    expect(partitionPoint(0, sorted.length, (i) => sorted[i]! < 4)).toBe(1); // first >= 4
    expect(partitionPoint(0, sorted.length, (i) => sorted[i]! <= 4)).toBe(4); // first > 4
  });
  it("gives the range's start when it never holds and its end when it always does", () => {
    expect(partitionPoint(0, sorted.length, () => false)).toBe(0);
    expect(partitionPoint(0, sorted.length, () => true)).toBe(5);
    expect(partitionPoint(3, 3, () => true)).toBe(3);
  });
  it("searches only [from, to)", () => {
    expect(partitionPoint(2, 4, (i) => sorted[i]! < 9)).toBe(4);
    expect(partitionPoint(1, 3, (i) => sorted[i]! < 1)).toBe(1);
  });
  it("asks about O(log n) places, never outside the range", () => {
    const asked: number[] = [];
    const n = 1_000_000;
    expect(partitionPoint(0, n, (i) => (asked.push(i), i < 123_456))).toBe(123_456);
    expect(asked.length).toBeLessThanOrEqual(21);
    expect(asked.every((i) => i >= 0 && i < n)).toBe(true);
  });
});

describe("lowerBound", () => {
  it("is partitionPoint over sorted numbers, strict or not, within a range", () => {
    const sorted = [1, 3, 3, 3, 7, 9];
    for (const value of [0, 1, 2, 3, 4, 7, 9, 10]) {
      for (const [from, to] of [[0, 6], [1, 4], [2, 2], [4, 6]] as const) {
        expect(lowerBound(sorted, value, false, from, to)).toBe(partitionPoint(from, to, (i) => sorted[i]! < value));
        expect(lowerBound(sorted, value, true, from, to)).toBe(partitionPoint(from, to, (i) => sorted[i]! <= value));
      }
    }
    expect(lowerBound(new Float64Array([2, 4]), 3)).toBe(1);
  });
});
