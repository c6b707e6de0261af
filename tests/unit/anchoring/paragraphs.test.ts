import { describe, expect, it } from "vitest";
import { paragraphIndex, paragraphs } from "@/lib/anchoring/paragraphs";
import { CARAVANSERAI, ESSAY, PARATROOPERS, TROOPS_2000, spanOf } from "../../helpers/anchoring-corpus";

describe("paragraphs", () => {
  it("lists the non-blank lines with their offsets", () => {
    const text = "One\n\n  Two  \n   \nThree";
    expect(paragraphs(text)).toEqual([
      { start: 0, end: 3, text: "One" },
      { start: 5, end: 12, text: "  Two  " },
      { start: 17, end: 22, text: "Three" },
    ]);
    expect(paragraphs("")).toEqual([]);
  });
});

describe("paragraphIndex", () => {
  it("counts non-empty lines, 1-based", () => {
    const text = "First para.\nSecond para.\n\n\nThird para.";
    const at = paragraphIndex(text);
    expect(at(0)).toBe(1);
    expect(at(5)).toBe(1);
    expect(at(text.indexOf("Second"))).toBe(2);
    expect(at(text.indexOf("Third"))).toBe(3);
    expect(at(text.length)).toBe(3);
  });

  it("treats the newline ending a line as part of that line", () => {
    const at = paragraphIndex("One\nTwo");
    expect(at(3)).toBe(1);
    expect(at(4)).toBe(2);
  });

  it("assigns offsets on blank lines to the following paragraph", () => {
    const text = "One\n\n   \nTwo\n\n";
    const at = paragraphIndex(text);
    expect(at(4)).toBe(2); // empty line
    expect(at(6)).toBe(2); // whitespace-only line
    expect(at(text.length)).toBe(2); // trailing blanks: no next paragraph, keep the last
    expect(paragraphIndex("\n\n")(1)).toBe(1);
    expect(paragraphIndex("")(0)).toBe(1);
  });

  it("gives an offset past the end (an orphaned claim's old span) the last paragraph", () => {
    expect(paragraphIndex("One\nTwo")(40)).toBe(2);
  });

  it("numbers the paragraphs of a real article", () => {
    // 001: Caravanserai / Security / headline / byline / caption / caption / ALMATY dateline ...
    const at = paragraphIndex(CARAVANSERAI);
    expect(at(CARAVANSERAI.indexOf("Security"))).toBe(2);
    expect(at(CARAVANSERAI.indexOf("ALMATY --"))).toBe(7);
    expect(at(CARAVANSERAI.indexOf("ALMATY --") - 1)).toBe(7);
    const [start] = spanOf(CARAVANSERAI, TROOPS_2000);
    expect(at(start)).toBe(CARAVANSERAI.slice(0, start).split("\n").filter((l) => l.trim() !== "").length + 1);
    // 000 has no blank lines: every line is a paragraph; the Kazakhstan paragraph is line 24.
    expect(paragraphIndex(ESSAY)(ESSAY.indexOf(PARATROOPERS))).toBe(24);
  });
});
