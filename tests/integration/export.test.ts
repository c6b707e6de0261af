// Every export format fetched through the real route handler from a seeded database, then read
// back with a real parser: the file a researcher downloads, headers included.
import { SEED_PROJECT } from "@/lib/server/projects";
import path from "node:path";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectChunks } from "@/lib/export/model";
import { EXPORT_FORMATS } from "@/lib/export/registry";
import { createClaim } from "@/lib/server/claims";
import { loadExport, streamExport } from "@/lib/server/export-query";
import { seedCorpus } from "@/lib/server/seed";
import { CSTO, member } from "../helpers/members";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";

const CORPUS = path.resolve(__dirname, "../../data/corpus");
const CARAVANSERAI_QUOTE = "more than 2,000 troops";
const COUNTERPUNCH_QUOTE = "2,500 of its troops";
const CARAVANSERAI_TITLE = "Doubts grow over CSTO membership in wake of Russia's war in Ukraine";
const COUNTERPUNCH_TITLE = "Why It's Time to Take the Russian-Led Military Alliance Seriously";

type Row = Record<string, string>;
let t: TestDatabase;
let GET: typeof import("@/app/api/export/[format]/route").GET;
const ids = { caravanserai: "", counterpunch: "", claim1: "", claim3: "", link: "", opinion: "" };

async function download(format: string, query = "") {
  const response = await GET(new Request(`http://test/api/export/${format}?project=csto${query.replace(/^\?/, "&")}`), { params: Promise.resolve({ format }) });
  return { response, text: await response.text() };
}

function csvRows(text: string): Row[] {
  return parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Row[];
}

beforeAll(async () => {
  t = await createTestDatabase("export");
  process.env.DATABASE_URL = t.url;
  ({ GET } = await import("@/app/api/export/[format]/route"));
  await seedCorpus(t.db, CORPUS);
  const actor = await member(t.db, "Ada Researcher");
  const sources = await t.db.source.findMany({ select: { id: true, seedKey: true, body: true } });
  const bySeed = (prefix: string) => sources.find((s) => s.seedKey!.startsWith(prefix))!;
  const mark = async (source: { id: string; body: string }, quote: string, kind: "FACT" | "OPINION", note = "") => {
    const start = source.body.indexOf(quote);
    expect(start).toBeGreaterThanOrEqual(0);
    return (await createClaim(t.db, actor, { sourceId: source.id, start, end: start + quote.length, kind, note, quote })).id;
  };
  const s1 = bySeed("001");
  const s3 = bySeed("003");
  ids.caravanserai = s1.id;
  ids.counterpunch = s3.id;
  ids.claim1 = await mark(s1, CARAVANSERAI_QUOTE, "FACT", "troop count, Caravanserai");
  ids.claim3 = await mark(s3, COUNTERPUNCH_QUOTE, "FACT", "=troop count, CounterPunch");
  ids.opinion = await mark(s1, "Victory Day parade", "OPINION");
  const link = await t.db.claimLink.create({ data: { fromId: ids.claim1, toId: ids.claim3, relation: "CONTRADICTS", note: "2,000 vs 2,500", authorId: actor.id } });
  ids.link = link.id;
});
afterAll(async () => t?.drop());

