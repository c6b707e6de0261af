import { describe, expect, it } from "vitest";
import { trimSpan } from "@/lib/anchoring/trim-span";

describe("trimSpan", () => {
  const body = "Title\n\n    Indented words here.\u00a0\nNext";
  it("leaves out spaces, tabs, line breaks and no-break spaces at both ends, offsets and quote together", () => {
    const start = body.indexOf("\n\n");
    const end = body.indexOf("Next");
    expect(trimSpan(body, start, end)).toEqual({ start: body.indexOf("Indented"), end: body.indexOf("here.") + 5, quote: "Indented words here." });
  });
  it("keeps a span without outer white space as it is", () => {
    expect(trimSpan(body, 0, 5)).toEqual({ start: 0, end: 5, quote: "Title" });
  });
  it("has nothing left of white space only", () => {
    expect(trimSpan(body, 5, 11)).toBeNull();
  });
});
