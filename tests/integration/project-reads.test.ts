// Every read is scoped to one project: two projects hold the same words, figures and cluster name,
// and each list, search, export, overview, contradiction suggestion and live replay of one shows
// its own rows only. In accounts mode a researcher who is not a member of a project gets 404 from
// its endpoints, as for something that does not exist.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim } from "@/lib/server/claims";
import { loadClaimGraph } from "@/lib/server/claim-graph";
import { contradictionSuggestions, createCluster, getCluster, listClusters } from "@/lib/server/clusters";
import { createSession } from "@/lib/server/auth";
import { loadExport, scopeLabel, streamExport } from "@/lib/server/export-query";
import { createLink } from "@/lib/server/links";
import { changesSince } from "@/lib/server/live/changes";
import { SEED_PROJECT } from "@/lib/server/projects";
import { createSource } from "@/lib/server/source-edit";
import { listSources } from "@/lib/server/sources";
import { overview } from "@/lib/server/stats";
import { ensureUser, type Actor } from "@/lib/server/users";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";

const OURS = SEED_PROJECT.id;
const THEIRS = "p_theirs";
const FIRST = "In January 2022 the CSTO sent 2,030 troops to Kazakhstan, the ministry said.";
const SECOND = "Reports from Almaty put the CSTO deployment at 3,000 troops in January 2022.";
const QUOTE = "2,030 troops";
const OTHER_QUOTE = "3,000 troops";

interface Corpus {
  sources: [string, string];
  claims: [string, string];
  clusterId: string;
}

type Routes = Record<string, RouteHandler>;

