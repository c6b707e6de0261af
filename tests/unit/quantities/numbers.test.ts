import { describe, expect, it } from "vitest";
import { isLabelled, matchQualifier, parseDigitCore, parseWordCore } from "@/lib/quantities/numbers";
import { tokenize } from "@/lib/quantities/tokenize";

const at = (text: string, word: string) => {
  const toks = tokenize(text);
  return { toks, i: toks.findIndex((t) => t.text === word) };
};

describe("figures at a token", () => {
  it("reads digits with a glued or spelled scale", () => {
    const a = at("a $500m loan", "500");
    expect(parseDigitCore("a $500m loan", a.toks, a.i)).toMatchObject({ value: 5e8, currency: "USD" });
    const b = at("2.3 million people", "2.3");
    expect(parseDigitCore("2.3 million people", b.toks, b.i)).toMatchObject({ value: 2300000, last: b.i + 1 });
  });

  it("refuses numbers glued to names, and ordinals", () => {
    const a = at("COVID-19 cases", "19");
    expect(parseDigitCore("COVID-19 cases", a.toks, a.i)).toBeNull();
    const b = at("the 21st century", "21");
    expect(parseDigitCore("the 21st century", b.toks, b.i)).toBeNull();
  });

  it("reads number words", () => {
    const a = at("two hundred and fifty troops", "two");
    expect(parseWordCore("two hundred and fifty troops", a.toks, a.i)?.value).toBe(250);
    const b = at("twenty-five soldiers", "twenty");
    expect(parseWordCore("twenty-five soldiers", b.toks, b.i)?.value).toBe(25);
  });

  it("finds the qualifier before a figure, the longest phrase first", () => {
    const a = at("no more than 300 troops", "300");
    expect(matchQualifier("no more than 300 troops", a.toks, a.i)).toEqual({ qualifier: "at most", index: 0 });
  });

  it("sees a labelled number as an identifier", () => {
    const a = at("Article 4 of the charter", "4");
    expect(isLabelled("Article 4 of the charter", a.toks, a.i)).toBe(true);
    const b = at("sent 4 battalions", "4");
    expect(isLabelled("sent 4 battalions", b.toks, b.i)).toBe(false);
  });
});
