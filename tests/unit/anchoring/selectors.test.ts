import { describe, expect, it } from "vitest";
import { AnchoringError } from "@/lib/anchoring/errors";
import { CONTEXT_LENGTH, describeSpan, verifyQuote, type TextQuoteSelector } from "@/lib/anchoring/selectors";
import { ESSAY, CARAVANSERAI, EURASIA, spanOf, PARATROOPERS } from "../../helpers/anchoring-corpus";

describe("describeSpan", () => {
  it("builds position and quote selectors with 32 characters of context", () => {
    const [start, end] = spanOf(ESSAY, "«interest»");
    const { position, quote } = describeSpan(ESSAY, start, end);
    expect(position).toEqual({ type: "TextPositionSelector", start, end });
    expect(quote.type).toBe("TextQuoteSelector");
    expect(quote.exact).toBe("«interest»");
    expect(CONTEXT_LENGTH).toBe(32);
    expect(quote.prefix).toBe(ESSAY.slice(start - 32, start));
    expect(quote.prefix.endsWith("around His Majesty ")).toBe(true);
    expect(quote.suffix).toBe(ESSAY.slice(end, end + 32));
    expect(quote.suffix.startsWith(" — economic, political")).toBe(true);
  });

  it("shortens context at the edges of the text", () => {
    const atStart = describeSpan(CARAVANSERAI, 0, "Caravanserai".length);
    expect(atStart.quote.prefix).toBe("");
    expect(atStart.quote.exact).toBe("Caravanserai");
    expect(atStart.quote.suffix).toHaveLength(32);

    const end = EURASIA.length;
    const atEnd = describeSpan(EURASIA, end - "Lost Password".length, end);
    expect(atEnd.quote.exact).toBe("Lost Password");
    expect(atEnd.quote.suffix).toBe("");
  });

  it("uses UTF-16 offsets, so the guillemet-quoted span round-trips through slice", () => {
    const [start, end] = spanOf(ESSAY, "the «Tashkent Pact» or «Tashkent Treaty,»");
    expect(describeSpan(ESSAY, start, end).quote.exact).toBe(ESSAY.slice(start, end));
  });

  it.each([
    ["non-integer start", 1.5, 4],
    ["non-integer end", 1, Number.NaN],
    ["empty span", 10, 10],
    ["reversed span", 10, 5],
    ["negative start", -1, 4],
    ["end past the text", 0, 100_000],
  ])("throws AnchoringError for %s", (_label, start, end) => {
    expect(() => describeSpan(ESSAY, start, end)).toThrow(AnchoringError);
  });

  it("says what was wrong in the error message", () => {
    expect(() => describeSpan("abc", 2, 2)).toThrow(/empty/);
    expect(() => describeSpan("abc", 0, 9)).toThrow(/past the end/);
    expect(() => describeSpan("abc", -1, 2)).toThrow(/negative/);
    expect(() => describeSpan("abc", 0.5, 2)).toThrow(/integers/);
    try {
      describeSpan("abc", 2, 1);
    } catch (e) {
      expect(e).toBeInstanceOf(Error);
      expect((e as Error).name).toBe("AnchoringError");
    }
  });
});

describe("verifyQuote", () => {
  it("accepts the text at the offsets and nothing else", () => {
    const [start, end] = spanOf(ESSAY, PARATROOPERS);
    expect(verifyQuote(ESSAY, start, end, PARATROOPERS)).toBe(true);
    expect(verifyQuote(ESSAY, start + 1, end, PARATROOPERS)).toBe(false);
    expect(verifyQuote(ESSAY, start, end, PARATROOPERS.replace("3,000", "3,500"))).toBe(false);
  });

  it("returns false rather than throwing for impossible offsets", () => {
    expect(verifyQuote("abc", -1, 2, "ab")).toBe(false);
    expect(verifyQuote("abc", 0, 10, "abc")).toBe(false);
    expect(verifyQuote("abc", 0.5, 2, "ab")).toBe(false);
  });
});
