// Legal text that used to fail with a 500 (issue 12 item 6): claims next to emoji, whose stored
// context cut an emoji in half, and source edits that re-anchor such claims.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";

type Routes = Record<string, RouteHandler>;
const EMOJI = "😀";

describe("claims beside emoji", () => {
  let t: TestDatabase;
  let r: Record<"sources" | "source" | "claims", Routes>;
  beforeAll(async () => {
    t = await createTestDatabase("odd_text");
    useDatabaseForRoutes(t.url);
    const load = async (p: string) => (await import(p)) as unknown as Routes;
    r = { sources: await load("@/app/api/sources/route"), source: await load("@/app/api/sources/[id]/route"), claims: await load("@/app/api/claims/route") };
  });
  afterAll(async () => t?.drop());

  const post = (handler: RouteHandler, path: string, body: unknown) => callRoute(handler, { method: "POST", path, body });

  it("saves claims whose context window would cut an emoji, and re-anchors them when the text changes", async () => {
    const body = `${EMOJI}${"x".repeat(31)}The mission had 2,000 troops.${"y".repeat(31)}${EMOJI} The end.`;
    const added = await post(r.sources.POST, "/api/sources?project=csto", { body, title: "Emoji" });
    expect(added.status).toBe(201);
    const { source } = await added.json();
    const start = body.indexOf("The mission");
    const end = start + "The mission had 2,000 troops.".length;
    const created = await post(r.claims.POST, "/api/claims", { sourceId: source.id, start, end, kind: "FACT" });
    expect(created.status).toBe(201);
    const { claim } = await created.json();
    expect(claim.prefix).toBe("x".repeat(31));
    expect(claim.suffix).toBe("y".repeat(31));

    // One unit more in front: the new context window cuts the leading emoji the other way.
    const edited = `z${body}`;
    const patched = await callRoute(r.source.PATCH, { method: "PATCH", path: `/api/sources/${source.id}`, params: { id: source.id }, body: { version: 1, body: edited } });
    expect(patched.status).toBe(200);
    expect((await patched.json()).reanchor).toMatchObject({ moved: 1, orphaned: 0 });
    const row = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect([row.start, row.quote]).toEqual([start + 1, "The mission had 2,000 troops."]);
  });

  it("refuses offsets that fall between the two halves of an emoji, writing nothing", async () => {
    const body = `Before ${EMOJI} after.`;
    const { source } = await (await post(r.sources.POST, "/api/sources?project=csto", { body })).json();
    const before = await databaseFingerprint(t.db);
    const at = body.indexOf(EMOJI) + 1;
    for (const [start, end] of [[at, at + 4], [0, at]]) {
      const response = await post(r.claims.POST, "/api/claims", { sourceId: source.id, start, end, kind: "FACT" });
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toMatch(/inside a character/);
    }
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it("answers 415 to a body whose media type only mentions JSON", async () => {
    const response = await callRoute(r.sources.POST, { method: "POST", path: "/api/sources?project=csto", body: { body: "Text." }, headers: { "content-type": "text/plain; note=application/json" } });
    expect(response.status).toBe(415);
    const ok = await callRoute(r.sources.POST, { method: "POST", path: "/api/sources?project=csto", body: { body: "Text." }, headers: { "content-type": "Application/JSON; charset=utf-8" } });
    expect(ok.status).toBe(201);
  });
});
