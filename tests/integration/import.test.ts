// Import through POST /api/import: a W3C export of one database recreates its sources, claims and
// links in an empty one, and a bad file changes nothing.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim } from "@/lib/server/claims";
import { createDb } from "@/lib/server/db";
import { seedCorpus } from "@/lib/server/seed";
import { member } from "../helpers/members";
import type { Db } from "@/lib/server/db";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";

const CORPUS = path.resolve(__dirname, "../../data/corpus");

let origin: TestDatabase;
let target: TestDatabase;
let exported = "";
let POST: typeof import("@/app/api/import/route").POST;
let exportGET: typeof import("@/app/api/export/[format]/route").GET;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function importRequest(body: string, contentType = "application/json") {
  return POST(new Request("http://test/api/import?project=csto", { method: "POST", headers: { "content-type": contentType }, body }), undefined);
}

/** Everything an import must reproduce, without database-local details (user ids, history). */
async function contents(db: Db) {
  const sources = await db.source.findMany({ orderBy: { id: "asc" }, select: { id: true, title: true, suggestedTitle: true, author: true, publisher: true, url: true, publishedDate: true, approxDate: true, body: true, contentHash: true, sections: true } });
  const claims = await db.claim.findMany({
    where: { deletedAt: null }, orderBy: { id: "asc" },
    select: { id: true, sourceId: true, start: true, end: true, quote: true, prefix: true, suffix: true, kind: true, note: true, orphaned: true, createdAt: true, author: { select: { name: true } } },
  });
  const links = await db.claimLink.findMany({ where: { deletedAt: null }, orderBy: { id: "asc" }, select: { id: true, fromId: true, toId: true, relation: true, note: true, author: { select: { name: true } } } });
  return { sources, claims, links };
}

beforeAll(async () => {
  origin = await createTestDatabase("import_origin");
  target = await createTestDatabase("import_target");
  await seedCorpus(origin.db, CORPUS);
  const ada = await member(origin.db, "Ada");
  const bea = await member(origin.db, "Bea");
  const sources = await origin.db.source.findMany({ select: { id: true, seedKey: true, body: true } });
  const s1 = sources.find((s) => s.seedKey!.startsWith("001"))!;
  const s3 = sources.find((s) => s.seedKey!.startsWith("003"))!;
  const mark = async (actor: typeof ada, s: typeof s1, quote: string, kind: "FACT" | "OPINION" | "PREDICTION", note = "") => {
    const start = s.body.indexOf(quote);
    return (await createClaim(origin.db, actor, { sourceId: s.id, start, end: start + quote.length, kind, note })).id;
  };
  const c1 = await mark(ada, s1, "more than 2,000 troops", "FACT", "Caravanserai's count");
  const c3 = await mark(bea, s3, "2,500 of its troops", "FACT");
  await mark(ada, s1, "Victory Day parade", "OPINION");
  await origin.db.claimLink.create({ data: { fromId: c1, toId: c3, relation: "CONTRADICTS", note: "which number?", authorId: bea.id } });

  // The export comes from the HTTP route, as a researcher would download it.
  process.env.DATABASE_URL = origin.url;
  ({ GET: exportGET } = await import("@/app/api/export/[format]/route"));
  exported = await (await exportGET(new Request("http://test/api/export/w3c"), { params: Promise.resolve({ format: "w3c" }) })).text();
  // The process-wide client now points at the empty database the import writes to.
  await (globalThis as { __claimDb?: Db }).__claimDb?.$disconnect();
  (globalThis as { __claimDb?: Db }).__claimDb = createDb(target.url);
  ({ POST } = await import("@/app/api/import/route"));
});
afterAll(async () => {
  await (globalThis as { __claimDb?: Db }).__claimDb?.$disconnect();
  await origin?.drop();
  await target?.drop();
});

