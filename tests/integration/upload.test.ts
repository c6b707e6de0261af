// Adding documents through POST /api/sources/upload (one file per request, as the Add source page
// sends a batch): PDF and HTML become sources with their page map, metadata and original; the same
// text twice, a corrupt, scanned or encrypted PDF, a page with no article, an unknown type and an
// oversized file are refused with a message and nothing written; near-duplicates can be recorded
// as appearances of one document.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusParagraphs } from "../helpers/corpus";
import { encryptedPdf } from "../helpers/encrypted-pdf";
import { startPdfRenderer, type PdfRenderer } from "../helpers/pdf-documents";
import { useDatabaseForRoutes } from "../helpers/routes";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";

let t: TestDatabase;
let renderer: PdfRenderer;
let upload: typeof import("@/app/api/sources/upload/route").POST;
let download: typeof import("@/app/api/sources/[id]/original/route").GET;
let appearances: typeof import("@/app/api/sources/[id]/appearances/route");

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/html", name));
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

async function send(name: string, bytes: Uint8Array, type = "") {
  const form = new FormData();
  form.set("file", new File([Buffer.from(bytes)], name, { type }));
  const response = await upload(new Request("http://test/api/sources/upload?project=csto", { method: "POST", body: form }), undefined);
  return { status: response.status, json: await response.json() };
}

async function articlePdf(title: string, paragraphs: string[]) {
  const html = `<html><head><title>${escape(title)}</title></head><body style="font: 12pt serif">${paragraphs
    .map((p, i) => `<p${i === 2 ? ' style="break-before: page"' : ""}>${escape(p)}</p>`)
    .join("")}</body></html>`;
  return renderer.render(html);
}

beforeAll(async () => {
  t = await createTestDatabase("upload");
  useDatabaseForRoutes(t.url);
  renderer = await startPdfRenderer();
  ({ POST: upload } = await import("@/app/api/sources/upload/route"));
  ({ GET: download } = await import("@/app/api/sources/[id]/original/route"));
  appearances = await import("@/app/api/sources/[id]/appearances/route");
}, 60_000);
afterAll(async () => {
  await renderer?.close();
  await t?.drop();
});

