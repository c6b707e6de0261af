import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim } from "@/lib/server/claims";
import { seedCorpus } from "@/lib/server/seed";
import { member } from "../helpers/members";
import { expectEveryCaseRefused, malformedBodies, type MalformedCase } from "../helpers/malformed";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";

// At least 200 malformed requests per write endpoint: never a 500, always a 4xx with a message,
// and the database byte-for-byte unchanged (row counts and a checksum of every table).
const CASES = 220;

describe("malformed writes to the claim endpoints", () => {
  let t: TestDatabase;
  let sourceId = "";
  let claimId = "";
  let routes: { claims: Record<string, RouteHandler>; claim: Record<string, RouteHandler>; restore: Record<string, RouteHandler> };

  beforeAll(async () => {
    t = await createTestDatabase("fuzz_claims");
    await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
    const source = await t.db.source.findUniqueOrThrow({ where: { seedKey: "003_87eb5ab265d9726a.txt" } });
    sourceId = source.id;
    const start = source.body.indexOf("2,500 of its troops");
    const actor = await member(t.db, "researcher");
    claimId = (await createClaim(t.db, actor, { sourceId, start, end: start + 19, kind: "FACT" })).id;
    useDatabaseForRoutes(t.url);
    routes = {
      claims: (await import("@/app/api/claims/route")) as unknown as Record<string, RouteHandler>,
      claim: (await import("@/app/api/claims/[id]/route")) as unknown as Record<string, RouteHandler>,
      restore: (await import("@/app/api/claims/[id]/restore/route")) as unknown as Record<string, RouteHandler>,
    };
  });
  afterAll(async () => t?.drop());

  const expectAllRefused = (handler: RouteHandler, method: string, path: string, params: Record<string, string>, cases: MalformedCase[]) =>
    expectEveryCaseRefused(t.db, handler, { method, path, params }, cases);

  it("POST /api/claims refuses every malformed body", async () => {
    const source = await t.db.source.findUniqueOrThrow({ where: { id: sourceId } });
    const start = source.body.indexOf("anti-government protests");
    const valid = { sourceId, start, end: start + 24, quote: "anti-government protests", kind: "OPINION", note: "ok" };
    await expectAllRefused(routes.claims.POST, "POST", "/api/claims", {}, malformedBodies(valid, CASES, 7, ["note", "quote"]));
  });

  it("PATCH /api/claims/:id refuses every malformed body", async () => {
    const valid = { version: 1, kind: "OPINION", note: "changed", start: 10, end: 20 };
    await expectAllRefused(routes.claim.PATCH, "PATCH", `/api/claims/${claimId}`, { id: claimId }, malformedBodies(valid, CASES, 11, ["kind", "note"]));
  });

  it("DELETE and restore refuse unknown ids and bad versions", async () => {
    const before = await databaseFingerprint(t.db);
    const ids = ["nope", "' OR 1=1 --", "x".repeat(70), "<script>", "%00", claimId.toUpperCase()];
    const versions = ["0", "-1", "abc", "1.5", "999999", ""];
    let count = 0;
    for (let i = 0; i < 210; i++) {
      const id = i % 3 === 0 ? claimId : ids[i % ids.length];
      const version = versions[i % versions.length];
      const del = await callRoute(routes.claim.DELETE, { method: "DELETE", path: `/api/claims/${encodeURIComponent(id)}?version=${version}`, params: { id } });
      const res = await callRoute(routes.restore.POST, { method: "POST", path: `/api/claims/${encodeURIComponent(id)}/restore`, params: { id } });
      for (const r of [del, res]) {
        expect(r.status, `${id} v${version}`).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        count++;
      }
    }
    expect(count).toBeGreaterThanOrEqual(400);
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it("the harness itself notices an accepted request", async () => {
    const source = await t.db.source.findUniqueOrThrow({ where: { id: sourceId } });
    const start = source.body.indexOf("Kazakhstan’s vital infrastructure");
    const good = JSON.stringify({ sourceId, start, end: start + 10, kind: "FACT" });
    await expect(expectAllRefused(routes.claims.POST, "POST", "/api/claims", {}, [{ label: "valid", rawBody: good }])).rejects.toThrow();
  });

  it("a cross-site write is refused before anything is read", async () => {
    const response = await callRoute(routes.claims.POST, {
      method: "POST", path: "/api/claims", body: { sourceId, start: 0, end: 5, kind: "FACT" },
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(response.status).toBe(403);
  });
});