describe("reads scoped to one project", () => {
  let t: TestDatabase;
  let local: Actor;
  const corpus: Record<typeof OURS | typeof THEIRS, Corpus> = {} as never;

  /** Two sources stating different figures, a claim on each (a contradiction to suggest), a cluster. */
  async function fill(projectId: string, title: string): Promise<Corpus> {
    const first = await createSource(t.db, local, projectId, { body: FIRST, title: `${title}: ministry` });
    const second = await createSource(t.db, local, projectId, { body: SECOND, title: `${title}: Almaty` });
    const a = await createClaim(t.db, local, { sourceId: first.source.id, start: FIRST.indexOf(QUOTE), end: FIRST.indexOf(QUOTE) + QUOTE.length, kind: "FACT" });
    const b = await createClaim(t.db, local, { sourceId: second.source.id, start: SECOND.indexOf(OTHER_QUOTE), end: SECOND.indexOf(OTHER_QUOTE) + OTHER_QUOTE.length, kind: "FACT" });
    const cluster = await createCluster(t.db, local, projectId, { name: "Deployment size", claimIds: [a.id, b.id] });
    return { sources: [first.source.id, second.source.id], claims: [a.id, b.id], clusterId: cluster.id };
  }

  beforeAll(async () => {
    t = await createTestDatabase("project_reads");
    useDatabaseForRoutes(t.url);
    local = { ...(await ensureUser(t.db, "researcher")), mayEditAll: true };
    await t.db.project.create({ data: { id: THEIRS, slug: "theirs", name: "Their corpus" } });
    corpus[OURS] = await fill(OURS, "Ours");
    corpus[THEIRS] = await fill(THEIRS, "Theirs");
    // Only their project has a link: its overview counts it, ours does not.
    await createLink(t.db, local, { fromId: corpus[THEIRS].claims[0], toId: corpus[THEIRS].claims[1], relation: "CONTRADICTS" });
  });
  afterAll(async () => t?.drop());

  it("lists each project's sources and claims, and searches within the project", async () => {
    expect((await listSources(t.db, OURS)).map((s) => s.id)).toEqual(corpus[OURS].sources);
    expect((await listSources(t.db, THEIRS)).map((s) => s.id)).toEqual(corpus[THEIRS].sources);
    // The same words are in both projects: the search finds this project's claims only.
    const found = await loadExport(t.db, THEIRS, { q: "troops" });
    expect(found.bundle.claims.map((c) => c.id).sort()).toEqual([...corpus[THEIRS].claims].sort());
    expect(found.bundle.sources.map((s) => s.id).sort()).toEqual([...corpus[THEIRS].sources].sort());
    expect((await loadExport(t.db, OURS, { q: "Almaty" })).bundle.claims.map((c) => c.id)).toEqual([corpus[OURS].claims[1]]);
  });

  it("exports one project's claims, and names another project's source as unknown", async () => {
    const stream = await streamExport(t.db, OURS, {});
    const streamed: string[] = [];
    for await (const batch of stream.batches) streamed.push(...batch.map((c) => c.id));
    expect(streamed.sort()).toEqual([...corpus[OURS].claims].sort());
    expect(await loadExport(t.db, OURS, { sourceId: corpus[THEIRS].sources[0] })).toMatchObject({ total: 0 });
    await expect(scopeLabel(t.db, OURS, { sourceId: corpus[THEIRS].sources[0] })).rejects.toMatchObject({ status: 404 });
    await expect(scopeLabel(t.db, OURS, { clusterId: corpus[THEIRS].clusterId })).rejects.toMatchObject({ status: 404 });
  });

  it("counts the overview and draws the claims graph of one project", async () => {
    const ours = await overview(t.db, OURS);
    const theirs = await overview(t.db, THEIRS);
    expect(ours.sources.map((s) => s.id)).toEqual(corpus[OURS].sources);
    expect(ours.byKind.FACT).toBe(2);
    expect(ours.byRelation.CONTRADICTS).toBe(0);
    expect(theirs.byRelation.CONTRADICTS).toBe(1);
    expect((await loadClaimGraph(t.db, OURS, ours.sources)).edges).toEqual([]);
    expect((await loadClaimGraph(t.db, THEIRS, theirs.sources)).edges).toHaveLength(1);
  });

  it("lists clusters and suggests contradictions within one project", async () => {
    expect((await listClusters(t.db, OURS)).map((c) => c.id)).toEqual([corpus[OURS].clusterId]);
    expect(await getCluster(t.db, OURS, corpus[THEIRS].clusterId)).toBeNull();
    expect((await getCluster(t.db, THEIRS, corpus[THEIRS].clusterId))?.members.map((m) => m.claimId).sort()).toEqual([...corpus[THEIRS].claims].sort());
    const suggested = await contradictionSuggestions(t.db, OURS);
    expect(suggested.map((s) => [s.fromId, s.toId].sort())).toEqual([[...corpus[OURS].claims].sort()]);
    // Theirs are linked already: nothing left to suggest, and none of ours leaks in.
    expect(await contradictionSuggestions(t.db, THEIRS)).toEqual([]);
  });

  it("replays one project's changes", async () => {
    const notices = await changesSince(t.db, 0, 1000, { lookback: false, projectId: THEIRS });
    expect(notices.length).toBeGreaterThan(0);
    expect(new Set(notices.map((n) => n.projectId))).toEqual(new Set([THEIRS]));
    expect(notices.filter((n) => n.entity === "CLAIM" && n.action === "created").map((n) => n.claimId).sort()).toEqual([...corpus[THEIRS].claims].sort());
  });

  describe("over HTTP, in accounts mode", () => {
    let r: Record<"sources" | "sourceClaims" | "claims" | "cluster" | "exportFormat" | "events" | "claim", Routes>;
    let cookie: string;

    beforeAll(async () => {
      process.env.CP_AUTH = "accounts";
      const load = async (p: string) => (await import(p)) as unknown as Routes;
      r = {
        sources: await load("@/app/api/sources/route"),
        sourceClaims: await load("@/app/api/sources/[id]/claims/route"),
        claims: await load("@/app/api/claims/route"),
        claim: await load("@/app/api/claims/[id]/route"),
        cluster: await load("@/app/api/clusters/[id]/route"),
        exportFormat: await load("@/app/api/export/[format]/route"),
        events: await load("@/app/api/events/route"),
      };
      // Ana is a viewer of their project only.
      const ana = await ensureUser(t.db, "ana");
      await t.db.projectMember.create({ data: { projectId: THEIRS, userId: ana.id, role: "VIEWER" } });
      cookie = `cp_session=${(await createSession(t.db, ana.id)).token}`;
    });
    afterAll(() => {
      delete process.env.CP_AUTH;
    });

    const get = (handler: RouteHandler, path: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) =>
      callRoute(handler, { method: "GET", path, params, headers: { cookie, ...headers } });

    it("answers a member with their project's rows only", async () => {
      const sources = await get(r.sources.GET, "/api/sources?project=theirs");
      expect(sources.status).toBe(200);
      expect(((await sources.json()) as { sources: { id: string }[] }).sources.map((s) => s.id)).toEqual(corpus[THEIRS].sources);
      const claims = await get(r.claims.GET, "/api/claims?project=theirs&q=troops");
      expect(((await claims.json()) as { claims: { id: string }[] }).claims.map((c) => c.id).sort()).toEqual([...corpus[THEIRS].claims].sort());
      const csv = await get(r.exportFormat.GET, "/api/export/csv?project=theirs&q=troops", { format: "csv" });
      expect(csv.status).toBe(200);
      const text = await csv.text();
      expect(text).toContain("Theirs: ministry");
      expect(text).not.toContain("Ours: ministry");
    });

    it("answers 404 for a project the researcher is not a member of, and for its sources, claims and clusters", async () => {
      expect((await get(r.sources.GET, "/api/sources?project=csto")).status).toBe(404);
      expect((await get(r.claims.GET, "/api/claims?project=csto&q=troops")).status).toBe(404);
      expect((await get(r.exportFormat.GET, "/api/export/csv?project=csto", { format: "csv" })).status).toBe(404);
      expect((await get(r.events.GET, "/api/events?project=csto")).status).toBe(404);
      expect((await get(r.sourceClaims.GET, `/api/sources/${corpus[OURS].sources[0]}/claims`, { id: corpus[OURS].sources[0] })).status).toBe(404);
      expect((await get(r.claim.GET, `/api/claims/${corpus[OURS].claims[0]}`, { id: corpus[OURS].claims[0] })).status).toBe(404);
      expect((await get(r.cluster.GET, `/api/clusters/${corpus[OURS].clusterId}`, { id: corpus[OURS].clusterId })).status).toBe(404);
      // Their own: found.
      expect((await get(r.sourceClaims.GET, `/api/sources/${corpus[THEIRS].sources[0]}/claims`, { id: corpus[THEIRS].sources[0] })).status).toBe(200);
      expect((await get(r.cluster.GET, `/api/clusters/${corpus[THEIRS].clusterId}`, { id: corpus[THEIRS].clusterId })).status).toBe(200);
    });

    it("a collection endpoint without ?project= is a 400 that says how to name one", async () => {
      const response = await get(r.sources.GET, "/api/sources");
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/project/);
    });

    it("replays to a member's stream their project's changes only", async () => {
      const ids = (projectId: string) => t.db.history.findMany({ where: { projectId }, select: { id: true }, orderBy: { id: "asc" } }).then((rows) => rows.map((row) => row.id));
      const [theirs, ours] = await Promise.all([ids(THEIRS), ids(OURS)]);
      const controller = new AbortController();
      const response = await r.events.GET!(new Request("http://127.0.0.1:3000/api/events?project=theirs", { headers: { cookie, "last-event-id": "0" }, signal: controller.signal }), { params: Promise.resolve({}) });
      expect(response.status).toBe(200);
      // The replay comes in id order: once their last change has arrived, any of ours would have too.
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = "";
      while (!text.includes(`id: ${theirs.at(-1)}\nevent: change`)) text += decoder.decode((await reader.read()).value);
      controller.abort();
      await reader.cancel();
      const sent = [...text.matchAll(/^id: (\d+)\nevent: change$/gm)].map((m) => Number(m[1]));
      expect(sent).toEqual(theirs);
      expect(sent.filter((id) => ours.includes(id))).toEqual([]);
    });
  });
});
