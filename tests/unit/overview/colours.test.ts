import { describe, expect, it } from "vitest";
import { contrastRatio, HEAT_RAMPS, parseColour, RELATION_STROKES, SOURCE_COLOURS, sourceColour, textColourOn } from "@/lib/overview/colours";

describe("overview colours", () => {
  it("reads hex and rgb() colours", () => {
    expect(parseColour("#0b5cad")).toEqual([11, 92, 173]);
    expect(parseColour("rgb(253, 224, 220)")).toEqual([253, 224, 220]);
    expect(() => parseColour("red")).toThrow(/not a colour/);
  });

  it("puts text readable at 4.5:1 on every source colour and both ends of each heat ramp", () => {
    for (const background of [...SOURCE_COLOURS, ...Object.values(HEAT_RAMPS).flat(), "rgb(128, 128, 128)"]) {
      expect(contrastRatio(background, textColourOn(background)), background).toBeGreaterThanOrEqual(4.5);
    }
    expect(textColourOn("#0072b2")).toBe("#ffffff");
    expect(textColourOn("#f0e442")).toBe("#000000");
  });

  it("tells relations apart by dash as well as colour, and repeats source colours past eight", () => {
    const dashes = Object.values(RELATION_STROKES).map((s) => s.dash ?? "solid");
    expect(new Set(dashes).size).toBe(3);
    expect(sourceColour(8)).toBe(sourceColour(0));
  });
});
