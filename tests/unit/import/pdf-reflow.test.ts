// The reflow rules on hand-made text items (no PDF): what each rule keeps and what it drops.
import { describe, expect, it } from "vitest";
import { citationLabel, pageOf } from "@/lib/import/pdf";
import { findColumnGutter } from "@/lib/import/pdf/columns";
import { joinHyphenated, wordSet } from "@/lib/import/pdf/hyphenation";
import { pageLines } from "@/lib/import/pdf/lines";
import { pdfDate, pdfMetadata } from "@/lib/import/pdf/metadata";
import { reflow } from "@/lib/import/pdf/reflow";
import { dropRunningLines } from "@/lib/import/pdf/running";
import type { PdfPageText, PdfTextItem } from "@/lib/import/pdf/types";

const SIZE = 10;
const STEP = 12;
/** Lines of text set from y = top on a 400 × 600 page, one item each, at x; "" leaves a blank line. */
function page(n: number, lines: string[], x = 50, top = 500): PdfPageText {
  const items: PdfTextItem[] = [];
  lines.forEach((text, i) => {
    if (text) items.push({ text, x, y: top - i * STEP, width: text.length * 5, size: SIZE });
  });
  return { page: n, width: 400, height: 600, items };
}
const withMargins = (p: PdfPageText, header: string, footer: string): PdfPageText => ({
  ...p,
  items: [...p.items, { text: header, x: 150, y: 580, width: 100, size: 8 }, { text: footer, x: 195, y: 20, width: 10, size: 8 }],
});
const bodyOf = (pages: PdfPageText[], isWord: (w: string) => boolean = () => false) => {
  const { lines } = dropRunningLines(pages.map((p) => ({ page: p, lines: pageLines(p) })));
  return reflow(lines.flat(), isWord);
};

describe("hyphens at line ends", () => {
  const none = new Set<string>();
  const dictionary = (words: string[]) => (w: string) => words.includes(w);

  it("joins a word split by the line break", () => {
    expect(joinHyphenated("the deploy-", "ment of troops", none, () => false)).toBe("the deployment of troops");
    expect(joinHyphenated("Kazakh-", "stan", none, () => false)).toBe("Kazakhstan");
  });

  it("keeps the hyphen of a compound written with it elsewhere in the text", () => {
    const words = wordSet(["a peace-keeping force", "the peace-"]);
    expect(joinHyphenated("the peace-", "keeping mission", words, () => true)).toBe("the peace-keeping mission");
  });

  it("joins when the closed word occurs elsewhere in the text", () => {
    expect(joinHyphenated("a deploy-", "ment", wordSet(["the deployment began"]), () => false)).toBe("a deployment");
  });

  it("keeps the hyphen before a capital or a digit", () => {
    expect(joinHyphenated("the Russian-", "Ukrainian war", none, () => false)).toBe("the Russian-Ukrainian war");
    expect(joinHyphenated("the COVID-", "19 pandemic", none, () => false)).toBe("the COVID-19 pandemic");
  });

  it("asks the dictionary: a closed word joins, two words stay a compound", () => {
    expect(joinHyphenated("a two-", "decade campaign", none, dictionary(["two", "decade"]))).toBe("a two-decade campaign");
    expect(joinHyphenated("the result-", "ant CSTO", none, dictionary(["resultant", "result", "ant"]))).toBe("the resultant CSTO");
  });

  it("removes a soft hyphen and leaves a dash after a space alone", () => {
    expect(joinHyphenated("deploy\u00AD", "ment", none, () => true)).toBe("deployment");
    const { body } = reflow(pageLines(page(1, ["Troops came -", "and went."])), () => false);
    expect(body).toBe("Troops came - and went.");
  });
});

