// Issue 12 item 3: races that answered 500 or broke an invariant. Each sends 50 requests at once
// through the real route handlers and counts the answers: exactly one winner, the others refused
// with a 4xx and a message, never a 500, and the invariant holds in the database afterwards.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim } from "@/lib/server/claims";
import { createCluster } from "@/lib/server/clusters";
import { createLink } from "@/lib/server/links";
import { seedCorpus } from "@/lib/server/seed";
import type { Actor } from "@/lib/server/users";
import { CSTO, member } from "../helpers/members";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";
import * as claimRoute from "@/app/api/claims/[id]/route";
import * as restoreRoute from "@/app/api/claims/[id]/restore/route";
import * as clusterRoute from "@/app/api/clusters/[id]/route";
import * as membersRoute from "@/app/api/clusters/[id]/members/route";
import * as clustersRoute from "@/app/api/clusters/route";
import * as linksRoute from "@/app/api/links/route";

const N = 50;

/** Statuses in order of the requests, each refusal checked to carry a message. */
async function answers(requests: Promise<Response>[]): Promise<number[]> {
  const responses = await Promise.all(requests);
  for (const r of responses) {
    if (r.status >= 400) expect((await r.json()).error.message).toMatch(/\w{3,}/);
  }
  return responses.map((r) => r.status);
}

