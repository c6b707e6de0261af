import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  AnchoringError,
  CONTEXT_LENGTH,
  anchorQuote,
  describeSpan,
  paragraphIndexAt,
  reanchor,
  verifyQuote,
  type TextQuoteSelector,
} from "@/lib/anchoring";

const corpusDir = path.resolve(__dirname, "../../data/corpus");
const read = (name: string) => readFileSync(path.join(corpusDir, name), "utf8");

const ESSAY = read("000_dfd454984cb772b8.txt"); // guillemets «», curly apostrophes ’
const CARAVANSERAI = read("001_368f92058b86ed85.txt"); // straight ASCII, reader comments
const EVSTRATOV = read("002_98b48e446e185cb4.txt"); // indented lines, non-breaking spaces
const COUNTERPUNCH = read("003_87eb5ab265d9726a.txt");
const EURASIA = read("004_438cc6c4c90e1221.txt"); // one sentence printed twice

/** Offsets of a passage that must occur in the text exactly `nth` (0-based) time. */
function spanOf(text: string, passage: string, nth = 0): [number, number] {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(passage, at + 1);
    if (at === -1) throw new Error(`passage not found (occurrence ${k}): ${passage}`);
  }
  return [at, at + passage.length];
}

const PARATROOPERS =
  "Naturally, Russia took the lead in providing assistance, sending the largest number of servicemen, about 3,000 paratroopers.";
const TROOPS_2000 =
  "Led by Russia, a CSTO mission of more than 2,000 troops was deployed after armed clashes between the government's foes and security forces and a looting spree trashed parts of the largest city, Almaty.";
const RHETORIC =
  "Despite the rhetoric of the CSTO breathing its last, especially following the Ukraine war, it will be difficult for the Central Asian states to fully shake off the influence of the organisation.";

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

describe("reanchor", () => {
  const selectorsFor = (text: string, passage: string, nth = 0) => describeSpan(text, ...spanOf(text, passage, nth));

  it("reports anchored when the offsets still hold the quote", () => {
    const sel = selectorsFor(ESSAY, PARATROOPERS);
    const laterEdit = ESSAY.replace("Uprisings are not far off…", "Uprisings are near.");
    expect(reanchor(laterEdit, sel)).toMatchObject({
      status: "anchored",
      start: sel.position.start,
      end: sel.position.end,
      quote: sel.quote,
    });
  });

  it("follows the quote when words are inserted before it", () => {
    const sel = selectorsFor(CARAVANSERAI, TROOPS_2000);
    const corrected = CARAVANSERAI.replace(
      "Since its formation in 2002,",
      "Since its formation in 2002 (when the treaty became an organisation),",
    );
    const r = reanchor(corrected, sel);
    const shift = " (when the treaty became an organisation)".length;
    expect(r.status).toBe("moved");
    expect(r.start).toBe(sel.position.start + shift);
    expect(r.end).toBe(sel.position.end + shift);
    expect(corrected.slice(r.start, r.end)).toBe(TROOPS_2000);
    expect(r.quote).toEqual(describeSpan(corrected, r.start!, r.end!).quote);
  });

  it("follows the quote when words are removed before it", () => {
    const sel = selectorsFor(COUNTERPUNCH, "2,500 of its troops entered Kazakhstan");
    const corrected = COUNTERPUNCH.replace("The Russian-led military alliance, ", "The alliance, ");
    const r = reanchor(corrected, sel);
    expect(r.status).toBe("moved");
    expect(r.start).toBe(sel.position.start - ("The Russian-led military alliance, ".length - "The alliance, ".length));
    expect(corrected.slice(r.start, r.end)).toBe("2,500 of its troops entered Kazakhstan");
    // The stored context now describes the corrected text.
    expect(r.quote!.prefix).toBe(corrected.slice(r.start! - 32, r.start));
  });

  it("keeps the right copy of a duplicated sentence after an edit in between", () => {
    const sel = selectorsFor(EURASIA, RHETORIC, 1);
    const corrected = EURASIA.replace("The CSTO has also become more active", "Recently, the CSTO has also become more active");
    const r = reanchor(corrected, sel);
    expect(r.status).toBe("moved");
    expect(r.start).toBe(spanOf(corrected, RHETORIC, 1)[0]);
  });

  it("prefers the edited copy at the claim's place over an untouched copy with other context", () => {
    // Claim on the second printing of the repeated sentence; that copy is then edited.
    const sel = selectorsFor(EURASIA, RHETORIC, 1);
    const secondAt = sel.position.start;
    const editedCopy = RHETORIC.replace("it will be difficult", "it will be very difficult");
    const corrected = EURASIA.slice(0, secondAt) + editedCopy + EURASIA.slice(secondAt + RHETORIC.length);
    expect(corrected.indexOf(RHETORIC)).toBe(spanOf(EURASIA, RHETORIC, 0)[0]); // first copy untouched
    const r = reanchor(corrected, sel);
    expect(r.status).toBe("moved");
    expect(r.start).toBe(secondAt);
    expect(corrected.slice(r.start, r.end)).toBe(editedCopy);
  });

  it("refreshes the stored context when the quote stayed put but its surroundings changed", () => {
    const sel = selectorsFor(ESSAY, PARATROOPERS);
    const edited = ESSAY.replace(
      PARATROOPERS + " In the end, the situation in Kazakhstan was stabilized,",
      PARATROOPERS + " Calm returned,",
    );
    const r = reanchor(edited, sel);
    expect(r).toMatchObject({ status: "anchored", start: sel.position.start, end: sel.position.end });
    expect(r.quote).toEqual(describeSpan(edited, sel.position.start, sel.position.end).quote);
    expect(r.quote!.suffix.startsWith(" Calm returned, and the Russian")).toBe(true);
    expect(r.quote!.prefix).toBe(sel.quote.prefix);
  });

  it("reports moved with a new quote selector after typographic changes", () => {
    const sel = selectorsFor(ESSAY, "His Majesty «interest» — economic, political, and military");
    const retyped = ESSAY.replace(/«/g, '"').replace(/»/g, '"').replace(/—/g, "-");
    const r = reanchor(retyped, sel);
    expect(r.status).toBe("moved");
    expect(r.start).toBe(sel.position.start);
    expect(r.quote!.exact).toBe('His Majesty "interest" - economic, political, and military');
  });

  it("reports moved for a slightly edited quote", () => {
    const sel = selectorsFor(CARAVANSERAI, TROOPS_2000);
    const edited = CARAVANSERAI.replace("more than 2,000 troops was deployed", "more than 2,000 troops were deployed");
    const r = reanchor(edited, sel);
    expect(r.status).toBe("moved");
    expect(edited.slice(r.start, r.end)).toBe(TROOPS_2000.replace("was deployed", "were deployed"));
    expect(r.quote!.exact).toBe(edited.slice(r.start, r.end));
  });

  it("orphans a claim whose sentence was deleted", () => {
    const sel = selectorsFor(ESSAY, PARATROOPERS);
    const withoutIt = ESSAY.replace(PARATROOPERS + " ", "");
    expect(withoutIt.length).toBe(ESSAY.length - PARATROOPERS.length - 1);
    const r = reanchor(withoutIt, sel);
    expect(r).toEqual({ status: "orphaned" });
  });

  it("orphans rather than jumping to a similar sentence elsewhere", () => {
    // 004's first troop sentence: delete it; the rest of the article still talks about troops.
    const passage = "Lately, the CSTO deployed its troops to Kazakhstan to control the violence in the country, which resulted from political unrest in 2022.";
    const sel = selectorsFor(EURASIA, passage);
    expect(reanchor(EURASIA.replace(passage, ""), sel).status).toBe("orphaned");
  });

  it("copes with stored offsets that no longer fit the text", () => {
    const sel = selectorsFor(ESSAY, PARATROOPERS);
    const short = PARATROOPERS;
    const r = reanchor(short, sel);
    expect(r).toMatchObject({ status: "moved", start: 0, end: PARATROOPERS.length });
  });
});

