import { describe, expect, it } from "vitest";
import { figureForms, joinDigitGroups, numberWords, parseSearch } from "@/lib/search/terms";

describe("joinDigitGroups", () => {
  it("joins thousands separators and leaves lists of numbers apart", () => {
    expect(joinDigitGroups("3,000 paratroopers, 3 000 men, 3\u00a0000, 3,000,000 rubles")).toBe("3000 paratroopers, 3000 men, 3000, 3000000 rubles");
    expect(joinDigitGroups("in 2002, 300 troops; in 1999 200 people; 13,000; 2.5")).toBe("in 2002, 300 troops; in 1999 200 people; 13000; 2.5");
  });
});

describe("numberWords and figureForms", () => {
  it("writes values as a text would", () => {
    expect(numberWords(3000)).toBe("three thousand");
    expect(numberWords(2500)).toBe("two thousand five hundred");
    expect(numberWords(21)).toBe("twenty-one");
    expect(numberWords(2.5)).toBeNull();
    expect(figureForms(3000)).toEqual(["3000", "three thousand", "3 thousand"]);
    expect(figureForms(2_500_000)).toEqual(["2500000", "two million five hundred thousand", "2.5 million"]);
  });
});

describe("parseSearch", () => {
  it("reads 3000, 3,000, 3 000, three thousand and 3 thousand as the same figure", () => {
    for (const q of ["3000", "3,000", "3 000", "three thousand", "3 thousand", "Three Thousand"]) {
      expect(parseSearch(q), q).toEqual({ kind: "terms", terms: [{ kind: "figure", value: 3000, forms: ["3000", "three thousand", "3 thousand"] }] });
    }
  });
  it("keeps words, quoted phrases and figures apart", () => {
    expect(parseSearch('"collective security" treaty 2,000 troops')).toEqual({
      kind: "terms",
      terms: [
        { kind: "phrase", text: "collective security" },
        { kind: "word", text: "treaty" },
        { kind: "figure", value: 2000, forms: ["2000", "two thousand", "2 thousand"] },
        { kind: "word", text: "troops" },
      ],
    });
    expect(parseSearch("one")).toEqual({ kind: "terms", terms: [{ kind: "word", text: "one" }] });
  });
  it("hands exclusions and alternatives to web-search syntax, figures joined", () => {
    expect(parseSearch("troops -3,000")).toEqual({ kind: "websearch", text: "troops -3000" });
    expect(parseSearch("Kazakhstan or Armenia")).toEqual({ kind: "websearch", text: "Kazakhstan or Armenia" });
  });
});
