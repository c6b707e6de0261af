import { describe, expect, it } from "vitest";
import { compareQuantities } from "@/lib/quantities/compare";
import { extractQuantities, type Quantity } from "@/lib/quantities/scan";
import { only } from "../../helpers/quantities-corpus";

describe("compareQuantities", () => {
  const q = (value: number, qualifier: Quantity["qualifier"], unit: string | null = "troops"): Quantity => ({
    value,
    qualifier,
    unit,
    raw: "",
    start: 0,
    end: 0,
  });

  it("treats 'about' as ±10%", () => {
    expect(compareQuantities(q(3000, "about"), q(2700, null))).toBe("consistent");
    expect(compareQuantities(q(3000, "about"), q(3300, null))).toBe("consistent");
    expect(compareQuantities(q(3000, "about"), q(2699, null))).toBe("conflicting");
    expect(compareQuantities(q(3000, "about"), q(3400, "about"))).toBe("consistent");
  });

  it("respects open and closed bounds", () => {
    expect(compareQuantities(q(2000, "more than"), q(2000, null))).toBe("conflicting");
    expect(compareQuantities(q(2000, "at least"), q(2000, null))).toBe("consistent");
    expect(compareQuantities(q(2000, "less than"), q(2000, "exactly"))).toBe("conflicting");
    expect(compareQuantities(q(2000, "at most"), q(2000, "exactly"))).toBe("consistent");
    expect(compareQuantities(q(2000, "at most"), q(2000, "at least"))).toBe("consistent");
    expect(compareQuantities(q(2000, "less than"), q(2000, "more than"))).toBe("conflicting");
    expect(compareQuantities(q(2000, "more than"), q(5000, "less than"))).toBe("consistent");
    expect(compareQuantities(q(2000, null), q(2001, null))).toBe("conflicting");
  });

  it("only compares like with like", () => {
    expect(compareQuantities(q(2000, null, "troops"), q(2000, null, "servicemen"))).toBe("consistent");
    expect(compareQuantities(q(2000, null, "troops"), q(2000, null, "people"))).toBe("incomparable");
    expect(compareQuantities(q(20, null, "percent"), q(20, null, "troops"))).toBe("incomparable");
    expect(compareQuantities(q(20, null, null), q(20, null, "troops"))).toBe("incomparable");
    expect(compareQuantities(q(20, null, null), q(20, null, null))).toBe("consistent");
  });

  it("compares figures extracted from different wordings", () => {
    const [a] = extractQuantities("some 6 million refugees");
    const [b] = extractQuantities("six million refugees");
    const [c] = extractQuantities("at least 7 million refugee");
    expect(compareQuantities(a!, b!)).toBe("consistent");
    expect(compareQuantities(b!, c!)).toBe("conflicting");
    const [pct1] = extractQuantities("20%");
    const [pct2] = extractQuantities("about 21 per cent");
    expect(compareQuantities(pct1!, pct2!)).toBe("consistent");
  });
});
