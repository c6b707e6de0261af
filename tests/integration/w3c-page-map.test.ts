// A PDF-born source through the W3C round trip: the export carries its page map and a reference
// to the original file (name, media type, size, SHA-256; not the bytes), and an import into
// another database restores the page map, so a claim there is still cited "p. 2, ¶N".
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim } from "@/lib/server/claims";
import type { Db } from "@/lib/server/db";
import { member } from "../helpers/members";
import { corpusParagraphs } from "../helpers/corpus";
import { startPdfRenderer } from "../helpers/pdf-documents";
import { useDatabaseForRoutes } from "../helpers/routes";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let origin: TestDatabase;
let target: TestDatabase;
let pdf: Uint8Array;
let exported = "";
let sourceId = "";
let quote = "";

const exportVia = async (format: string) => {
  const { GET } = await import("@/app/api/export/[format]/route");
  return (await GET(new Request(`http://test/api/export/${format}`), { params: Promise.resolve({ format }) })).text();
};

async function switchRoutesTo(url: string) {
  await (globalThis as { __claimDb?: Db }).__claimDb?.$disconnect();
  useDatabaseForRoutes(url);
}

beforeAll(async () => {
  origin = await createTestDatabase("w3c_pages_origin");
  target = await createTestDatabase("w3c_pages_target");
  const paragraphs = corpusParagraphs("001_368f92058b86ed85.txt").slice(1, 5);
  const renderer = await startPdfRenderer();
  try {
    pdf = await renderer.render(
      `<html><head><title>Doubts over the CSTO</title></head><body style="font: 12pt serif">${paragraphs
        .map((p, i) => `<p${i === 2 ? ' style="break-before: page"' : ""}>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`)
        .join("")}</body></html>`,
    );
  } finally {
    await renderer.close();
  }
  await switchRoutesTo(origin.url);
  const { POST: upload } = await import("@/app/api/sources/upload/route");
  const form = new FormData();
  form.set("file", new File([Buffer.from(pdf)], "csto-doubts.pdf", { type: "application/pdf" }));
  const uploaded = await upload(new Request("http://test/api/sources/upload?project=csto", { method: "POST", body: form }), undefined);
  expect(uploaded.status).toBe(201);
  sourceId = (await uploaded.json()).source.id;
  const source = await origin.db.source.findUniqueOrThrow({ where: { id: sourceId } });
  // A claim on page 2: the start of the third paragraph.
  quote = paragraphs[2]!.split(" ").slice(0, 8).join(" ");
  const start = source.body.indexOf(quote);
  expect(start).toBeGreaterThan(0);
  await createClaim(origin.db, await member(origin.db, "Ada"), { sourceId, start, end: start + quote.length, kind: "FACT" });
  exported = await exportVia("w3c");
}, 120_000);
afterAll(async () => {
  await (globalThis as { __claimDb?: Db }).__claimDb?.$disconnect();
  await origin?.drop();
  await target?.drop();
});

describe("a PDF-born source in a W3C export", () => {
  it("carries its page map and a reference to the original file, without the bytes", async () => {
    const doc = JSON.parse(exported) as Json;
    const entry = doc["cp:sources"].find((s: Json) => s.id === `urn:source:${sourceId}`);
    const stored = await origin.db.source.findUniqueOrThrow({ where: { id: sourceId } });
    expect(entry["cp:pageMap"]).toEqual(stored.pageMap);
    expect(entry["cp:pageMap"].map((r: Json) => r.page)).toEqual([1, 2]);
    expect(entry["cp:original"]).toEqual({
      "cp:fileName": "csto-doubts.pdf",
      "dcterms:format": "application/pdf",
      "cp:byteSize": pdf.byteLength,
      "cp:sha256": createHash("sha256").update(pdf).digest("hex"),
    });
    expect(exported).not.toContain(Buffer.from(pdf).toString("base64").slice(0, 200));
    const claim = doc.first.items.find((a: Json) => a.motivation === "describing");
    expect(claim.target.selector).toContainEqual({ type: "FragmentSelector", conformsTo: "http://tools.ietf.org/rfc/rfc3778", value: "page=2" });
  });

  it("imported into another database, restores the page map: the claim is still cited on page 2", async () => {
    await switchRoutesTo(target.url);
    const { POST } = await import("@/app/api/import/route");
    const response = await POST(new Request("http://test/api/import?project=csto", { method: "POST", headers: { "content-type": "application/json" }, body: exported }), undefined);
    expect(response.status).toBe(200);
    const [before, after] = await Promise.all([origin.db.source.findUniqueOrThrow({ where: { id: sourceId } }), target.db.source.findUniqueOrThrow({ where: { id: sourceId } })]);
    expect(after.pageMap).toEqual(before.pageMap);
    expect(after.body).toBe(before.body);
    // The original's bytes stayed behind; its reference is kept in the source's history.
    expect(await target.db.sourceFile.count()).toBe(0);
    const history = await target.db.history.findFirstOrThrow({ where: { entity: "SOURCE", entityId: sourceId, action: "imported" } });
    expect((history.after as Json).original).toMatchObject({ name: "csto-doubts.pdf", mediaType: "application/pdf", sha256: createHash("sha256").update(pdf).digest("hex") });

    const rows = parse(await exportVia("csv"), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ quote, page: "2" });
    const csl = JSON.parse(await exportVia("csl")) as Json[];
    expect(csl.find((item) => item.id === sourceId || item.title === "Doubts over the CSTO")?.page).toBe("2");
  });

  it("a page map that does not cover the text is refused with where and why, and nothing is written", async () => {
    const doc = JSON.parse(exported) as Json;
    const entry = doc["cp:sources"][0];
    entry.id = "urn:source:other-pdf";
    entry["cp:pageMap"][1].end -= 5;
    for (const item of doc.first.items) if (item.target?.source) item.target.source = "urn:source:other-pdf";
    for (const item of doc.first.items) item.id = `${item.id}-again`;
    const { POST } = await import("@/app/api/import/route");
    const response = await POST(new Request("http://test/api/import?project=csto", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(doc) }), undefined);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/cp:pageMap ends at \d+, not at the end of cp:body/);
    expect(await target.db.source.count({ where: { id: "other-pdf" } })).toBe(0);
  });
});
