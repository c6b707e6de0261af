// Spans keep only words (white space at either end is left out, offsets and quote together), and
// an orphaned claim given new words is re-attached, with the change in its history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createClaimRoute } from "@/app/api/claims/route";
import { PATCH as patchClaimRoute } from "@/app/api/claims/[id]/route";
import { GET as historyRoute } from "@/app/api/claims/[id]/history/route";
import { POST as createSourceRoute } from "@/app/api/sources/route";
import { PATCH as patchSourceRoute } from "@/app/api/sources/[id]/route";
import { GET as readerClaimsRoute } from "@/app/api/sources/[id]/claims/route";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";

const TEXT = "Kazakhstan asked the CSTO for help.\n\n    Indented: the troops left within two weeks.\n\nCritics called it a show of force.";

let t: TestDatabase;
let sourceId: string;

async function call(handler: unknown, method: string, path: string, body?: unknown, params?: Record<string, string>) {
  const response = await callRoute(handler as RouteHandler, { method, path, body, params });
  return { status: response.status, json: await response.json() };
}

beforeAll(async () => {
  t = await createTestDatabase("claims_trim");
  useDatabaseForRoutes(t.url);
  const made = await call(createSourceRoute, "POST", "/api/sources?project=csto", { body: TEXT, title: "Trim and re-attach" });
  expect(made.status).toBe(201);
  sourceId = made.json.source.id;
});
afterAll(async () => t?.drop());

describe("white space at the ends of a span", () => {
  it("is left out of a new claim, offsets and quote together", async () => {
    const start = TEXT.indexOf("\n    Indented");
    const end = TEXT.indexOf("Indented") + "Indented: ".length;
    const made = await call(createClaimRoute, "POST", "/api/claims", { sourceId, start, end, kind: "FACT", quote: TEXT.slice(start, end) });
    expect(made.status).toBe(201);
    expect(made.json.claim).toMatchObject({ start: TEXT.indexOf("Indented"), end: TEXT.indexOf("Indented") + "Indented:".length, quote: "Indented:" });
  });

  it("is left out of a re-spanned claim", async () => {
    const start = TEXT.indexOf("Critics");
    const made = await call(createClaimRoute, "POST", "/api/claims", { sourceId, start, end: start + 7, kind: "OPINION" });
    const wider = await call(patchClaimRoute, "PATCH", `/api/claims/${made.json.claim.id}`, { version: 1, start: start - 2, end: start + 15 }, { id: made.json.claim.id });
    expect(wider.status).toBe(200);
    expect(wider.json.claim).toMatchObject({ start, end: start + 14, quote: "Critics called" });
  });

  it("refuses a span of white space only with a clear 400", async () => {
    const start = TEXT.indexOf("\n\n    ");
    const refused = await call(createClaimRoute, "POST", "/api/claims", { sourceId, start, end: start + 6, kind: "FACT" });
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toMatch(/only white space/);
  });
});

describe("an orphaned claim", () => {
  it("is re-attached by a new span: no longer orphaned, recorded in its history", async () => {
    const phrase = "asked the CSTO for help";
    const start = TEXT.indexOf(phrase);
    const made = await call(createClaimRoute, "POST", "/api/claims", { sourceId, start, end: start + phrase.length, kind: "FACT" });
    const claimId = made.json.claim.id as string;
    const source = (await t.db.source.findUniqueOrThrow({ where: { id: sourceId } }));
    const corrected = TEXT.replace(phrase, "requested assistance from the alliance");
    const edited = await call(patchSourceRoute, "PATCH", `/api/sources/${sourceId}`, { version: source.version, body: corrected }, { id: sourceId });
    expect(edited.status).toBe(200);

    const listed = await call(readerClaimsRoute, "GET", `/api/sources/${sourceId}/claims`, undefined, { id: sourceId });
    const orphan = listed.json.claims.find((c: { id: string }) => c.id === claimId);
    expect(orphan).toMatchObject({ orphaned: true, quote: phrase });

    const words = "requested assistance";
    const at = corrected.indexOf(words);
    const reattached = await call(patchClaimRoute, "PATCH", `/api/claims/${claimId}`, { version: orphan.version, start: at, end: at + words.length }, { id: claimId });
    expect(reattached.status).toBe(200);
    expect(reattached.json.claim).toMatchObject({ orphaned: false, quote: words, start: at });

    const history = await call(historyRoute, "GET", `/api/claims/${claimId}/history`, undefined, { id: claimId });
    const last = history.json.history.at(-1);
    expect(last).toMatchObject({ action: "reattached", before: { orphaned: true, quote: phrase }, after: { quote: words } });
    expect(last.after.orphaned).toBeUndefined();
  });
});
