// The claims API through its real route handlers, on a real database seeded with the corpus.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/claims/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/claims/[id]/route";
import { GET as historyRoute } from "@/app/api/claims/[id]/history/route";
import { POST as restoreRoute } from "@/app/api/claims/[id]/restore/route";
import { GET as readerClaimsRoute } from "@/app/api/sources/[id]/claims/route";
import { seedCorpus } from "@/lib/server/seed";
import { member } from "../helpers/members";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";

const CORPUS = path.resolve(__dirname, "../../data/corpus");
const BASE = "http://localhost/api/claims";

let t: TestDatabase;
let sourceId: string;
let body: string;

function jsonRequest(url: string, method: string, payload: unknown, raw?: string) {
  return new Request(url, { method, headers: { "content-type": "application/json" }, body: raw ?? JSON.stringify(payload) });
}
const idContext = (id: string) => ({ params: Promise.resolve({ id }) });

async function create(payload: Record<string, unknown>, raw?: string) {
  const response = await createRoute(jsonRequest(BASE, "POST", payload, raw), undefined as never);
  return { status: response.status, json: await response.json() };
}
async function patch(id: string, payload: Record<string, unknown>) {
  const response = await patchRoute(jsonRequest(`${BASE}/${id}`, "PATCH", payload), idContext(id));
  return { status: response.status, json: await response.json() };
}
async function remove(id: string, version: number) {
  const response = await deleteRoute(new Request(`${BASE}/${id}?version=${version}`, { method: "DELETE" }), idContext(id));
  return { status: response.status, json: await response.json() };
}
async function restore(id: string) {
  const response = await restoreRoute(new Request(`${BASE}/${id}/restore`, { method: "POST" }), idContext(id));
  return { status: response.status, json: await response.json() };
}
async function list() {
  const response = await listRoute(new Request(`${BASE}?project=csto&sourceId=${sourceId}`), undefined as never);
  return (await response.json()).claims as { id: string; start: number; end: number; quote: string; kind: string; links: unknown[] }[];
}
function spanOf(text: string) {
  const start = body.indexOf(text);
  if (start < 0) throw new Error(`not in the source: ${text}`);
  return { start, end: start + text.length };
}

beforeAll(async () => {
  t = await createTestDatabase("claims_api");
  process.env.DATABASE_URL = t.url;
  delete (globalThis as { __claimDb?: unknown }).__claimDb;
  await seedCorpus(t.db, CORPUS);
  const source = await t.db.source.findUniqueOrThrow({ where: { seedKey: "001_368f92058b86ed85.txt" } });
  sourceId = source.id;
  body = source.body;
});
afterAll(async () => {
  const cached = (globalThis as { __claimDb?: { $disconnect(): Promise<void> } }).__claimDb;
  await cached?.$disconnect();
  await t?.drop();
});

describe("creating a claim through POST /api/claims", () => {
  it("answers 201 and stores the offsets, quote and context of the text, which a reload returns", async () => {
    const text = "a CSTO mission of more than 2,000 troops was deployed";
    const span = spanOf(text);
    const { status, json } = await create({ sourceId, ...span, kind: "FACT", quote: text });
    expect(status).toBe(201);
    expect(json.claim).toMatchObject({
      start: span.start, end: span.end, quote: text, kind: "FACT",
      prefix: body.slice(span.start - 32, span.start), suffix: body.slice(span.end, span.end + 32),
    });
    const reloaded = (await list()).find((c) => c.id === json.claim.id);
    expect(reloaded).toMatchObject({ start: span.start, end: span.end, quote: text });
  });

  const refusals: [string, () => Record<string, unknown>, RegExp, string?][] = [
    ["an empty span", () => ({ sourceId, start: 100, end: 100, kind: "FACT" }), /Span is empty or reversed: start=100, end=100/],
    ["an end past the text", () => ({ sourceId, start: body.length - 5, end: body.length + 5, kind: "FACT" }), /Span end \d+ is past the end of the text \(length \d+\)/],
    ["an unknown kind", () => ({ sourceId, ...spanOf("Almaty"), kind: "RUMOUR" }), /^kind: must be one of FACT, OPINION, PREDICTION$/],
    ["a quote that does not match the offsets", () => ({ sourceId, ...spanOf("Almaty"), kind: "FACT", quote: "Astana" }), /The quote does not match the source text at \d+–\d+/],
    ["a note over the limit", () => ({ sourceId, ...spanOf("Almaty"), kind: "FACT", note: "x".repeat(5001) }), /^note: must be at most 5000 characters$/],
    ["unknown fields", () => ({ sourceId, ...spanOf("Almaty"), kind: "FACT", colour: "red" }), /^Unknown field: colour$/],
    ["invalid JSON", () => ({}), /^The body is not valid JSON$/, "{\"sourceId\": "],
  ];
  for (const [what, payload, message, raw] of refusals) {
    it(`refuses ${what} with 400 and a clear message, writing nothing`, async () => {
      const before = await databaseFingerprint(t.db);
      const { status, json } = await create(payload(), raw);
      expect(status).toBe(400);
      expect(json.error.message).toMatch(message);
      expect(await databaseFingerprint(t.db)).toBe(before);
    });
  }
});

