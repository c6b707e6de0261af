import { describe, expect, it } from "vitest";
import { describeSpan, type TextQuoteSelector } from "@/lib/anchoring/selectors";
import { anchorQuote } from "@/lib/anchoring/match-quote";
import { ESSAY, CARAVANSERAI, EVSTRATOV, COUNTERPUNCH, EURASIA, spanOf, PARATROOPERS, TROOPS_2000, RHETORIC } from "../../helpers/anchoring-corpus";

describe("anchorQuote", () => {
  it("finds a unique verbatim quote with the best possible score", () => {
    const [start, end] = spanOf(ESSAY, PARATROOPERS);
    const { quote } = describeSpan(ESSAY, start, end);
    const m = anchorQuote(ESSAY, quote);
    expect(m).toMatchObject({ start, end, exact: true });
    expect(m!.score).toBeCloseTo(1, 6);
  });

  it("picks the occurrence whose context matches when a sentence is printed twice", () => {
    // 004 repeats its "Despite the rhetoric..." sentence in two different paragraphs.
    const first = spanOf(EURASIA, RHETORIC, 0);
    const second = spanOf(EURASIA, RHETORIC, 1);
    expect(first[0]).not.toBe(second[0]);

    const q2 = describeSpan(EURASIA, ...second).quote;
    // Even a hint pointing at the first copy must not beat matching context.
    expect(anchorQuote(EURASIA, q2, { start: first[0] })).toMatchObject({ start: second[0], exact: true });
    const q1 = describeSpan(EURASIA, ...first).quote;
    expect(anchorQuote(EURASIA, q1, { start: second[0] })).toMatchObject({ start: first[0], exact: true });
  });

  it("chooses between frequent short quotes by context", () => {
    // "Kyrgyzstan" occurs many times in 001; this one is in the 2010 unrest paragraph.
    const [start, end] = spanOf(CARAVANSERAI, "Kyrgyzstan's south");
    const q = describeSpan(CARAVANSERAI, start, start + "Kyrgyzstan".length).quote;
    expect(CARAVANSERAI.split("Kyrgyzstan").length - 1).toBeGreaterThan(5);
    expect(anchorQuote(CARAVANSERAI, q)).toMatchObject({ start, end: end - "'s south".length });
  });

  it("falls back to the occurrence nearest the hint when the selector carries no context", () => {
    const q: TextQuoteSelector = { type: "TextQuoteSelector", exact: "CSTO", prefix: "", suffix: "" };
    const occurrences = [...CARAVANSERAI.matchAll(/CSTO/g)].map((m) => m.index!);
    const target = occurrences[5]!;
    expect(anchorQuote(CARAVANSERAI, q, { start: target + 3 })).toMatchObject({ start: target });
    expect(anchorQuote(CARAVANSERAI, q)).toMatchObject({ start: occurrences[0] });
  });

  it("refuses to guess between many copies of a short quote when no context matches", () => {
    const q: TextQuoteSelector = {
      type: "TextQuoteSelector",
      exact: "CSTO",
      prefix: "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
      suffix: "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
    };
    expect(anchorQuote(CARAVANSERAI, q)).toBeNull();
  });

  it("matches across curly/straight quotes and guillemets, reporting exact=false", () => {
    const passage = "It’s simple — the Collective Security Treaty Organization (CSTO), sometimes referred to as the «Tashkent Pact» or «Tashkent Treaty,»";
    const [start, end] = spanOf(ESSAY, passage);
    const { quote } = describeSpan(ESSAY, start, end);
    const retyped = ESSAY.replace(/’/g, "'").replace(/«/g, "\u201C").replace(/»/g, "\u201D");
    expect(retyped.length).toBe(ESSAY.length);
    const m = anchorQuote(retyped, quote);
    expect(m).toMatchObject({ start, end, exact: false });
    expect(retyped.slice(m!.start, m!.end)).toBe(
      "It's simple — the Collective Security Treaty Organization (CSTO), sometimes referred to as the \u201CTashkent Pact\u201D or \u201CTashkent Treaty,\u201D",
    );
  });

  it("does not count whitespace changes (non-breaking spaces, reflowed lines) as edits", () => {
    // 002 separates sentences with a no-break space plus a space.
    const passage = "Russian special operation in Ukraine.\u00A0 It is extremely noteworthy";
    const [start, end] = spanOf(EVSTRATOV, passage);
    const { quote } = describeSpan(EVSTRATOV, start, end);
    const reflowed = EVSTRATOV.replace(/\u00A0 /g, " ").replace(/\n\n {4}/g, "\n\n");
    const m = anchorQuote(reflowed, quote);
    expect(m).not.toBeNull();
    expect(m!.exact).toBe(false);
    expect(reflowed.slice(m!.start, m!.end)).toBe("Russian special operation in Ukraine. It is extremely noteworthy");
  });

  it("finds an edited quote approximately and scores it below a verbatim match", () => {
    const [start, end] = spanOf(ESSAY, PARATROOPERS);
    const { quote } = describeSpan(ESSAY, start, end);
    const edited = ESSAY.replace("about 3,000 paratroopers", "about 3,500 paratroopers");
    const m = anchorQuote(edited, quote);
    expect(m).toMatchObject({ start, end, exact: false });
    expect(m!.score).toBeLessThan(1);
    expect(m!.score).toBeGreaterThan(0.9);
  });

  it("returns null when the quote is absent", () => {
    const q: TextQuoteSelector = {
      type: "TextQuoteSelector",
      exact: "The CSTO deployed 40,000 troops to Mongolia in 1997.",
      prefix: "",
      suffix: "",
    };
    expect(anchorQuote(ESSAY, q)).toBeNull();
    expect(anchorQuote("", q)).toBeNull();
    expect(anchorQuote(ESSAY, { ...q, exact: "" })).toBeNull();
  });

  it("does not fuzzy-match quotes shorter than 8 characters, even with matching context", () => {
    const [start, end] = spanOf(CARAVANSERAI, "Almaty.");
    const { quote } = describeSpan(CARAVANSERAI, start, end - 1);
    expect(anchorQuote(CARAVANSERAI, quote)).toMatchObject({ start, exact: true });
    expect(anchorQuote(CARAVANSERAI, { ...quote, exact: "Almatx" })).toBeNull();
    // At 8 characters one error is allowed when the context agrees.
    const [s8] = spanOf(CARAVANSERAI, "Kyrgyzstan's south");
    const q8 = describeSpan(CARAVANSERAI, s8, s8 + "Kyrgyzstan".length).quote;
    expect(anchorQuote(CARAVANSERAI, { ...q8, exact: "Kyrgyzstam" })).toMatchObject({ start: s8, exact: false });
  });

  it("does not move an edited short quote whose context is gone", () => {
    const [start, end] = spanOf(COUNTERPUNCH, "2,500 of its troops");
    const { quote } = describeSpan(COUNTERPUNCH, start, end);
    // Same figure edited, but in a paragraph that no longer resembles the original.
    const other = "Analysts wrote that 2,400 of its troops could be sent to the border next spring.";
    expect(anchorQuote(other, quote)).toBeNull();
    // With the original surroundings intact the same edit is accepted.
    const edited = COUNTERPUNCH.replace("2,500 of its troops", "2,400 of its troops");
    expect(anchorQuote(edited, quote)).toMatchObject({ start, end, exact: false });
  });

  it("rejects a passage that was rewritten beyond a fifth of its characters", () => {
    const [start, end] = spanOf(CARAVANSERAI, TROOPS_2000);
    const { quote } = describeSpan(CARAVANSERAI, start, end);
    const rewritten = CARAVANSERAI.replace(
      TROOPS_2000,
      "Russia sent a contingent after clashes in Almaty; the size of the CSTO force was never confirmed by officials.",
    );
    expect(anchorQuote(rewritten, quote)).toBeNull();
  });
});
