// Real documents: a PDF and a saved HTML page made by the test are uploaded together, a claim is
// marked in each, and the CSV and CSL-JSON exports cite the PDF's page and the page's URL and
// date; a batch with a good, a duplicate and a corrupt file reports each and adds only the good one.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { parse } from "csv-parse/sync";
import { markClaim } from "./support/reader";
import { at, withProject } from "./support/project";

const RUN = Date.now();
const PDF_TITLE = `Deployment audit ${RUN}`;
const PDF_QUOTE = "exactly 2,030 personnel were counted at the airfield";
const HTML_TITLE = `Peacekeepers leave Almaty ${RUN}`;
const HTML_QUOTE = "the last column left the city on 19 January";
const HTML_URL = `https://steppe-courier.example/news/${RUN}/peacekeepers-leave`;

const filler = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => `Paragraph ${i + 1} on ${topic}: the auditors compared flight manifests, ration orders and the statements of officials in Nur-Sultan and Moscow, and noted where they differ.`);

function pdfHtml(): string {
  const first = filler("the first days", 3).map((p) => `<p>${p}</p>`).join("");
  const second = `<p style="break-before: page">On the second inspection ${PDF_QUOTE}, fewer than the ministry had announced.</p>${filler("the withdrawal", 2).map((p) => `<p>${p}</p>`).join("")}`;
  return `<html><head><title>${PDF_TITLE}</title></head><body style="font: 12pt serif"><h1>${PDF_TITLE}</h1>${first}${second}</body></html>`;
}

