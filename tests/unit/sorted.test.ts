import { describe, expect, it } from "vitest";
import { partitionPoint } from "@/lib/sorted";

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
