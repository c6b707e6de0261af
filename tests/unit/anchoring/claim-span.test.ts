import { describe, expect, it } from "vitest";
import { anchorClaimSpan } from "@/lib/anchoring/claim-span";
import { DomainError } from "@/lib/errors";
import { MAX_SPAN_LENGTH } from "@/lib/schemas";

const TEXT = "Russia sent about 3,000 paratroopers.  Kazakhstan asked for them.";

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("anchorClaimSpan", () => {
  it("leaves white space at either end out of the offsets and the quote, with context around", () => {
    const start = TEXT.indexOf("about") - 1;
    const span = anchorClaimSpan(TEXT, start, TEXT.indexOf(".") + 2);
    expect(TEXT.slice(span.start, span.end)).toBe("about 3,000 paratroopers.");
    expect(span.exact).toBe("about 3,000 paratroopers.");
    expect(span.prefix.endsWith("Russia sent ")).toBe(true);
    expect(span.suffix.startsWith("  Kazakhstan")).toBe(true);
  });

  it("checks a quote the client sent against the text at its offsets", () => {
    const start = TEXT.indexOf("Kazakhstan");
    expect(anchorClaimSpan(TEXT, start, start + 10, "Kazakhstan").exact).toBe("Kazakhstan");
    const wrong = refusal(() => anchorClaimSpan(TEXT, start, start + 10, "Kyrgyzstan"));
    expect(wrong.status).toBe(400);
    expect(wrong.message).toBe(`The quote does not match the source text at ${start}–${start + 10}`);
  });

  it("refuses white space only, offsets past the text, a split character and an over-long span with a 400", () => {
    const gap = TEXT.indexOf("  ");
    expect(refusal(() => anchorClaimSpan(TEXT, gap, gap + 2)).message).toBe("A claim cannot be only white space: select some words");
    expect(refusal(() => anchorClaimSpan(TEXT, 0, TEXT.length + 5)).status).toBe(400);
    expect(refusal(() => anchorClaimSpan("a 😀 b", 0, 3)).status).toBe(400);
    expect(refusal(() => anchorClaimSpan("x".repeat(MAX_SPAN_LENGTH + 2), 0, MAX_SPAN_LENGTH + 1)).message).toBe(`A claim may span at most ${MAX_SPAN_LENGTH} characters`);
  });
});
