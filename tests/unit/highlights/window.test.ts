import { describe, expect, it } from "vitest";
import { PAINT_WHOLE_TEXT_UP_TO, initialPaintWindow, nextPaintWindow } from "@/lib/highlights/window";

describe("the stretch of a long text the reader paints", () => {
  it("paints a text of ordinary length whole, and only the first screens of a long one", () => {
    expect(initialPaintWindow(12_000)).toBeNull();
    expect(initialPaintWindow(PAINT_WHOLE_TEXT_UP_TO)).toBeNull();
    expect(initialPaintWindow(300_000)).toEqual({ from: 0, to: 20_000 });
  });

  it("keeps the window while the screen stays inside it with half a margin to spare", () => {
    const current = { from: 0, to: 20_000 };
    expect(nextPaintWindow(current, { from: 2_000, to: 4_500 }, 300_000)).toBeNull();
    // The window's start is the text's start: nothing more to paint above.
    expect(nextPaintWindow(current, { from: 0, to: 2_500 }, 300_000)).toBeNull();
  });

  it("moves the window around the screen once the screen nears its edge", () => {
    const current = { from: 0, to: 20_000 };
    expect(nextPaintWindow(current, { from: 16_000, to: 18_500 }, 300_000)).toEqual({ from: 6_000, to: 28_500 });
    // Scrolled far up from a window further down.
    expect(nextPaintWindow({ from: 100_000, to: 130_000 }, { from: 50_000, to: 52_500 }, 300_000)).toEqual({ from: 40_000, to: 62_500 });
  });

  it("never reaches past the text, and keeps a window at the text's end while the end is on screen", () => {
    expect(nextPaintWindow({ from: 0, to: 20_000 }, { from: 297_500, to: 300_000 }, 300_000)).toEqual({ from: 287_500, to: 300_000 });
    expect(nextPaintWindow({ from: 287_500, to: 300_000 }, { from: 297_500, to: 300_000 }, 300_000)).toBeNull();
  });

  it("paints at least a screen's worth beyond each side of a tall screen", () => {
    // A screen showing 15,000 characters (a narrow font, a tall window) gets that much on each side.
    expect(nextPaintWindow({ from: 0, to: 20_000 }, { from: 100_000, to: 115_000 }, 300_000)).toEqual({ from: 85_000, to: 130_000 });
  });

  it("takes smaller windows for a narrower view (a compare column) when told", () => {
    const column = { first: 6_000, margin: 3_000 };
    expect(initialPaintWindow(300_000, column)).toEqual({ from: 0, to: 6_000 });
    expect(nextPaintWindow({ from: 0, to: 6_000 }, { from: 0, to: 1_500 }, 300_000, column)).toBeNull();
    expect(nextPaintWindow({ from: 0, to: 6_000 }, { from: 3_000, to: 4_600 }, 300_000, column)).toEqual({ from: 0, to: 7_600 });
  });
});