describe("a PDF", () => {
  it("becomes a source with a page map, the PDF's title offered, and its original kept for download", async () => {
    const paragraphs = corpusParagraphs("004_438cc6c4c90e1221.txt").slice(1, 5);
    const bytes = await articlePdf("Kazakhstan and the CSTO", paragraphs);
    const { status, json } = await send("csto-report.pdf", bytes, "application/pdf");
    expect(status).toBe(201);
    expect(json.metadata.title).toBe("Kazakhstan and the CSTO");
    expect(json.source.title).toBe("Kazakhstan and the CSTO");
    expect(json.nearDuplicates).toEqual([]);
    const row = await t.db.source.findUniqueOrThrow({ where: { id: json.source.id }, include: { file: true } });
    const pages = row.pageMap as { page: number; start: number; end: number }[];
    expect(pages.map((p) => p.page)).toEqual([1, 2]);
    // The third paragraph was forced onto page 2: page 2 starts where it starts.
    expect(row.body.slice(pages[1].start).trimStart().startsWith(paragraphs[2].slice(0, 40))).toBe(true);
    expect(row.file).toMatchObject({ name: "csto-report.pdf", mediaType: "application/pdf", size: bytes.byteLength });

    const original = await download(new Request(`http://test/api/sources/${row.id}/original`), { params: Promise.resolve({ id: row.id }) });
    expect(original.status).toBe(200);
    expect(original.headers.get("content-type")).toBe("application/pdf");
    expect(original.headers.get("content-disposition")).toContain('filename="csto-report.pdf"');
    expect(Buffer.from(await original.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });

  it("with no text layer, encrypted or corrupt is refused with a plain reason and nothing written", async () => {
    const scanned = await renderer.render(`<canvas id="c" width="400" height="200"></canvas><script>
      const c = document.getElementById("c").getContext("2d"); c.font = "32px serif"; c.fillText("A scanned page of text", 20, 100);</script>`);
    const before = await databaseFingerprint(t.db);
    const cases: [string, Uint8Array, RegExp][] = [
      ["scan.pdf", scanned, /no text layer \(it looks scanned\)/],
      ["locked.pdf", encryptedPdf("secret", "Locked text"), /password|encrypted/i],
      ["broken.pdf", new TextEncoder().encode("%PDF-1.7\nnot really a pdf"), /corrupt|damaged|not a PDF|could not be read/i],
    ];
    for (const [name, bytes, message] of cases) {
      const { status, json } = await send(name, bytes, "application/pdf");
      expect(status, name).toBe(422);
      expect(json.error.message, name).toMatch(message);
    }
    expect(await databaseFingerprint(t.db)).toBe(before);
  });
});

describe("an HTML page", () => {
  it("becomes a source with headline, author, publisher, date and canonical URL from its metadata", async () => {
    // As saved from the site: the canonical link made absolute.
    const saved = fixture("news-jsonld.html").toString("utf8").replace('href="/en_GB', 'href="https://central.asia.example/en_GB');
    const { status, json } = await send("feature.html", new TextEncoder().encode(saved), "text/html");
    expect(status).toBe(201);
    expect(json.source).toMatchObject({
      title: "Doubts grow over CSTO membership in wake of Russia's war in Ukraine",
      author: "Kanat Altynbayev",
      publisher: "Caravanserai",
      publishedDate: "2022-05-17",
    });
    expect(json.source.url).toBe("https://central.asia.example/en_GB/articles/cnmi_ca/features/2022/05/17/feature-01");
    const row = await t.db.source.findUniqueOrThrow({ where: { id: json.source.id } });
    expect(row.pageMap).toBeNull();
    expect(row.body).toContain("In Central Asia, the main question is whether to remain in the CSTO.");
  });

  it("the same text again is refused with a link to the first, and nothing is written", async () => {
    const first = await t.db.source.findFirstOrThrow({ where: { publisher: "Caravanserai" } });
    const before = await databaseFingerprint(t.db);
    const { status, json } = await send("feature-copy.htm", fixture("news-jsonld.html"), "text/html");
    expect(status).toBe(409);
    expect(json.error.message).toContain("This text is already a source");
    expect(json.error.details.duplicateOf).toEqual({ id: first.id, title: first.title });
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it("a page with no article is refused", async () => {
    const before = await databaseFingerprint(t.db);
    const { status, json } = await send("signin.html", fixture("no-article.html"), "text/html");
    expect(status).toBe(422);
    expect(json.error.message).toMatch(/No article was found/);
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it("a near-duplicate (the story syndicated under another headline) is added, reported, and can be recorded as another appearance", async () => {
    const first = await t.db.source.findFirstOrThrow({ where: { publisher: "Caravanserai" } });
    const syndicated = fixture("news-jsonld.html")
      .toString("utf8")
      .replaceAll("Doubts grow over CSTO membership in wake of Russia&#x27;s war in Ukraine", "Central Asia weighs its CSTO ties")
      .replaceAll("Doubts grow over CSTO membership in wake of Russia's war in Ukraine", "Central Asia weighs its CSTO ties")
      .replace("Caravanserai", "Steppe Wire")
      .replace("In Central Asia, the main question is whether to remain in the CSTO.", "For Central Asia the question is now the CSTO itself.");
    const { status, json } = await send("syndicated.html", new TextEncoder().encode(syndicated), "text/html");
    expect(status).toBe(201);
    expect(json.nearDuplicates).toHaveLength(1);
    expect(json.nearDuplicates[0]).toMatchObject({ id: first.id });
    expect(json.nearDuplicates[0].jaccard).toBeGreaterThanOrEqual(0.5);

    const record = (sourceId: string, documentId: string) =>
      appearances.POST(
        new Request(`http://test/api/sources/${sourceId}/appearances`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ documentId }) }),
        { params: Promise.resolve({ id: sourceId }) },
      );
    const recorded = await record(json.source.id, first.id);
    expect(recorded.status).toBe(201);
    expect((await record(json.source.id, first.id)).status).toBe(409);
    const listed = await appearances.GET(new Request(`http://test/api/sources/${first.id}/appearances`), { params: Promise.resolve({ id: first.id }) });
    expect((await listed.json()).appearances).toEqual([expect.objectContaining({ id: json.source.id, title: "Central Asia weighs its CSTO ties" })]);

    // A text that is not a near-duplicate is not another appearance.
    const pdfSource = await t.db.source.findFirstOrThrow({ where: { title: "Kazakhstan and the CSTO" } });
    const refused = await record(pdfSource.id, first.id);
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.message).toMatch(/not near-duplicates/);
  });
});

describe("a batch", () => {
  it("of one good file, one duplicate and one corrupt file adds only the good one, each with its own result", async () => {
    const sourcesBefore = await t.db.source.count();
    const good = await send("notes.txt", new TextEncoder().encode(corpusParagraphs("002_98b48e446e185cb4.txt").join("\n\n")), "text/plain");
    const duplicate = await send("again.html", fixture("news-jsonld.html"), "text/html");
    const corrupt = await send("broken.pdf", new Uint8Array([1, 2, 3, 4]), "application/pdf");
    expect([good.status, duplicate.status, corrupt.status]).toEqual([201, 409, 422]);
    expect(good.json.source.suggestedTitle).toBe("notes");
    expect(await t.db.source.count()).toBe(sourcesBefore + 1);
  });

  it("refuses an unknown file type (415), a missing file (400) and a file over 50 MB (413)", async () => {
    const before = await databaseFingerprint(t.db);
    expect((await send("report.docx", new Uint8Array([80, 75, 3, 4]), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")).status).toBe(415);
    const empty = await upload(new Request("http://test/api/sources/upload?project=csto", { method: "POST", body: new FormData() }), undefined);
    expect(empty.status).toBe(400);
    const notMultipart = await upload(new Request("http://test/api/sources/upload?project=csto", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }), undefined);
    expect(notMultipart.status).toBe(415);
    const big = await send("huge.pdf", new Uint8Array(50 * 1024 * 1024 + 1), "application/pdf");
    expect(big.status).toBe(413);
    expect(big.json.error.message).toMatch(/larger than 50 MB/);
    expect(await databaseFingerprint(t.db)).toBe(before);
  });
});
