import { describe, expect, it } from "vitest";
import { describeSpan } from "@/lib/anchoring/selectors";
import { AnchoringError } from "@/lib/anchoring/errors";
import { unstorableText } from "@/lib/text-safety";

// An emoji is two UTF-16 units: a 32-unit context window may end between them.
const EMOJI = "😀";

describe("context windows never cut a character in two", () => {
  it("prefix: the window would start inside an emoji", () => {
    const text = `${EMOJI}${"x".repeat(31)}CLAIM rest`;
    const { quote } = describeSpan(text, 33, 38);
    expect(quote.exact).toBe("CLAIM");
    expect(quote.prefix).toBe("x".repeat(31));
    expect(unstorableText(quote.prefix)).toBeNull();
  });
  it("suffix: the window would end inside an emoji", () => {
    const text = `start CLAIM${"y".repeat(31)}${EMOJI} end`;
    const { quote } = describeSpan(text, 6, 11);
    expect(quote.suffix).toBe("y".repeat(31));
    expect(unstorableText(quote.suffix)).toBeNull();
  });
  it("whole emoji inside the window are kept", () => {
    const text = `${EMOJI.repeat(20)}CLAIM`;
    expect(describeSpan(text, 40, 45).quote.prefix).toBe(EMOJI.repeat(16));
  });
  it("offsets that split an emoji are refused", () => {
    const text = `a${EMOJI}b`;
    expect(() => describeSpan(text, 2, 4)).toThrow(AnchoringError);
    expect(() => describeSpan(text, 0, 2)).toThrow(/inside a character/);
    expect(describeSpan(text, 1, 3).quote.exact).toBe(EMOJI);
  });
});