function count(statuses: number[]) {
  const out: Record<number, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

describe("fifty researchers doing the same thing at once", () => {
  let t: TestDatabase;
  let actor: Actor;
  let claims: string[];

  beforeAll(async () => {
    t = await createTestDatabase("races");
    await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
    actor = await member(t.db, "researcher");
    const source = await t.db.source.findUniqueOrThrow({ where: { seedKey: "002_98b48e446e185cb4.txt" } });
    const words = [...source.body.matchAll(/[A-Za-z]{4,}/g)].slice(0, 2 * N + 10);
    claims = [];
    for (const w of words) claims.push((await createClaim(t.db, actor, { sourceId: source.id, start: w.index, end: w.index + w[0].length, kind: "FACT" })).id);
    useDatabaseForRoutes(t.url);
  }, 60_000);
  afterAll(async () => t?.drop());

  it("links A to B and B to A: one link is made, the others are told the claims are already linked", async () => {
    const [a, b] = claims;
    const statuses = await answers(Array.from({ length: N }, (_, i) =>
      callRoute(linksRoute.POST as RouteHandler, { method: "POST", path: "/api/links", body: i % 2 ? { fromId: a, toId: b, relation: "SUPPORTS" } : { fromId: b, toId: a, relation: "CONTRADICTS" } })));
    expect(count(statuses)).toEqual({ 201: 1, 409: N - 1 });
    expect(await t.db.claimLink.count({ where: { deletedAt: null, OR: [{ fromId: a, toId: b }, { fromId: b, toId: a }] } })).toBe(1);
  });

  it("creates clusters with one name: one is made, the others are told the name is taken", async () => {
    const statuses = await answers(Array.from({ length: N }, () =>
      callRoute(clustersRoute.POST as RouteHandler, { method: "POST", path: "/api/clusters?project=csto", body: { name: "Troop numbers" } })));
    expect(count(statuses)).toEqual({ 201: 1, 409: N - 1 });
    expect(await t.db.cluster.count({ where: { name: "Troop numbers" } })).toBe(1);
  });

  it("adds members while the cluster is deleted: the delete wins once, every add is made or told the cluster is gone", async () => {
    const cluster = await createCluster(t.db, actor, CSTO, { name: "Deleted while filled" });
    const members = claims.slice(2, 2 + N - 5);
    const requests = [
      ...members.map((claimId) => callRoute(membersRoute.POST as RouteHandler, { method: "POST", path: `/api/clusters/${cluster.id}/members`, params: { id: cluster.id }, body: { claimId } })),
      ...Array.from({ length: 5 }, () => callRoute(clusterRoute.DELETE as RouteHandler, { method: "DELETE", path: `/api/clusters/${cluster.id}`, params: { id: cluster.id } })),
    ];
    const statuses = await answers(requests);
    const adds = statuses.slice(0, members.length);
    const deletes = statuses.slice(members.length);
    expect(adds.filter((s) => s !== 201 && s !== 404)).toEqual([]);
    expect(count(deletes)).toEqual({ 200: 1, 404: 4 });
    expect(await t.db.cluster.count({ where: { id: cluster.id } })).toBe(0);
    expect(await t.db.clusterMember.count({ where: { clusterId: cluster.id } })).toBe(0);
  });

  it("deletes one claim fifty times: one delete succeeds, and undoing it brings its links back", async () => {
    const [claim, ...others] = claims.slice(N, N + 4);
    for (const other of others) await createLink(t.db, actor, { fromId: claim, toId: other, relation: "REFINES" });
    const statuses = await answers(Array.from({ length: N }, () =>
      callRoute(claimRoute.DELETE as RouteHandler, { method: "DELETE", path: `/api/claims/${claim}`, params: { id: claim } })));
    expect(count(statuses)).toEqual({ 200: 1, 404: N - 1 });
    expect(await t.db.claimLink.count({ where: { fromId: claim, deletedAt: null } })).toBe(0);

    const restored = await callRoute(restoreRoute.POST as RouteHandler, { method: "POST", path: `/api/claims/${claim}/restore`, params: { id: claim } });
    expect(restored.status).toBe(200);
    expect(await t.db.claimLink.count({ where: { fromId: claim, deletedAt: null } })).toBe(others.length);
  });

  it("restores one claim fifty times: one restore succeeds and the version goes up once", async () => {
    const claim = claims[N + 5];
    const deleted = await callRoute(claimRoute.DELETE as RouteHandler, { method: "DELETE", path: `/api/claims/${claim}`, params: { id: claim } });
    expect(deleted.status).toBe(200);
    const { version } = await t.db.claim.findUniqueOrThrow({ where: { id: claim } });
    const statuses = await answers(Array.from({ length: N }, () =>
      callRoute(restoreRoute.POST as RouteHandler, { method: "POST", path: `/api/claims/${claim}/restore`, params: { id: claim } })));
    expect(count(statuses)).toEqual({ 200: 1, 409: N - 1 });
    expect(await t.db.claim.findUniqueOrThrow({ where: { id: claim } })).toMatchObject({ deletedAt: null, version: version + 1 });
    expect(await t.db.history.count({ where: { claimId: claim, action: "restored" } })).toBe(1);
  });

  it("makes A rest on B and B rest on A at once, for many pairs: each pair ends with one origin and never a loop", async () => {
    const source = await t.db.source.findUniqueOrThrow({ where: { seedKey: "004_438cc6c4c90e1221.txt" } });
    const words = [...source.body.matchAll(/[A-Za-z]{5,}/g)].slice(0, N);
    const ids: string[] = [];
    for (const w of words) ids.push((await createClaim(t.db, actor, { sourceId: source.id, start: w.index, end: w.index + w[0].length, kind: "FACT" })).id);
    const restOn = (id: string, on: string) =>
      callRoute(claimRoute.PATCH as RouteHandler, { method: "PATCH", path: `/api/claims/${id}`, params: { id }, body: { version: 1, restsOn: { kind: "claim", id: on } } });
    const statuses = await answers(Array.from({ length: N / 2 }, (_, i) => [restOn(ids[2 * i], ids[2 * i + 1]), restOn(ids[2 * i + 1], ids[2 * i])]).flat());
    expect(count(statuses)).toEqual({ 200: N / 2, 409: N / 2 });
    const rows = await t.db.claim.findMany({ where: { id: { in: ids } }, select: { id: true, restsOnClaimId: true } });
    const origin = new Map(rows.map((r) => [r.id, r.restsOnClaimId]));
    for (let i = 0; i < N / 2; i++) {
      const [a, b] = [ids[2 * i], ids[2 * i + 1]];
      expect([origin.get(a), origin.get(b)].filter(Boolean)).toHaveLength(1);
    }
  });
});