function savedPage(): string {
  const jsonLd = JSON.stringify({ "@context": "https://schema.org", "@type": "NewsArticle", headline: HTML_TITLE, author: { "@type": "Person", name: "Aigerim Sadykova" }, publisher: { "@type": "Organization", name: "Steppe Courier" }, datePublished: "2022-01-20T08:00:00+06:00" });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${HTML_TITLE} | Steppe Courier</title>
<link rel="canonical" href="${HTML_URL}"><script type="application/ld+json">${jsonLd}</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article><h1>${HTML_TITLE}</h1>
<p>Officials confirmed that ${HTML_QUOTE}, ending the mission two weeks after it began.</p>
${filler("the withdrawal from Almaty", 4).map((p) => `<p>${p}</p>`).join("\n")}
<blockquote><p>“The mission has been fulfilled,” the commander told reporters at the airport.</p></blockquote>
</article></main><footer>© Steppe Courier</footer></body></html>`;
}

async function renderPdf(page: Page): Promise<Buffer> {
  const printer = await page.context().newPage();
  await printer.setContent(pdfHtml(), { waitUntil: "load" });
  const pdf = await printer.pdf({ format: "A5", margin: { top: "20mm", bottom: "20mm", left: "15mm", right: "15mm" } });
  await printer.close();
  return pdf;
}

async function download(page: Page, linkName: string): Promise<string> {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: linkName, exact: true }).click();
  return readFile((await (await downloading).path())!, "utf8");
}

async function exportsOf(page: Page, sourceId: string) {
  await page.goto(at(`/claims?sourceId=${sourceId}`));
  const rows = parse(await download(page, "CSV"), { columns: true, bom: true }) as Record<string, string>[];
  const csl = JSON.parse(await download(page, "CSL-JSON")) as Record<string, unknown>[];
  return { rows, csl };
}

const filesField = (page: Page) => page.getByLabel("Files (.pdf, .html, .htm, .txt, .md)");
const resultRow = (page: Page, name: string) => page.getByRole("list", { name: "Files added" }).getByRole("listitem").filter({ hasText: name });

test("a PDF and a saved page are added together, marked, and exported citing page, URL and date", async ({ page }) => {
  // Two uploads, two readers and four downloads: longer than one page's work.
  test.slow();
  const pdf = await renderPdf(page);
  await page.goto(at("/sources/new"));
  await filesField(page).setInputFiles([
    { name: "deployment-audit.pdf", mimeType: "application/pdf", buffer: pdf },
    { name: "peacekeepers-leave.html", mimeType: "text/html", buffer: Buffer.from(savedPage()) },
  ]);
  const pdfRow = resultRow(page, "deployment-audit.pdf");
  const htmlRow = resultRow(page, "peacekeepers-leave.html");
  await expect(pdfRow).toContainText(`Added: ${PDF_TITLE}`);
  await expect(pdfRow).toContainText(`From the file: title “${PDF_TITLE}”`);
  await expect(htmlRow).toContainText(`Added: ${HTML_TITLE}`);
  await expect(htmlRow).toContainText("author Aigerim Sadykova, publisher Steppe Courier, date 2022-01-20");
  await expect(htmlRow.getByRole("link", { name: "Confirm or correct the details" })).toBeVisible();
  await page.screenshot({ path: "/tmp/docs2-upload.png", fullPage: true });

  // The PDF: its page boundary shows in the reader, the original can be downloaded, a claim on page 2.
  await pdfRow.getByRole("link", { name: PDF_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PDF_TITLE);
  const pdfSourceId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByRole("link", { name: /Download the original \(deployment-audit\.pdf/ })).toHaveAttribute("href", `/api/sources/${pdfSourceId}/original`);
  await expect(page.getByLabel("Page 2 begins")).toBeVisible();
  await markClaim(page, PDF_QUOTE, "Fact");
  await page.screenshot({ path: "/tmp/docs2-reader.png" });

  const pdfExport = await exportsOf(page, pdfSourceId);
  await expect(page.getByRole("list", { name: "Claims" }).getByRole("listitem").first()).toContainText(`${PDF_TITLE}, p. 2, ¶`);
  expect(pdfExport.rows).toHaveLength(1);
  expect(pdfExport.rows[0]).toMatchObject({ quote: PDF_QUOTE, page: "2", source_title: PDF_TITLE });
  expect(pdfExport.csl).toEqual([expect.objectContaining({ title: PDF_TITLE, page: "2" })]);

  // The saved page: URL and date from its metadata.
  // The source list shows 50 a page, oldest first: a new source is found by its title.
  await page.goto(`${at("")}?title=${encodeURIComponent(HTML_TITLE)}`);
  await page.getByRole("link", { name: HTML_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(HTML_TITLE);
  const htmlSourceId = new URL(page.url()).pathname.split("/").pop()!;
  await markClaim(page, HTML_QUOTE, "Fact");
  const htmlExport = await exportsOf(page, htmlSourceId);
  expect(htmlExport.rows[0]).toMatchObject({ quote: HTML_QUOTE, page: "", date: "2022-01-20", author: "Aigerim Sadykova", publisher: "Steppe Courier" });
  expect(htmlExport.csl).toEqual([expect.objectContaining({ title: HTML_TITLE, URL: HTML_URL, issued: { "date-parts": [[2022, 1, 20]] } })]);
  expect(htmlExport.csl[0]).not.toHaveProperty("page");
});

test("a batch of a good file, a duplicate and a corrupt PDF reports each and adds only the good one", async ({ page, request, expectFailure }) => {
  expectFailure({ status: 409, method: "POST", path: "/api/sources/upload" });
  expectFailure({ status: 422, method: "POST", path: "/api/sources/upload" });
  const before = ((await (await request.get(withProject("/api/sources"))).json()).sources as unknown[]).length;
  const goodTitle = `Field notes ${RUN}`;
  await page.goto(at("/sources/new"));
  await filesField(page).setInputFiles([
    { name: `${goodTitle}.txt`, mimeType: "text/plain", buffer: Buffer.from(`${goodTitle}\n\nThe convoy of ${RUN} trucks passed Kapchagay at dawn, according to the drivers.`) },
    // The seeded corpus article 000, byte for byte: already a source.
    { name: "csto-article.txt", mimeType: "text/plain", buffer: await readFile("data/corpus/000_dfd454984cb772b8.txt") },
    { name: "scan-broken.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\nthis is not a PDF body") },
  ]);
  await expect(resultRow(page, `${goodTitle}.txt`)).toContainText(`Added: ${goodTitle}`);
  const duplicate = resultRow(page, "csto-article.txt");
  await expect(duplicate).toContainText("Duplicate, not added. This text is already a source");
  await expect(duplicate.getByRole("link", { name: /^Open “/ })).toHaveAttribute("href", /^\/p\/csto\/sources\/[^/]+$/);
  await expect(resultRow(page, "scan-broken.pdf")).toContainText("Refused, not added. This file could not be read as a PDF");
  await page.screenshot({ path: "/tmp/shots-docs/batch.png", fullPage: true });
  const after = ((await (await request.get(withProject("/api/sources"))).json()).sources as { title: string | null; suggestedTitle: string | null }[]);
  expect(after).toHaveLength(before + 1);
  expect(after.filter((s) => (s.title ?? s.suggestedTitle) === goodTitle)).toHaveLength(1);
});

test("a near-duplicate is added and recorded as another appearance of the same document", async ({ page }) => {
  const corpus = await readFile("data/corpus/001_368f92058b86ed85.txt", "utf8");
  const syndicated = corpus.replace(/^.*\n/, `Syndicated copy ${RUN}\n`);
  await page.goto(at("/sources/new"));
  await filesField(page).setInputFiles([{ name: "syndicated.txt", mimeType: "text/plain", buffer: Buffer.from(syndicated) }]);
  const row = resultRow(page, "syndicated.txt");
  await expect(row).toContainText("Added:");
  await expect(row).toContainText(/Resembles .* \(shared word sequences: Jaccard \d+ %, containment \d+ %\)/);
  // The most similar first; a database that ran this spec before holds an earlier copy too.
  await row.getByRole("button", { name: /^Record as another appearance of/ }).first().click();
  await expect(row).toContainText("Recorded as another appearance of the same document.");
  // The first link of the row is the source just added.
  await row.getByRole("link").first().click();
  await expect(page.getByText("The same document also appears as:")).toBeVisible();
});

test("pasted text that is already a source is refused with a link to it; a near-duplicate paste is offered as an appearance", async ({ page, expectFailure }) => {
  expectFailure({ status: 409, method: "POST", path: "/api/sources" });
  const article = await readFile("data/corpus/003_87eb5ab265d9726a.txt", "utf8");
  await page.goto(at("/sources/new"));
  const form = page.getByRole("form", { name: "New source" });
  // The seeded article 003 as it is: already a source.
  await form.getByLabel("Text", { exact: true }).fill(article);
  await form.getByRole("button", { name: "Add source" }).click();
  const refusal = form.getByRole("alert");
  await expect(refusal).toContainText("This text is already a source: “");
  const first = refusal.getByRole("link", { name: /^Open “/ });
  await expect(first).toHaveAttribute("href", /^\/p\/csto\/sources\/[^/]+$/);
  await refusal.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/shots-docs/paste-duplicate.png" });

  // A later version under a new headline: added, and the first offered as the same document.
  const title = `Pasted later version ${RUN}`;
  await form.getByLabel("Title", { exact: true }).fill(title);
  await form.getByLabel("Text", { exact: true }).fill(article.replace(/^.*\n/, `${title}\n`));
  await form.getByRole("button", { name: "Add source" }).click();
  const added = form.getByRole("status");
  await expect(added).toContainText(`Added: ${title}`);
  await expect(added).toContainText(/Resembles .* \(shared word sequences: Jaccard \d+ %, containment \d+ %\)/);
  // The most similar first: the seeded article (a database that ran this spec before holds earlier versions too).
  await added.getByRole("button", { name: /^Record as another appearance of/ }).first().click();
  await expect(added).toContainText("Recorded as another appearance of the same document.");
  await page.screenshot({ path: "/tmp/shots-docs/paste-near-duplicate.png", fullPage: true });
  await added.getByRole("link", { name: title }).click();
  await expect(page.getByText("The same document also appears as:")).toBeVisible();
});
