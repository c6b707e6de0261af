import path from "node:path";
import { SEED_PROJECT } from "@/lib/server/projects";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim, deleteClaim, restoreClaim, getClaim, claimHistory } from "@/lib/server/claims";
import { createLink, deleteLink, listLinks, listLinksBetween } from "@/lib/server/links";
import { seedCorpus } from "@/lib/server/seed";
import type { Actor } from "@/lib/server/users";
import { member } from "../helpers/members";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";

const CORPUS = path.resolve(__dirname, "../../data/corpus");

type RouteModule = { POST: (r: Request, c: unknown) => Promise<Response>; GET: (r: Request, c: unknown) => Promise<Response> };
type DeleteModule = { DELETE: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response> };

describe("links between claims", () => {
  let t: TestDatabase;
  let actor: Actor;
  let links: RouteModule;
  let linkById: DeleteModule;
  const claimIds: Record<string, string> = {};

  async function claimOn(seedKey: string, phrase: string) {
    const source = await t.db.source.findUniqueOrThrow({ where: { seedKey } });
    const start = source.body.indexOf(phrase);
    expect(start).toBeGreaterThanOrEqual(0);
    return (await createClaim(t.db, actor, { sourceId: source.id, start, end: start + phrase.length, kind: "FACT" })).id;
  }

  function post(body: unknown) {
    return links.POST(new Request("http://test/api/links", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), {});
  }

  async function expectRefused(body: unknown, status: number, message: RegExp) {
    const before = await databaseFingerprint(t.db);
    const response = await post(body);
    expect(response.status).toBe(status);
    expect((await response.json()).error.message).toMatch(message);
    expect(await databaseFingerprint(t.db)).toBe(before);
  }

  beforeAll(async () => {
    t = await createTestDatabase("links");
    process.env.DATABASE_URL = t.url;
    process.env.CP_DEFAULT_USER = "link-tester";
    await seedCorpus(t.db, CORPUS);
    actor = await member(t.db, "link-tester");
    claimIds.caravanserai = await claimOn("001_368f92058b86ed85.txt", "a CSTO mission of more than 2,000 troops was deployed");
    claimIds.counterpunch = await claimOn("003_87eb5ab265d9726a.txt", "2,500 of its troops entered Kazakhstan");
    claimIds.essay = await claimOn("000_dfd454984cb772b8.txt", "about 3,000 paratroopers");
    claimIds.eurasia = await claimOn("004_438cc6c4c90e1221.txt", "a force of under 4000 personnel");
    links = (await import("@/app/api/links/route")) as unknown as RouteModule;
    linkById = (await import("@/app/api/links/[id]/route")) as unknown as DeleteModule;
  });
  afterAll(async () => {
    const { db } = await import("@/lib/server/db");
    await db().$disconnect();
    await t?.drop();
  });

  it("links two claims through the API and records it on both claims' histories", async () => {
    const response = await post({ fromId: claimIds.counterpunch, toId: claimIds.essay, relation: "CONTRADICTS", note: "2,500 vs about 3,000" });
    expect(response.status).toBe(201);
    const { link } = await response.json();
    expect(link).toMatchObject({ fromId: claimIds.counterpunch, toId: claimIds.essay, relation: "CONTRADICTS", note: "2,500 vs about 3,000", authorName: "link-tester" });
    expect(link.to.quote).toBe("about 3,000 paratroopers");

    for (const id of [claimIds.counterpunch, claimIds.essay]) {
      const history = await claimHistory(t.db, id);
      expect(history.at(-1)).toMatchObject({ entity: "LINK", action: "linked", actorName: "link-tester" });
    }
    const listed = await links.GET(new Request(`http://test/api/links?project=csto&claimId=${claimIds.essay}`), {});
    expect((await listed.json()).links.map((l: { id: string }) => l.id)).toEqual([link.id]);
    expect((await getClaim(t.db, claimIds.essay))!.links).toMatchObject([{ linkId: link.id, direction: "in", otherClaimId: claimIds.counterpunch }]);
  });

  it("refuses a self link", () => expectRefused({ fromId: claimIds.essay, toId: claimIds.essay, relation: "SUPPORTS" }, 400, /itself/));

  it("refuses a duplicate in either direction", async () => {
    await expectRefused({ fromId: claimIds.counterpunch, toId: claimIds.essay, relation: "SUPPORTS" }, 409, /already linked \(contradicts\)/);
    await expectRefused({ fromId: claimIds.essay, toId: claimIds.counterpunch, relation: "REFINES" }, 409, /already linked/);
  });

  it("refuses an unknown relation", () =>
    expectRefused({ fromId: claimIds.caravanserai, toId: claimIds.essay, relation: "DISAGREES" }, 400, /relation: must be one of CONTRADICTS, SUPPORTS, REFINES/));

  it("refuses a missing claim", () => expectRefused({ fromId: claimIds.caravanserai, toId: "no-such-claim", relation: "SUPPORTS" }, 404, /no-such-claim does not exist/));

  it("refuses a link to a deleted claim", async () => {
    const doomed = await claimOn("002_98b48e446e185cb4.txt", "the winter of 2022 in Kazakhstan");
    await deleteClaim(t.db, actor, doomed);
    await expectRefused({ fromId: claimIds.caravanserai, toId: doomed, relation: "SUPPORTS" }, 400, /was deleted/);
  });

  it("deleting a link removes it and records the removal on both claims", async () => {
    const link = await createLink(t.db, actor, { fromId: claimIds.caravanserai, toId: claimIds.eurasia, relation: "SUPPORTS" });
    const response = await linkById.DELETE(new Request(`http://test/api/links/${link.id}`, { method: "DELETE" }), { params: Promise.resolve({ id: link.id }) });
    expect(response.status).toBe(200);
    expect((await listLinks(t.db, { projectId: SEED_PROJECT.id, claimIds: [claimIds.eurasia] })).map((l) => l.id)).not.toContain(link.id);
    for (const id of [claimIds.caravanserai, claimIds.eurasia]) {
      expect((await claimHistory(t.db, id)).at(-1)).toMatchObject({ entity: "LINK", action: "unlinked" });
    }
    const again = await linkById.DELETE(new Request(`http://test/api/links/${link.id}`, { method: "DELETE" }), { params: Promise.resolve({ id: link.id }) });
    expect(again.status).toBe(404);
  });

  it("deleting a claim takes its links with it, restoring brings them back", async () => {
    const link = await createLink(t.db, actor, { fromId: claimIds.eurasia, toId: claimIds.essay, relation: "REFINES" });
    const { removedLinks } = await deleteClaim(t.db, actor, claimIds.eurasia);
    expect(removedLinks).toBe(1);
    expect((await listLinks(t.db, { projectId: SEED_PROJECT.id, claimIds: [claimIds.essay] })).map((l) => l.id)).not.toContain(link.id);
    await restoreClaim(t.db, actor, claimIds.eurasia);
    expect((await listLinks(t.db, { projectId: SEED_PROJECT.id, claimIds: [claimIds.essay] })).map((l) => l.id)).toContain(link.id);
    await deleteLink(t.db, actor, link.id);
  });

  it("a link left soft-deleted between two live claims does not block a new link between them", async () => {
    // A deleted, then B deleted, then A and B restored: the A–B link stays behind, soft-deleted.
    const a = claimIds.caravanserai;
    const b = claimIds.eurasia;
    await createLink(t.db, actor, { fromId: a, toId: b, relation: "SUPPORTS" });
    await deleteClaim(t.db, actor, a);
    await deleteClaim(t.db, actor, b);
    await restoreClaim(t.db, actor, a);
    await restoreClaim(t.db, actor, b);
    expect(await listLinks(t.db, { projectId: SEED_PROJECT.id, claimIds: [a] })).toEqual([]);

    const revived = await createLink(t.db, actor, { fromId: a, toId: b, relation: "CONTRADICTS" });
    expect((await listLinks(t.db, { projectId: SEED_PROJECT.id, claimIds: [a] })).map((l) => [l.id, l.relation])).toEqual([[revived.id, "CONTRADICTS"]]);
    const reverse = await createLink(t.db, actor, { fromId: b, toId: claimIds.counterpunch, relation: "SUPPORTS" });
    expect(reverse.relation).toBe("SUPPORTS");
  });

  it("lists for compare's columns the live links with both ends among the claims shown, not those leading elsewhere", async () => {
    // Live now: counterpunch → essay, caravanserai → eurasia (the revived one), eurasia → counterpunch;
    // caravanserai → eurasia (supports) lies soft-deleted.
    const [revived] = await listLinks(t.db, { projectId: SEED_PROJECT.id, claimIds: [claimIds.caravanserai] });
    expect(await listLinksBetween(t.db, [claimIds.caravanserai, claimIds.eurasia, claimIds.essay])).toEqual([
      { id: revived!.id, fromId: claimIds.caravanserai, toId: claimIds.eurasia, relation: "CONTRADICTS" },
    ]);
    expect(await listLinksBetween(t.db, [])).toEqual([]);
  });
});
