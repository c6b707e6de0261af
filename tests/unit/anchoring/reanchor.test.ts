import { describe, expect, it } from "vitest";
import { describeSpan } from "@/lib/anchoring/selectors";
import { reanchor } from "@/lib/anchoring/reanchor";
import { ESSAY, CARAVANSERAI, COUNTERPUNCH, EURASIA, spanOf, PARATROOPERS, TROOPS_2000, RHETORIC } from "../../helpers/anchoring-corpus";

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