describe("running headers, footers and page numbers", () => {
  it("drops a header repeated on most pages and the page numbers, digits normalised", () => {
    const pages = [1, 2, 3].map((n) => withMargins(page(n, [`Body text of page ${n} runs on.`]), `Caravanserai · page ${n} of 3`, String(n)));
    const { body } = bodyOf(pages);
    expect(body).toBe("Body text of page 1 runs on.\n\nBody text of page 2 runs on.\n\nBody text of page 3 runs on.");
  });

  it("keeps a line in the margin that is on one page only", () => {
    const pages = [withMargins(page(1, ["First page."]), "A headline on the first page", "1"), page(2, ["Second page."]), page(3, ["Third page."])];
    expect(bodyOf(pages).body).toContain("A headline on the first page");
  });
});

describe("columns", () => {
  // Ten lines a column: a title across the gutter is then a small part of what covers it.
  const leftLines = ["Left one starts", "the story and", "goes on here.", "", "Left two", "runs on and", "on down the", "column to the", "bottom of it", "and then on"];
  const rightLines = ["into the right", "column and to", "the end here.", "", "Right two is", "the last of", "the paragraphs", "in the story", "and it stops", "right there."];
  const twoColumns = (): PdfPageText => {
    const left = page(1, leftLines, 40);
    const right = page(1, rightLines, 220);
    const title = { text: "A title across both columns of the page", x: 40, y: 570, width: 330, size: 14 };
    return { ...left, items: [title, ...left.items, ...right.items] };
  };

  it("finds the gutter and reads the left column before the right one", () => {
    const p = twoColumns();
    const gutter = findColumnGutter(p.items, p.width);
    expect(gutter).toBeGreaterThan(120);
    expect(gutter).toBeLessThan(220);
    expect(bodyOf([p]).body).toBe(
      "A title across both columns of the page\n\n" +
        "Left one starts the story and goes on here.\n\n" +
        "Left two runs on and on down the column to the bottom of it and then on into the right column and to the end here.\n\n" +
        "Right two is the last of the paragraphs in the story and it stops right there.",
    );
  });

  it("sees one column where lines fill the width", () => {
    const p = page(1, ["A single column of text that runs across the page", "and keeps running across the page to its end."], 40);
    expect(findColumnGutter(p.items, p.width)).toBeNull();
  });
});

describe("paragraphs and the page map", () => {
  it("starts a paragraph at a gap, and continues one over a page end", () => {
    const pages = [page(1, ["One paragraph", "", "Another that goes", "over the page"]), page(2, ["end and stops."])];
    const { body, pageMap } = bodyOf(pages);
    expect(body).toBe("One paragraph\n\nAnother that goes over the page end and stops.");
    const end = body.indexOf("end and stops");
    expect(pageMap).toEqual([
      { page: 1, start: 0, end },
      { page: 2, start: end, end: body.length },
    ]);
    expect(pageOf(pageMap, end - 1)).toBe(1);
    expect(pageOf(pageMap, end)).toBe(2);
    expect(pageOf(pageMap, body.length)).toBe(2);
    expect(pageOf(pageMap, body.length + 1)).toBeNull();
    expect(pageOf([], 0)).toBeNull();
  });

  it("labels a citation with page and paragraph, or paragraph alone", () => {
    expect(citationLabel(12, 3)).toBe("p. 12, ¶3");
    expect(citationLabel(null, 3)).toBe("¶3");
  });
});

describe("metadata", () => {
  it("reads PDF dates and skips file names given as titles", () => {
    expect(pdfDate("D:20221104153000+01'00'")).toBe("2022-11-04");
    expect(pdfDate("D:2022")).toBe("2022-01-01");
    expect(pdfDate("D:20221341")).toBeNull();
    expect(pdfDate(undefined)).toBeNull();
    const xmp = (name: string) => ({ "dc:title": "From XMP", "dc:creator": ["A. Author", "B. Author"] })[name] ?? null;
    expect(pdfMetadata({ info: { Title: "Microsoft Word - draft.docx" }, xmp })).toEqual({ title: null, author: "A. Author; B. Author", date: null });
    expect(pdfMetadata({ info: {}, xmp })).toMatchObject({ title: "From XMP" });
  });
});