describe("GET /api/export/<format>", () => {
  it("CSV: one row per claim with quote and citation, as an attachment named after the scope", async () => {
    const { response, text } = await download("csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="claims-all-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = csvRows(text);
    expect(rows).toHaveLength(3);
    const caravanserai = rows.find((r) => r.id === ids.claim1)!;
    expect(caravanserai).toMatchObject({
      quote: CARAVANSERAI_QUOTE, source_title: CARAVANSERAI_TITLE, author: "Kanat Altynbayev",
      publisher: "Caravanserai", date: "2022-05", kind: "FACT", created_by: "Ada Researcher",
      linked_claims: `CONTRADICTS:${ids.claim3}`,
    });
    const counterpunch = rows.find((r) => r.id === ids.claim3)!;
    expect(counterpunch).toMatchObject({ quote: COUNTERPUNCH_QUOTE, source_title: COUNTERPUNCH_TITLE, linked_claims: `<CONTRADICTS:${ids.claim1}` });
    // A note starting with "=" is defused for spreadsheets.
    expect(counterpunch.note).toBe("'=troop count, CounterPunch");
    // Text order within a source.
    const s1Rows = rows.filter((r) => r.source_id === ids.caravanserai).map((r) => Number(r.start));
    expect(s1Rows).toEqual([...s1Rows].sort((a, b) => a - b));
  });

  it("filters by source, kind, text and link state, and names the file after the filter", async () => {
    const bySource = await download("csv", `?sourceId=${ids.counterpunch}`);
    expect(csvRows(bySource.text).map((r) => r.quote)).toEqual([COUNTERPUNCH_QUOTE]);
    expect(bySource.response.headers.get("content-disposition")).toContain('filename="claims-why-its-time-to-take-the-russian-led-military-alliance-20');

    const opinions = await download("csv", "?kind=OPINION");
    expect(csvRows(opinions.text).map((r) => r.quote)).toEqual(["Victory Day parade"]);
    expect(opinions.response.headers.get("content-disposition")).toContain('filename="claims-opinion-');

    expect(csvRows((await download("csv", "?q=2%2C500")).text).map((r) => r.id)).toEqual([ids.claim3]);
    expect(csvRows((await download("csv", "?linked=linked")).text).map((r) => r.id).sort()).toEqual([ids.claim1, ids.claim3].sort());
    expect(csvRows((await download("csv", "?linked=unlinked")).text).map((r) => r.id)).toEqual([ids.opinion]);
    expect(csvRows((await download("csv", "?linked=orphaned")).text)).toEqual([]);
    // Empty parameters, as an HTML form sends them, mean no filter.
    expect(csvRows((await download("csv", "?sourceId=&kind=&q=")).text)).toHaveLength(3);
  });

  it("exports a cluster by name", async () => {
    const author = await t.db.user.findFirstOrThrow();
    const cluster = await t.db.cluster.create({
      data: { projectId: SEED_PROJECT.id, name: "Kazakhstan deployment", authorId: author.id, members: { create: [{ claimId: ids.claim1 }, { claimId: ids.claim3 }] } },
    });
    const { response, text } = await download("csv", `?clusterId=${cluster.id}`);
    expect(response.headers.get("content-disposition")).toMatch(/filename="claims-kazakhstan-deployment-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(csvRows(text).map((r) => r.quote).sort()).toEqual([COUNTERPUNCH_QUOTE, CARAVANSERAI_QUOTE].sort());
  });

  it("refuses unknown formats, bad filters and missing sources", async () => {
    expect((await download("pdf")).response.status).toBe(404);
    const bad = await download("csv", "?kind=RUMOUR");
    expect(bad.response.status).toBe(400);
    expect(JSON.parse(bad.text).error.message).toMatch(/^kind: must be one of FACT, OPINION, PREDICTION/);
    expect((await download("csv", "?sourceId=nope")).response.status).toBe(404);
  });

  it("Markdown and HTML: cited lists with the quotes and their citations", async () => {
    const md = await download("markdown");
    expect(md.response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(md.response.headers.get("content-disposition")).toMatch(/filename="claims-all-.*\.md"/);
    expect(md.text).toContain(CARAVANSERAI_QUOTE);
    expect(md.text).toContain("Kanat Altynbayev");
    expect(md.text).toContain("Caravanserai");

    const html = await download("html", `?sourceId=${ids.caravanserai}`);
    expect(html.response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html.text).toMatch(/^<!DOCTYPE html>/i);
    expect(html.text).toContain(CARAVANSERAI_QUOTE);
    expect(html.text).toContain("Kanat Altynbayev");
    expect(html.text).not.toContain(COUNTERPUNCH_QUOTE);
  });

  it("W3C: an AnnotationCollection whose selectors match the source texts it embeds", async () => {
    const { response, text } = await download("w3c");
    expect(response.headers.get("content-type")).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    expect(response.headers.get("content-disposition")).toMatch(/filename="claims-all-\d{4}-\d{2}-\d{2}-annotations\.jsonld"/);
    const doc = JSON.parse(text);
    expect(doc.type).toBe("AnnotationCollection");
    expect(doc.total).toBe(4);
    const items = doc.first.items as { id: string; motivation: string; target: { source: string; selector: { type: string; exact?: string; start?: number; end?: number }[] } }[];
    const claim = items.find((i) => i.id === `urn:claim:${ids.claim1}`)!;
    const quote = claim.target.selector.find((s) => s.type === "TextQuoteSelector")!;
    const position = claim.target.selector.find((s) => s.type === "TextPositionSelector")!;
    expect(quote.exact).toBe(CARAVANSERAI_QUOTE);
    const source = (doc["cp:sources"] as { id: string; "cp:body": string; "dcterms:creator": string }[]).find((s) => s.id === claim.target.source)!;
    expect(source["dcterms:creator"]).toBe("Kanat Altynbayev");
    expect(source["cp:body"].slice(position.start, position.end)).toBe(CARAVANSERAI_QUOTE);
    expect(items.filter((i) => i.motivation === "linking")).toHaveLength(1);
  });

  it("CSL-JSON and BibTeX: citation-js reads back the cited sources", async () => {
    const csl = await download("csl");
    expect(csl.response.headers.get("content-type")).toBe("application/vnd.citationstyles.csl+json; charset=utf-8");
    expect(csl.response.headers.get("content-disposition")).toMatch(/filename="references-all-.*\.json"/);
    const items = new Cite(JSON.parse(csl.text)).data;
    expect(items.map((i) => i.title).sort()).toEqual([CARAVANSERAI_TITLE, COUNTERPUNCH_TITLE].sort());
    expect(items.find((i) => i.title === CARAVANSERAI_TITLE)).toMatchObject({ author: [{ family: "Altynbayev", given: "Kanat" }], issued: { "date-parts": [[2022, 5]] } });

    const bib = await download("bibtex");
    expect(bib.response.headers.get("content-type")).toBe("application/x-bibtex; charset=utf-8");
    expect(bib.response.headers.get("content-disposition")).toMatch(/filename="references-all-.*\.bib"/);
    const entries = new Cite(bib.text).data;
    expect(entries).toHaveLength(2);
    expect(entries.find((e) => e.title === CARAVANSERAI_TITLE)).toMatchObject({ author: [{ family: "Altynbayev", given: "Kanat" }] });
  });

  it("Gephi: node and edge tables joined by claim id", async () => {
    const nodes = await download("gephi-nodes");
    expect(nodes.response.headers.get("content-disposition")).toMatch(/filename="claims-all-.*-gephi-nodes\.csv"/);
    const nodeRows = parse(nodes.text, { columns: true }) as Row[];
    expect(nodeRows.find((n) => n.Id === ids.claim3)).toMatchObject({ quote: COUNTERPUNCH_QUOTE, source: COUNTERPUNCH_TITLE, kind: "FACT" });

    const edges = await download("gephi-edges");
    expect(edges.response.headers.get("content-disposition")).toMatch(/filename="claims-all-.*-gephi-edges\.csv"/);
    expect(parse(edges.text, { columns: true })).toEqual([{ Id: ids.link, Source: ids.claim1, Target: ids.claim3, Type: "Directed", Label: "CONTRADICTS", Weight: "1" }]);
    // Scoped to one source, the link leaves the scope and is not written.
    expect(parse((await download("gephi-edges", `?sourceId=${ids.caravanserai}`)).text, { columns: true })).toEqual([]);
  });

  it("CSV and W3C read in batches from the database are the same files as from the whole bundle", async () => {
    const now = new Date("2026-12-01T12:00:00.000Z");
    const filters = [{}, { sourceId: ids.caravanserai }, { q: "troops" }, { kind: "FACT" as const }, { sort: "date" as const }, { linked: "linked" as const }];
    for (const filter of filters) {
      const { bundle, bodies } = await loadExport(t.db, SEED_PROJECT.id, filter, { withBodies: true, now });
      // One claim a batch, so every claim crosses a batch boundary.
      for (const batch of [1, 2, 1000]) {
        const csv = await collectChunks(EXPORT_FORMATS.csv.streamBatches!(await streamExport(t.db, SEED_PROJECT.id, filter, { now, batch })));
        expect(csv, JSON.stringify(filter)).toBe(EXPORT_FORMATS.csv.render(bundle));
        const w3c = await collectChunks(EXPORT_FORMATS.w3c.streamBatches!(await streamExport(t.db, SEED_PROJECT.id, filter, { now, batch }), { label: "Claims" }));
        expect(w3c, JSON.stringify(filter)).toBe(EXPORT_FORMATS.w3c.render(bundle, { label: "Claims", bodies }));
      }
    }
  });
});
