import { describe, expect, it } from "vitest";
import { glued, spaced, tokenize } from "@/lib/quantities/tokenize";

describe("tokenize", () => {
  it("splits numbers (with their separators), words and punctuation, with offsets", () => {
    const toks = tokenize("About 2,000 troops—$1.5bn.");
    expect(toks.map((t) => [t.text, t.kind, t.start])).toEqual([
      ["About", "word", 0], ["2,000", "num", 6], ["troops", "word", 12], ["—", "punct", 18],
      ["$", "punct", 19], ["1.5", "num", 20], ["bn", "word", 23], [".", "punct", 25],
    ]);
    expect(toks[0]!.lower).toBe("about");
  });

  it("tells glued tokens from spaced ones, never across a line break", () => {
    const text = "10k and\n5";
    const [ten, k, and, five] = tokenize(text);
    expect(glued(ten!, k!)).toBe(true);
    expect(spaced(text, k!, and!)).toBe(true);
    expect(spaced(text, and!, five!)).toBe(false);
  });
});
