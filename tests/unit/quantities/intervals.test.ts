import { describe, expect, it } from "vitest";
import { compareCounted, countedThing, formatInterval, overlaps, quantityInterval } from "@/lib/quantities/intervals";
import { KZ, troopCount } from "../../helpers/quantities-corpus";

describe("figures as intervals", () => {
  it("reads the four Kazakhstan figures as the issue states them", () => {
    expect(formatInterval(quantityInterval(troopCount(KZ.caravanserai)))).toBe("(2,000, ∞)");
    expect(formatInterval(quantityInterval(troopCount(KZ.essay)))).toBe("[2,700, 3,300]");
    expect(formatInterval(quantityInterval(troopCount(KZ.eurasia)))).toBe("[0, 4,000)");
    expect(formatInterval(quantityInterval(troopCount(KZ.counterpunch)))).toBe("2,500");
  });

  it("takes the researcher's tolerance for 'about'", () => {
    expect(quantityInterval({ value: 3000, qualifier: "about" }, 0.25)).toEqual({ lower: 2250, lowerOpen: false, upper: 3750, upperOpen: false });
    expect(quantityInterval({ value: 3000, qualifier: "about" }, 0)).toEqual({ lower: 3000, lowerOpen: false, upper: 3000, upperOpen: false });
  });

  it("reads 'almost' as just below the figure, as wide as the researcher's tolerance", () => {
    expect(formatInterval(quantityInterval({ value: 10_000, qualifier: "almost" }))).toBe("[9,000, 10,000)");
    expect(quantityInterval({ value: 10_000, qualifier: "almost" }, 0.05)).toEqual({ lower: 9500, lowerOpen: false, upper: 10_000, upperOpen: true });
    // "almost 10,000" cannot be 10,000 itself, but "about 10,000" can.
    expect(overlaps(quantityInterval({ value: 10_000, qualifier: "almost" }), quantityInterval({ value: 10_000, qualifier: null }))).toBe(false);
    expect(overlaps(quantityInterval({ value: 10_000, qualifier: "almost" }), quantityInterval({ value: 10_000, qualifier: "about" }))).toBe(true);
  });

  it("meets at closed ends only", () => {
    const at = (lower: number, upper: number, lowerOpen = false, upperOpen = false) => ({ lower, upper, lowerOpen, upperOpen });
    expect(overlaps(at(0, 2000), at(2000, 3000))).toBe(true);
    expect(overlaps(at(0, 2000, false, true), at(2000, 3000))).toBe(false);
    expect(overlaps(at(2000, Infinity, true, true), at(0, 4000, false, true))).toBe(true);
  });
});

describe("what is counted", () => {
  it("normalises troop words and keeps paratroopers as a part of troops", () => {
    for (const u of ["troops", "servicemen", "personnel", "soldiers"]) expect(countedThing(u)).toEqual({ quantity: "troops", part: null });
    expect(countedThing("paratroopers")).toEqual({ quantity: "troops", part: "paratroopers" });
    expect(countedThing(null)).toEqual({ quantity: null, part: null });
  });

  it("lets a part be fewer than its whole, never more", () => {
    const fig = (unit: string, lower: number, upper: number) => ({ ...countedThing(unit), interval: { lower, upper, lowerOpen: false, upperOpen: false } });
    expect(compareCounted(fig("paratroopers", 2700, 3300), fig("troops", 4000, 4000))).toBe("consistent");
    expect(compareCounted(fig("troops", 2500, 2500), fig("paratroopers", 2700, 3300))).toBe("conflicting");
    expect(compareCounted(fig("paratroopers", 100, 100), fig("marines", 200, 200))).toBe("incomparable");
    expect(compareCounted(fig("troops", 100, 100), fig("refugees", 100, 100))).toBe("incomparable");
  });
});