describe("changing, deleting and restoring a claim", () => {
  it("answers 409 to an update that names a stale version, leaving the claim as it was", async () => {
    const text = "Kazakhstan cancelled Nur-Sultan's annual Victory Day parade";
    const { json } = await create({ sourceId, ...spanOf(text), kind: "FACT" });
    expect((await patch(json.claim.id, { version: 1, note: "first" })).status).toBe(200);
    const before = await databaseFingerprint(t.db);
    const stale = await patch(json.claim.id, { version: 1, note: "second" });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toMatch(/you had version 1, it is now 2/);
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it("removes the claim's links with it, and restoring brings both back", async () => {
    const a = (await create({ sourceId, ...spanOf("Sweden and Finland"), kind: "FACT" })).json.claim;
    const b = (await create({ sourceId, ...spanOf("fast-track membership of NATO"), kind: "FACT" })).json.claim;
    const actor = await member(t.db, "linker");
    await t.db.claimLink.create({ data: { fromId: a.id, toId: b.id, relation: "SUPPORTS", authorId: actor.id } });
    expect((await list()).find((c) => c.id === b.id)?.links).toHaveLength(1);

    const deleted = await remove(a.id, a.version);
    expect(deleted.status).toBe(200);
    expect(deleted.json.removedLinks).toBe(1);
    const afterDelete = await list();
    expect(afterDelete.some((c) => c.id === a.id)).toBe(false);
    expect(afterDelete.find((c) => c.id === b.id)?.links).toHaveLength(0);

    expect((await restore(a.id)).status).toBe(200);
    const afterRestore = await list();
    expect(afterRestore.find((c) => c.id === a.id)?.links).toHaveLength(1);
    expect(afterRestore.find((c) => c.id === b.id)?.links).toHaveLength(1);
  });

  it("keeps a history of every change", async () => {
    const claim = (await create({ sourceId, ...spanOf("looting spree trashed parts"), kind: "FACT" })).json.claim;
    let version = (await patch(claim.id, { version: claim.version, kind: "OPINION" })).json.claim.version;
    version = (await patch(claim.id, { version, note: "loaded word" })).json.claim.version;
    const wider = spanOf("a looting spree trashed parts of the largest city");
    const respanned = await patch(claim.id, { version, ...wider });
    expect(respanned.json.claim.quote).toBe("a looting spree trashed parts of the largest city");
    await remove(claim.id, respanned.json.claim.version);
    await restore(claim.id);

    const response = await historyRoute(new Request(`${BASE}/${claim.id}/history`), idContext(claim.id));
    const { history } = await response.json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(["created", "retagged", "noted", "respanned", "deleted", "restored"]);
    expect(history[1].before.kind).toBe("FACT");
    expect(history[1].after.kind).toBe("OPINION");
  });
});

describe("the reader's view of a source's claims (GET /api/sources/:id/claims)", () => {
  async function readerClaims(id: string) {
    const response = await readerClaimsRoute(new Request(`http://localhost/api/sources/${id}/claims`), idContext(id));
    return { status: response.status, json: await response.json() };
  }

  it("lists the live claims in text order with their quote, author and link count, as the full list has them", async () => {
    const later = (await create({ sourceId, ...spanOf("worldwide shock"), kind: "OPINION", note: "reader view" })).json.claim;
    const gone = (await create({ sourceId, ...spanOf("six million refugees"), kind: "FACT" })).json.claim;
    await remove(gone.id, gone.version);

    const { status, json } = await readerClaims(sourceId);
    expect(status).toBe(200);
    const full = await list();
    expect(json.claims.map((c: { id: string }) => c.id)).toEqual(full.map((c) => c.id));
    expect(json.claims.some((c: { id: string }) => c.id === gone.id)).toBe(false);
    for (const c of json.claims as { start: number; end: number; quote: string; linkCount: number; id: string }[]) {
      expect(body.slice(c.start, c.end)).toBe(c.quote);
      expect(c.linkCount).toBe(full.find((f) => f.id === c.id)!.links.length);
    }
    expect(json.claims.find((c: { id: string }) => c.id === later.id)).toEqual({
      id: later.id, start: later.start, end: later.end, kind: "OPINION", quote: "worldwide shock", note: "reader view",
      authorName: later.authorName, version: 1, linkCount: later.links.length, orphaned: false,
      speaker: later.provenance.speaker && { name: later.provenance.speaker.name, role: later.provenance.speaker.role },
      attributionType: later.provenance.attributionType, restsOn: null,
    });
    expect(json.claims.reduce((n: number, c: { linkCount: number }) => n + c.linkCount, 0)).toBeGreaterThan(0);
  });

  it("answers 404 with a message for a source that does not exist", async () => {
    const { status, json } = await readerClaims("no-such-source");
    expect(status).toBe(404);
    expect(json.error.message).toBe("Source no-such-source does not exist");
  });
});

describe("the claims list API's limit (GET /api/claims?limit=)", () => {
  const get = async (query: string) => {
    const response = await listRoute(new Request(`${BASE}?project=csto&${query}`), undefined as never);
    return { status: response.status, json: await response.json() };
  };

  it("answers the first claims of a search in text order, as the unlimited list has them", async () => {
    for (const phrase of ["collective security", "Kazakhstan", "the CSTO"]) {
      const start = body.indexOf(phrase);
      if (start >= 0) await create({ sourceId, start, end: start + phrase.length, kind: "FACT" });
    }
    const all = (await get("q=CSTO")).json.claims as { id: string }[];
    expect(all.length).toBeGreaterThan(2);
    const first = await get("q=CSTO&limit=2");
    expect(first.status).toBe(200);
    expect(first.json.claims.map((c: { id: string }) => c.id)).toEqual(all.slice(0, 2).map((c) => c.id));
    expect((await get(`q=CSTO&limit=${all.length + 5}`)).json.claims).toHaveLength(all.length);
  });

  it("refuses a limit that is not a whole number from 1 to 1,000 with a 400 that names it", async () => {
    for (const bad of ["0", "-1", "1001", "two", "1.5"]) {
      const { status, json } = await get(`q=CSTO&limit=${bad}`);
      expect(status, bad).toBe(400);
      expect(json.error.message, bad).toMatch(/limit/);
    }
  });
});
