// extractPdf on PDFs the test renders itself with Chromium (page.pdf()), so the expected text is known.
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citationLabel, extractPdf, pageOf, type PdfExtraction } from "@/lib/import/pdf";
import { corpusParagraphs } from "@/tests/helpers/corpus";
import { encryptedPdf } from "@/tests/helpers/encrypted-pdf";
import { startPdfRenderer, type PdfRenderer } from "@/tests/helpers/pdf-documents";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const paragraphsOf = (body: string) => body.split("\n\n");

const HEADER = "CSTO Reader running header";
const headerTemplate = `<div style="font-size:9px;width:100%;text-align:center">${HEADER}</div>`;
const footerTemplate = `<div style="font-size:9px;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;

let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await startPdfRenderer();
});
afterAll(async () => {
  await renderer?.close();
});

async function extracted(bytes: Uint8Array): Promise<PdfExtraction> {
  const result = await extractPdf(bytes);
  if (!result.ok) throw new Error(`expected text, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe("a one-column article over several pages", () => {
  // Corpus article 004 (title, then long paragraphs) in a narrow column: several pages, paragraphs
  // running over page ends. Its third paragraph is forced onto a new page, so it starts page 2.
  const article = corpusParagraphs("004_438cc6c4c90e1221.txt");
  const SECOND_PAGE_FROM = 2;
  // Hyphens at line ends are explicit breaks ("play-<br>er"), not CSS hyphens, whose dictionaries
  // Chromium may lack offline. "player" occurs unbroken elsewhere in the text; "resultant" does not.
  const hyphenated = article.map((p, i) =>
    i === 1 ? p.replace("key player", "key play-<br>er").replace("The resultant", "The result-<br>ant") : p,
  );
  let result: PdfExtraction;
  let html: string;

  beforeAll(async () => {
    const paragraphs = hyphenated.map((p, i) => `<p${i === SECOND_PAGE_FROM ? ' style="break-before: page"' : ""}>${escape(p).replaceAll("&lt;br>", "<br>")}</p>`);
    html = `<html lang="en"><head><title>Eurasia Under the CSTO</title></head>
      <body style="font: 11pt serif; width: 9cm">${paragraphs.join("\n")}</body></html>`;
    result = await extracted(await renderer.render(html, { headerTemplate, footerTemplate }));
  });

  it("keeps the article's paragraphs, in order, with nothing added", () => {
    expect(result.pageMap.length).toBeGreaterThanOrEqual(3);
    expect(paragraphsOf(result.body)).toEqual(article);
  });

  it("joins the word hyphenated at a line end", () => {
    expect(result.body).toContain("is being promoted as a key player in the Eurasian region");
    expect(result.body).toContain("The resultant CSTO was officially established");
    expect(result.body).not.toMatch(/play-\s?er|result-\s?ant/);
  });

  it("drops the running header and the page numbers", () => {
    expect(result.body).not.toContain(HEADER);
    expect(result.body).not.toMatch(/Page \d+ of \d+/);
  });

  it("maps a sentence to its page and cites it with its paragraph", () => {
    const firstSentence = article[SECOND_PAGE_FROM].slice(0, 60);
    const at = result.body.indexOf(firstSentence);
    expect(at).toBeGreaterThan(0);
    expect(pageOf(result.pageMap, at)).toBe(2);
    expect(pageOf(result.pageMap, at - 3)).toBe(1);
    expect(pageOf(result.pageMap, 0)).toBe(1);
    const last = result.pageMap[result.pageMap.length - 1];
    expect(pageOf(result.pageMap, result.body.length - 1)).toBe(last.page);
    expect(citationLabel(pageOf(result.pageMap, at), SECOND_PAGE_FROM + 1)).toBe(`p. 2, ¶${SECOND_PAGE_FROM + 1}`);
  });

  it("takes the title from the PDF's metadata", () => {
    expect(result.metadata.title).toBe("Eurasia Under the CSTO");
    expect(result.metadata.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(result.warnings).toEqual([]);
  });
});

describe("a two-column page with running headers", () => {
  const article = corpusParagraphs("003_87eb5ab265d9726a.txt");
  let result: PdfExtraction;

  beforeAll(async () => {
    // Chromium fragments a multi-column box over pages, but not a multi-column body.
    const html = `<html lang="en"><body style="font: 10pt serif"><div style="columns: 2; column-gap: 1cm">
      ${article.map((p) => `<p>${escape(p)}</p>`).join("\n")}</div></body></html>`;
    result = await extracted(await renderer.render(html, { headerTemplate, footerTemplate }));
  });

  it("reads the left column before the right one, page after page", () => {
    expect(result.pageMap.length).toBeGreaterThanOrEqual(2);
    // This test is about order. Hyphens inside words are compared loosely: a compound that ends a
    // line and that the dictionary spells closed ("non-military") is closed up (hyphenation.ts, rule 5).
    const loose = (paragraphs: string[]) => paragraphs.map((p) => p.replace(/(\p{L})-(\p{L})/gu, "$1$2"));
    expect(loose(paragraphsOf(result.body))).toEqual(loose(article));
  });

  it("drops the running headers and page numbers", () => {
    expect(result.body).not.toContain(HEADER);
    expect(result.body).not.toMatch(/Page \d+ of \d+/);
  });
});

describe("files that cannot become a source", () => {
  it("says a PDF with only an image (a scan) has no text layer", async () => {
    const html = `<html><body><canvas id="scan" width="600" height="300"></canvas><script>
      const c = document.getElementById("scan").getContext("2d");
      c.font = "32px serif"; c.fillText("A scanned page of text", 20, 100);
    </script></body></html>`;
    const result = await extractPdf(await renderer.render(html));
    expect(result).toMatchObject({ ok: false, error: { code: "NO_TEXT" } });
    if (!result.ok) expect(result.error.message).toMatch(/no text layer/);
  });

  it("imports the text of a document with one scanned page, and warns that the page is missing", async () => {
    const html = `<html><body><p>The first page has a text layer.</p>
      <canvas id="scan" width="600" height="300" style="display: block; break-before: page"></canvas><script>
      document.getElementById("scan").getContext("2d").fillText("A scanned page", 20, 100);
    </script></body></html>`;
    // A Node Buffer, as a route may hand it over, and left intact for the caller.
    const bytes = Buffer.from(await renderer.render(html));
    const result = await extracted(bytes);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(result.body).toBe("The first page has a text layer.");
    expect(result.warnings).toEqual(["No text on page 2 (scanned or image only): its content is missing."]);
  });

  it("calls bytes that are not a PDF corrupt", async () => {
    const garbage = new TextEncoder().encode("%PDF-1.7\nthis is not really a PDF\n%%EOF\n");
    expect(await extractPdf(garbage)).toMatchObject({ ok: false, error: { code: "CORRUPT" } });
    expect(await extractPdf(new TextEncoder().encode("<html>a web page</html>"))).toMatchObject({ ok: false, error: { code: "CORRUPT" } });
  });

  it("refuses a file over 50 MB before reading it", async () => {
    const result = await extractPdf(new Uint8Array(50 * 1024 * 1024 + 1));
    expect(result).toMatchObject({ ok: false, error: { code: "TOO_LARGE" } });
  });

  it("says a password-protected PDF is encrypted", async () => {
    const bytes = encryptedPdf("secret", "Text behind a password");
    // The file is sound: with its password, pdf.js reads the text.
    const doc = await pdfjs.getDocument({ data: bytes.slice(), password: "secret", verbosity: 0 }).promise;
    const items = (await (await doc.getPage(1)).getTextContent()).items as TextItem[];
    expect(items.map((i) => i.str).join("")).toBe("Text behind a password");
    await doc.destroy();

    const result = await extractPdf(bytes);
    expect(result).toMatchObject({ ok: false, error: { code: "ENCRYPTED" } });
    if (!result.ok) expect(result.error.message).toMatch(/password/);
  });
});
