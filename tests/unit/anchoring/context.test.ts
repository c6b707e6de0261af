import { describe, expect, it } from "vitest";
import { ambiguousShort, bestByScore, pickBest, scoreCandidate } from "@/lib/anchoring/context";
import type { TextQuoteSelector } from "@/lib/anchoring/selectors";

const text = "The mission had 2,000 troops. Later reports said the mission had 2,500 troops.";
const quote = (exact: string, prefix: string, suffix: string): TextQuoteSelector => ({ type: "TextQuoteSelector", exact, prefix, suffix });

describe("scoring candidates", () => {
  const q = quote("the mission had", "Later reports said ", " 2,500 troops.");
  const first = text.indexOf("he mission had") - 1;
  const second = text.lastIndexOf("the mission had");

  it("prefers the place whose context agrees with the stored context", () => {
    const a = scoreCandidate(text, q, first, first + 15, 1, undefined);
    const b = scoreCandidate(text, q, second, second + 15, 1, undefined);
    expect(b.contextSim).toBeGreaterThan(a.contextSim);
    expect(pickBest([a, b])).toBe(b);
    expect(bestByScore([a, b])).toBe(b);
  });

  it("breaks a tie in context by closeness to the old position", () => {
    const plain = quote("x", "", "");
    const twice = "x x";
    const a = scoreCandidate(twice, plain, 0, 1, 1, 2);
    const b = scoreCandidate(twice, plain, 2, 3, 1, 2);
    expect(pickBest([a, b])).toBe(b);
  });

  it("calls a short quote ambiguous when several places fit and none has its context", () => {
    const short = quote("troops", "nothing like this ", " at all");
    const at = [text.indexOf("troops"), text.lastIndexOf("troops")].map((s) => scoreCandidate(text, short, s, s + 6, 1, undefined));
    expect(ambiguousShort(short, at, pickBest(at)!)).toBe(true);
    expect(ambiguousShort(short, at.slice(0, 1), at[0]!)).toBe(false);
  });
});