describe("POST /api/import", () => {
  it("refuses a malformed file, naming the problem, and writes nothing", async () => {
    const before = await databaseFingerprint(target.db);
    const response = await importRequest("{ not json");
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/^document: not valid JSON/);
    expect(await databaseFingerprint(target.db)).toBe(before);
  });

  it("refuses a partly invalid file at its first bad record, and writes nothing", async () => {
    const before = await databaseFingerprint(target.db);
    const doc = JSON.parse(exported) as Json;
    const items = doc.first.items as Json[];
    // The second claim gets an unknown kind, the third a quote that no longer matches.
    items[1].body[0].value = "RUMOUR";
    items[2].target.selector[0].exact = "something else entirely";
    const response = await importRequest(JSON.stringify(doc));
    expect(response.status).toBe(400);
    const message = (await response.json()).error.message as string;
    expect(message).toBe(`first.items[1] (${items[1].id}): unknown kind "RUMOUR" (expected one of FACT, OPINION, PREDICTION). Nothing was imported.`);
    expect(await databaseFingerprint(target.db)).toBe(before);
  });

  it("refuses a file whose source text is neither in the file nor in the database", async () => {
    const before = await databaseFingerprint(target.db);
    const doc = JSON.parse(exported) as Json;
    delete doc["cp:sources"][0]["cp:body"];
    const response = await importRequest(JSON.stringify(doc));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe(`source ${doc["cp:sources"][0].id}: the file does not carry its text (cp:body) and no source with this id exists here. Nothing was imported.`);
    expect(await databaseFingerprint(target.db)).toBe(before);
  });

  it("refuses what is not JSON and bodies over the limit", async () => {
    expect((await importRequest("hello", "text/plain")).status).toBe(415);
    const huge = await POST(
      new Request("http://test/api/import?project=csto", { method: "POST", headers: { "content-type": "application/json", "content-length": String(21 * 1024 * 1024) }, body: "{}" }),
      undefined,
    );
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.message).toMatch(/larger than 20 MB/);
  });

  it("round trip: export → empty database → import gives the same sources, claims and links", async () => {
    const response = await importRequest(exported, "application/ld+json");
    expect(response.status).toBe(200);
    expect((await response.json()).summary).toEqual({
      sources: { created: 2, reused: 0 },
      claims: { created: 3, unchanged: 0 },
      links: { created: 1, unchanged: 0 },
    });
    const imported = await contents(target.db);
    const original = await contents(origin.db);
    expect(imported.claims).toEqual(original.claims);
    expect(imported.links).toEqual(original.links);
    // Only the sources with claims travel in an export of claims.
    expect(imported.sources).toEqual(original.sources.filter((s) => imported.sources.some((i) => i.id === s.id)));
    expect(imported.sources).toHaveLength(2);
    const history = await target.db.history.findMany({ where: { action: "imported" } });
    expect(history.filter((h) => h.entity === "CLAIM")).toHaveLength(3);
  });

  it("importing the same file again adds nothing; a changed claim with a taken id is refused", async () => {
    const again = await importRequest(exported);
    expect((await again.json()).summary).toEqual({
      sources: { created: 0, reused: 2 },
      claims: { created: 0, unchanged: 3 },
      links: { created: 0, unchanged: 1 },
    });
    const before = await databaseFingerprint(target.db);
    const doc = JSON.parse(exported) as Json;
    const claim = (doc.first.items as Json[]).find((i) => i.motivation === "describing")!;
    claim.body[0].value = "PREDICTION";
    const response = await importRequest(JSON.stringify(doc));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe(`claim ${claim.id}: a claim with this id already exists and says something different (ids are kept, never remapped). Nothing was imported.`);
    expect(await databaseFingerprint(target.db)).toBe(before);
  });

  it("refuses a link between two claims already linked the other way round", async () => {
    const before = await databaseFingerprint(target.db);
    const doc = JSON.parse(exported) as Json;
    const link = (doc.first.items as Json[]).find((i) => i.motivation === "linking")!;
    const from = link.target;
    link.target = link.body[0];
    link.body[0] = from;
    link.id = `${link.id}b`;
    const response = await importRequest(JSON.stringify(doc));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(new RegExp(`^link ${link.id}: these two claims are already linked \\(link \\w+\\)`));
    expect(await databaseFingerprint(target.db)).toBe(before);
  });
});
