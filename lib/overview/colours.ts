// Colours of the overview's pictures, and the text colour readable on each.
import type { LinkRelation } from "../types";

/** Colour-blind-safe (Okabe–Ito) colours for sources, in source order, repeating past eight;
 *  the pictures also print each source's number, so colour is never the only cue. */
export const SOURCE_COLOURS = ["#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#999999"];

export const sourceColour = (index: number) => SOURCE_COLOURS[index % SOURCE_COLOURS.length];

/** Each relation's line: a colour and a dash pattern, so relations differ without colour too. */
export const RELATION_STROKES: Record<LinkRelation, { colour: string; dash: string | undefined }> = {
  CONTRADICTS: { colour: "#a40e26", dash: undefined },
  SUPPORTS: { colour: "#1a7f37", dash: "9 5" },
  REFINES: { colour: "#6639ba", dash: "2 4" },
};

/** Heat map colour ramps, light to dark. */
export const HEAT_RAMPS: Record<"CONTRADICTS" | "SUPPORTS", [string, string]> = {
  CONTRADICTS: ["#fde0dc", "#8c0a1f"],
  SUPPORTS: ["#dcf3e0", "#0f5323"],
};

/** Parses "#rrggbb" or "rgb(r, g, b)" into 0–255 channels. */
export function parseColour(colour: string): [number, number, number] {
  const hex = colour.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  const rgb = colour.match(/^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`not a colour: ${colour}`);
}

/** WCAG relative luminance. */
function luminance(colour: string): number {
  const [r, g, b] = parseColour(colour).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on the background (at least 4.5:1 on any colour). */
export const textColourOn = (background: string) => (contrastRatio(background, "#000000") >= contrastRatio(background, "#ffffff") ? "#000000" : "#ffffff");