describe("paragraphIndexAt", () => {
  it("counts non-empty lines, 1-based", () => {
    const text = "First para.\nSecond para.\n\n\nThird para.";
    expect(paragraphIndexAt(text, 0)).toBe(1);
    expect(paragraphIndexAt(text, 5)).toBe(1);
    expect(paragraphIndexAt(text, text.indexOf("Second"))).toBe(2);
    expect(paragraphIndexAt(text, text.indexOf("Third"))).toBe(3);
    expect(paragraphIndexAt(text, text.length)).toBe(3);
  });

  it("treats the newline ending a line as part of that line", () => {
    const text = "One\nTwo";
    expect(paragraphIndexAt(text, 3)).toBe(1);
    expect(paragraphIndexAt(text, 4)).toBe(2);
  });

  it("assigns offsets on blank lines to the following paragraph", () => {
    const text = "One\n\n   \nTwo\n\n";
    expect(paragraphIndexAt(text, 4)).toBe(2); // empty line
    expect(paragraphIndexAt(text, 6)).toBe(2); // whitespace-only line
    expect(paragraphIndexAt(text, text.length)).toBe(2); // trailing blanks: no next paragraph, keep the last
    expect(paragraphIndexAt("", 0)).toBe(1);
  });

  it("numbers the paragraphs of a real article", () => {
    // 001: Caravanserai / Security / headline / byline / caption / caption / ALMATY dateline ...
    expect(paragraphIndexAt(CARAVANSERAI, CARAVANSERAI.indexOf("Security"))).toBe(2);
    expect(paragraphIndexAt(CARAVANSERAI, CARAVANSERAI.indexOf("ALMATY --"))).toBe(7);
    expect(paragraphIndexAt(CARAVANSERAI, CARAVANSERAI.indexOf("ALMATY --") - 1)).toBe(7);
    const [start] = spanOf(CARAVANSERAI, TROOPS_2000);
    const expected = CARAVANSERAI.slice(0, start).split("\n").filter((l) => l.trim() !== "").length + 1;
    expect(paragraphIndexAt(CARAVANSERAI, start)).toBe(expected);
    // 000 has no blank lines: every line is a paragraph; the Kazakhstan paragraph is line 24.
    expect(paragraphIndexAt(ESSAY, ESSAY.indexOf(PARATROOPERS))).toBe(24);
  });

  it("throws for offsets outside the text", () => {
    expect(() => paragraphIndexAt("abc", -1)).toThrow(AnchoringError);
    expect(() => paragraphIndexAt("abc", 4)).toThrow(AnchoringError);
    expect(() => paragraphIndexAt("abc", 1.5)).toThrow(AnchoringError);
  });
});
