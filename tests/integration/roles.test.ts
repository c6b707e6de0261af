// Roles in a project (lib/roles.ts), through every write endpoint under app/api, in accounts mode.
// Project csto has an owner, a curator, two annotators (A and B) and a viewer; a stranger is
// registered but a member of nothing; otto owns a second project that none of them is in.
//
// For each endpoint (one row of WRITES): no session → 401; the stranger → 404 where the write is
// about a project's data (a stranger cannot tell "not yours" from "not there"), 403 where it is not
// project-bound (speakers and outside references are shared by every project: making one needs the
// right to annotate in some project); the viewer → 403; annotator B on A's claim, cluster, link or
// source text → 403 naming who may; A on their own → 2xx; the curator and the owner on A's → 2xx.
// After every refusal the database is as it was (every table, counted and checksummed).
//
// Members (POST /api/projects/:project/members, PATCH and DELETE …/members/:userId): only an owner
// adds, changes or removes them; the curator, the annotators and the viewer get 403, the stranger
// 404. A new project (POST /api/projects): any signed-in researcher makes one and owns it.
//
// Dismissals are per researcher, not per project: any member of the project, a viewer too, may hide
// a suggestion from their own view (it changes nobody else's); a claim or source of a project the
// researcher is not in does not exist for them (404); without a session, 401.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseFailureAnswer } from "@/lib/db-errors";
import { createApiToken, revokeApiToken } from "@/lib/server/api-tokens";
import { createClaim, deleteClaim } from "@/lib/server/claims";
import { addClusterMember, createCluster } from "@/lib/server/clusters";
import { createLink } from "@/lib/server/links";
import { closeRound, openRound } from "@/lib/server/rounds";
import { addMember, createProject } from "@/lib/server/projects";
import { ensureUser } from "@/lib/server/users";
import { createSource } from "@/lib/server/source-edit";
import type { Actor } from "@/lib/server/users";
import type { ProjectRole } from "@/lib/roles";
import { inSingleUserMode, useAccountsMode } from "../helpers/auth-mode";
import { CSTO } from "../helpers/members";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";
import { claimItem, w3cDocument } from "../helpers/w3c-doc";

type Routes = Record<string, RouteHandler>;
const OWNERS_ONLY = /^Only an owner of the project can add, change or remove members$/;
const PEOPLE = ["owner", "curator", "annotatorA", "annotatorB", "viewer", "stranger", "otto"] as const;
type Person = (typeof PEOPLE)[number];
type Who = Person | "nobody";
const NAMES: Record<Person, string> = {
  owner: "Olga Owner", curator: "Carl Curator", annotatorA: "Anna Annotator", annotatorB: "Boris Annotator",
  viewer: "Vera Viewer", stranger: "Sam Stranger", otto: "Otto Elsewhere",
};
const ROLES: [Person, ProjectRole][] = [["curator", "CURATOR"], ["annotatorA", "ANNOTATOR"], ["annotatorB", "ANNOTATOR"], ["viewer", "VIEWER"]];

/** What one request acts on: ids and values made for it (as annotator A) before it is sent. */
type Target = Record<string, string | number>;

/** One write endpoint. A new endpoint is one more row. */
interface WriteCase {
  endpoint: string;
  /** "project": about a project's data; "global": shared by every project. */
  scope: "project" | "global";
  /** Set when annotators change only their own: what B is told on A's (who may). */
  ownWork?: RegExp;
  /** Statuses that differ from the rule above (dismissals, members, new projects). */
  expected?: Partial<Record<Who, number>>;
  /** What a 403 says on this row when it is not the viewer's or the global rule's message. */
  forbidden?: RegExp;
  ok: number;
  /** Made as annotator A, afresh for every request that may succeed. */
  prepare: (n: number) => Promise<Target>;
  send: (headers: Record<string, string>, target: Target) => Promise<Response>;
}

describe("roles: who may write what in a project", () => {
  useAccountsMode();
  let t: TestDatabase;
  const cookies = {} as Record<Person, string>;
  const actors = {} as Record<Person, Actor>;
  let r: Record<string, Routes>;
  let corpus: { id: string; body: string };
  let words: { start: number; end: number }[];
  let nextWord = 0;
  let otherProject = "";
  let counter = 0;

  const load = async (p: string) => (await import(p)) as unknown as Routes;
  const headersOf = (who: Who): Record<string, string> => (who === "nobody" ? {} : { cookie: cookies[who] });
  const A = () => actors.annotatorA;
  /** A fresh word of the corpus source: every claim gets its own span. */
  const span = () => {
    const w = words[nextWord++]!;
    return { start: w.start, end: w.end };
  };
  const claimOfA = async () => (await createClaim(t.db, A(), { sourceId: corpus.id, ...span(), kind: "FACT" })).id;
  /** A text no other test text resembles: its own words, numbers and tag. */
  const uniqueText = (tag: string, sentences = 8) =>
    Array.from({ length: sentences }, (_, i) => `Bulletin ${tag} item ${i} counted ${1000 + i * 7 + tag.length} vehicles near checkpoint ${tag}${i} on day ${i + 3}.`).join(" ");
  const json = (init: { method: string; path: string; body?: unknown; params?: Record<string, string> }, handler: RouteHandler) =>
    (headers: Record<string, string>) => callRoute(handler, { ...init, headers });

  beforeAll(async () => {
    t = await createTestDatabase("roles");
    useDatabaseForRoutes(t.url);
    r = {
      register: await load("@/app/api/auth/register/route"),
      rounds: await load("@/app/api/rounds/route"),
      roundClose: await load("@/app/api/rounds/[id]/close/route"),
      roundDone: await load("@/app/api/rounds/[id]/done/route"),
      roundDecisions: await load("@/app/api/rounds/[id]/decisions/route"),
      claims: await load("@/app/api/claims/route"),
      claim: await load("@/app/api/claims/[id]/route"),
      restore: await load("@/app/api/claims/[id]/restore/route"),
      value: await load("@/app/api/claims/[id]/value/route"),
      links: await load("@/app/api/links/route"),
      link: await load("@/app/api/links/[id]/route"),
      clusters: await load("@/app/api/clusters/route"),
      cluster: await load("@/app/api/clusters/[id]/route"),
      members: await load("@/app/api/clusters/[id]/members/route"),
      member: await load("@/app/api/clusters/[id]/members/[claimId]/route"),
      projects: await load("@/app/api/projects/route"),
      projectMembers: await load("@/app/api/projects/[project]/members/route"),
      projectMember: await load("@/app/api/projects/[project]/members/[userId]/route"),
      sources: await load("@/app/api/sources/route"),
      source: await load("@/app/api/sources/[id]/route"),
      upload: await load("@/app/api/sources/upload/route"),
      appearances: await load("@/app/api/sources/[id]/appearances/route"),
      importer: await load("@/app/api/import/route"),
      dismissals: await load("@/app/api/dismissals/route"),
      speakers: await load("@/app/api/speakers/route"),
      references: await load("@/app/api/references/route"),
    };
    // Everyone signs up through the route; the first to register owns the seeded project.
    for (const person of PEOPLE) {
      const response = await callRoute(r.register.POST!, { method: "POST", path: "/api/auth/register", body: { name: NAMES[person], password: "correct horse battery" } });
      expect(response.status, person).toBe(201);
      cookies[person] = response.headers.get("set-cookie")!.split(";")[0]!;
      actors[person] = (await response.json()).user as Actor;
    }
    expect(actors.owner).toMatchObject({ name: NAMES.owner });
    for (const [person, role] of ROLES) await addMember(t.db, actors.owner, CSTO, { name: NAMES[person], role });
    otherProject = (await createProject(t.db, actors.otto, { slug: "other", name: "Otto's project" })).id;
    expect(await t.db.projectMember.findMany({ where: { projectId: CSTO }, select: { role: true, user: { select: { name: true } } }, orderBy: { role: "asc" } })).toEqual([
      { role: "OWNER", user: { name: NAMES.owner } },
      { role: "CURATOR", user: { name: NAMES.curator } },
      { role: "ANNOTATOR", user: { name: NAMES.annotatorA } },
      { role: "ANNOTATOR", user: { name: NAMES.annotatorB } },
      { role: "VIEWER", user: { name: NAMES.viewer } },
    ]);
    const text = Array.from({ length: 400 }, (_, i) => `Statement${i} reports ${2000 + i} troops.`).join(" ");
    corpus = { id: (await createSource(t.db, A(), CSTO, { body: text, title: "Roles corpus" })).source.id, body: text };
    words = [...text.matchAll(/Statement\d+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  }, 120_000);
  afterAll(async () => t?.drop());

  const WRITES: WriteCase[] = [
    {
      endpoint: "POST /api/claims", scope: "project", ok: 201,
      prepare: async () => span(),
      send: (headers, s) => callRoute(r.claims.POST!, { method: "POST", path: "/api/claims", headers, body: { sourceId: corpus.id, start: s.start, end: s.end, kind: "FACT" } }),
    },
    {
      endpoint: "PATCH /api/claims/:id (kind, note)", scope: "project", ok: 200, ownWork: /belongs to Anna Annotator: only its author or a curator can change it/,
      prepare: async () => ({ id: await claimOfA() }),
      send: (headers, { id }) => callRoute(r.claim.PATCH!, { method: "PATCH", path: `/api/claims/${id}`, params: { id: String(id) }, headers, body: { version: 1, kind: "OPINION", note: "re-tagged" } }),
    },
    {
      endpoint: "PATCH /api/claims/:id (provenance: speaker, attribution)", scope: "project", ok: 200, ownWork: /belongs to Anna Annotator: only its author or a curator/,
      prepare: async () => ({ id: await claimOfA() }),
      send: (headers, { id }) => callRoute(r.claim.PATCH!, { method: "PATCH", path: `/api/claims/${id}`, params: { id: String(id) }, headers, body: { version: 1, speakerName: "Roles Spokesperson", attributionType: "DIRECT_QUOTE" } }),
    },
    {
      endpoint: "DELETE /api/claims/:id", scope: "project", ok: 200, ownWork: /belongs to Anna Annotator: only its author or a curator/,
      prepare: async () => ({ id: await claimOfA() }),
      send: (headers, { id }) => callRoute(r.claim.DELETE!, { method: "DELETE", path: `/api/claims/${id}?version=1`, params: { id: String(id) }, headers }),
    },
    {
      endpoint: "POST /api/claims/:id/restore", scope: "project", ok: 200, ownWork: /belongs to Anna Annotator: only its author or a curator/,
      prepare: async () => {
        const id = await claimOfA();
        await deleteClaim(t.db, A(), id);
        return { id };
      },
      send: (headers, { id }) => callRoute(r.restore.POST!, { method: "POST", path: `/api/claims/${id}/restore`, params: { id: String(id) }, headers }),
    },
    {
      // Any annotator of the project may judge a value (lib/server/values.ts); History says who.
      endpoint: "PUT /api/claims/:id/value", scope: "project", ok: 200,
      prepare: async () => ({ id: await claimOfA() }),
      send: (headers, { id }) => callRoute(r.value.PUT!, { method: "PUT", path: `/api/claims/${id}/value`, params: { id: String(id) }, headers, body: { value: 2500, unit: "troops" } }),
    },
    {
      // Anyone who may annotate links any two claims of the project.
      endpoint: "POST /api/links", scope: "project", ok: 201,
      prepare: async () => ({ from: await claimOfA(), to: await claimOfA() }),
      send: (headers, { from, to }) => callRoute(r.links.POST!, { method: "POST", path: "/api/links", headers, body: { fromId: from, toId: to, relation: "SUPPORTS" } }),
    },
    {
      endpoint: "DELETE /api/links/:id", scope: "project", ok: 200, ownWork: /made by Anna Annotator: only they, the authors of its claims or a curator can remove it/,
      prepare: async () => ({ id: (await createLink(t.db, A(), { fromId: await claimOfA(), toId: await claimOfA(), relation: "CONTRADICTS" })).id }),
      send: (headers, { id }) => callRoute(r.link.DELETE!, { method: "DELETE", path: `/api/links/${id}`, params: { id: String(id) }, headers }),
    },
    {
      endpoint: "POST /api/clusters", scope: "project", ok: 201,
      prepare: async (n) => ({ name: `Cluster ${n}`, claim: await claimOfA() }),
      send: (headers, { name, claim }) => callRoute(r.clusters.POST!, { method: "POST", path: "/api/clusters?project=csto", headers, body: { name, claimIds: [claim] } }),
    },
    {
      endpoint: "PATCH /api/clusters/:id (event)", scope: "project", ok: 200, ownWork: /made by Anna Annotator: only they or a curator can change or delete it/,
      prepare: async (n) => ({ id: (await createCluster(t.db, A(), CSTO, { name: `Event cluster ${n}` })).id }),
      send: (headers, { id }) => callRoute(r.cluster.PATCH!, { method: "PATCH", path: `/api/clusters/${id}`, params: { id: String(id) }, headers, body: { event: "January 2022 deployment" } }),
    },
    {
      endpoint: "DELETE /api/clusters/:id", scope: "project", ok: 200, ownWork: /made by Anna Annotator: only they or a curator/,
      prepare: async (n) => ({ id: (await createCluster(t.db, A(), CSTO, { name: `Doomed cluster ${n}`, claimIds: [await claimOfA()] })).id }),
      send: (headers, { id }) => callRoute(r.cluster.DELETE!, { method: "DELETE", path: `/api/clusters/${id}`, params: { id: String(id) }, headers }),
    },
    {
      endpoint: "POST /api/clusters/:id/members", scope: "project", ok: 201, ownWork: /made by Anna Annotator: only they or a curator/,
      prepare: async (n) => ({ id: (await createCluster(t.db, A(), CSTO, { name: `Growing cluster ${n}` })).id, claim: await claimOfA() }),
      send: (headers, { id, claim }) => callRoute(r.members.POST!, { method: "POST", path: `/api/clusters/${id}/members`, params: { id: String(id) }, headers, body: { claimId: claim } }),
    },
    {
      endpoint: "DELETE /api/clusters/:id/members/:claimId", scope: "project", ok: 200, ownWork: /made by Anna Annotator: only they or a curator/,
      prepare: async (n) => {
        const claim = await claimOfA();
        const { id } = await createCluster(t.db, A(), CSTO, { name: `Shrinking cluster ${n}` });
        await addClusterMember(t.db, A(), id, claim);
        return { id, claim };
      },
      send: (headers, { id, claim }) => callRoute(r.member.DELETE!, { method: "DELETE", path: `/api/clusters/${id}/members/${claim}`, params: { id: String(id), claimId: String(claim) }, headers }),
    },
    {
      endpoint: "POST /api/sources", scope: "project", ok: 201,
      prepare: async (n) => ({ body: uniqueText(`pasted${n}x`) }),
      send: (headers, { body }) => callRoute(r.sources.POST!, { method: "POST", path: "/api/sources?project=csto", headers, body: { body, title: "Pasted" } }),
    },
    {
      // A source's details: any annotator of its project.
      endpoint: "PATCH /api/sources/:id (details)", scope: "project", ok: 200,
      prepare: async (n) => ({ id: (await createSource(t.db, A(), CSTO, { body: uniqueText(`details${n}x`) })).source.id }),
      send: (headers, { id }) => callRoute(r.source.PATCH!, { method: "PATCH", path: `/api/sources/${id}`, params: { id: String(id) }, headers, body: { version: 1, title: "A corrected title" } }),
    },
    {
      // Its text: whoever added it, or a curator, while another researcher's claims sit on it.
      endpoint: "PATCH /api/sources/:id (text)", scope: "project", ok: 200, ownWork: /Claims of Anna Annotator sit on this text: only the researcher who added the source or a curator can change its text/,
      prepare: async (n) => {
        const body = uniqueText(`text${n}x`);
        const { source } = await createSource(t.db, A(), CSTO, { body });
        await createClaim(t.db, A(), { sourceId: source.id, start: 0, end: 8, kind: "FACT" });
        return { id: source.id, body: `${body} A corrected last sentence.` };
      },
      send: (headers, { id, body }) => callRoute(r.source.PATCH!, { method: "PATCH", path: `/api/sources/${id}`, params: { id: String(id) }, headers, body: { version: 1, body } }),
    },
    {
      endpoint: "POST /api/sources/upload", scope: "project", ok: 201,
      prepare: async (n) => ({ text: uniqueText(`uploaded${n}x`, 12) }),
      send: (headers, { text }) => {
        const form = new FormData();
        form.set("file", new File([String(text)], "bulletin.txt", { type: "text/plain" }));
        return r.upload.POST!(new Request("http://127.0.0.1:3000/api/sources/upload?project=csto", { method: "POST", headers, body: form }), { params: Promise.resolve({}) });
      },
    },
    {
      // Either source may be recorded as an appearance of the other by any annotator of the project.
      endpoint: "POST /api/sources/:id/appearances", scope: "project", ok: 201,
      prepare: async (n) => {
        const body = uniqueText(`syndicated${n}x`, 12);
        const first = await createSource(t.db, A(), CSTO, { body });
        const second = await createSource(t.db, A(), CSTO, { body: `${body} Reprinted with one more sentence at the end.` });
        return { id: second.source.id, documentId: first.source.id };
      },
      send: (headers, { id, documentId }) => callRoute(r.appearances.POST!, { method: "POST", path: `/api/sources/${id}/appearances`, params: { id: String(id) }, headers, body: { documentId } }),
    },
    {
      endpoint: "POST /api/import", scope: "project", ok: 200,
      prepare: async (n) => ({ id: `imported${n}`, ...span() }),
      send: (headers, { id, start, end }) => {
        const doc = w3cDocument([claimItem({ id: String(id), sourceId: corpus.id, start: Number(start), end: Number(end), exact: corpus.body.slice(Number(start), Number(end)), creator: NAMES.annotatorB })]);
        return callRoute(r.importer.POST!, { method: "POST", path: "/api/import?project=csto", headers, body: doc });
      },
    },
    {
      endpoint: "POST /api/dismissals", scope: "project", ok: 200, expected: { viewer: 200 },
      prepare: async () => ({ key: `suggestion:${corpus.id}:${span().start}:${span().end}` }),
      send: (headers, { key }) => callRoute(r.dismissals.POST!, { method: "POST", path: "/api/dismissals", headers, body: { keys: [key] } }),
    },
    {
      // Showing a suggestion again deletes the researcher's own dismissal only, so it names nothing
      // of a project: a stranger's request is answered 200 with nothing restored.
      endpoint: "DELETE /api/dismissals", scope: "project", ok: 200, expected: { viewer: 200, stranger: 200 },
      prepare: async () => ({ key: `contradiction:${await claimOfA()}|${await claimOfA()}` }),
      send: (headers, { key }) => callRoute(r.dismissals.DELETE!, { method: "DELETE", path: "/api/dismissals", headers, body: { keys: [key] } }),
    },
    // Rounds of independent annotation (lib/server/rounds.ts): an owner opens and closes one, its
    // annotators mark their own work done, a curator or owner decides what enters the curated set.
    {
      endpoint: "POST /api/rounds", scope: "project", ok: 201, expected: { annotatorA: 403, annotatorB: 403, curator: 403 },
      prepare: async (n) => ({ sourceId: (await createSource(t.db, A(), CSTO, { body: uniqueText(`round${n}x`) })).source.id }),
      send: (headers, { sourceId }) => callRoute(r.rounds.POST!, { method: "POST", path: "/api/rounds", headers, body: { sourceId, annotatorIds: [actors.annotatorA.id, actors.annotatorB.id] } }),
    },
    {
      endpoint: "POST /api/rounds/:id/close", scope: "project", ok: 200, expected: { annotatorA: 403, annotatorB: 403, curator: 403 },
      prepare: async (n) => {
        const source = (await createSource(t.db, A(), CSTO, { body: uniqueText(`closing${n}x`) })).source.id;
        return { id: (await openRound(t.db, actors.owner, { sourceId: source, annotatorIds: [actors.annotatorA.id, actors.annotatorB.id] })).id };
      },
      send: (headers, { id }) => callRoute(r.roundClose.POST!, { method: "POST", path: `/api/rounds/${id}/close`, params: { id: String(id) }, headers }),
    },
    {
      endpoint: "POST /api/rounds/:id/done", scope: "project", ok: 200,
      prepare: async (n) => {
        const source = (await createSource(t.db, A(), CSTO, { body: uniqueText(`done${n}x`) })).source.id;
        const everyone = [actors.annotatorA.id, actors.annotatorB.id, actors.curator.id, actors.owner.id];
        return { id: (await openRound(t.db, actors.owner, { sourceId: source, annotatorIds: everyone })).id };
      },
      send: (headers, { id }) => callRoute(r.roundDone.POST!, { method: "POST", path: `/api/rounds/${id}/done`, params: { id: String(id) }, headers }),
    },
    {
      endpoint: "POST /api/rounds/:id/decisions", scope: "project", ok: 201, expected: { annotatorA: 403, annotatorB: 403 },
      prepare: async (n) => {
        const body = uniqueText(`curated${n}x`);
        const source = (await createSource(t.db, A(), CSTO, { body })).source.id;
        const round = await openRound(t.db, actors.owner, { sourceId: source, annotatorIds: [actors.annotatorA.id, actors.annotatorB.id] });
        const claim = await createClaim(t.db, A(), { sourceId: source, start: 0, end: body.indexOf(" "), kind: "FACT" });
        await closeRound(t.db, actors.owner, round.id);
        return { id: round.id, claim: claim.id };
      },
      send: (headers, { id, claim }) => callRoute(r.roundDecisions.POST!, { method: "POST", path: `/api/rounds/${id}/decisions`, params: { id: String(id) }, headers, body: { unit: [claim], decision: "reject" } }),
    },
    {
      endpoint: "POST /api/speakers", scope: "global", ok: 201,
      prepare: async (n) => ({ name: `Spokesperson ${n}` }),
      send: (headers, { name }) => callRoute(r.speakers.POST!, { method: "POST", path: "/api/speakers", headers, body: { name, role: "ministry" } }),
    },
    {
      endpoint: "POST /api/references", scope: "global", ok: 201,
      prepare: async (n) => ({ title: `Communiqué ${n}` }),
      send: (headers, { title }) => callRoute(r.references.POST!, { method: "POST", path: "/api/references", headers, body: { title, publisher: "Ministry" } }),
    },
    {
      // An owner adds a researcher who has signed up; nobody else of the project may.
      endpoint: "POST /api/projects/:project/members", scope: "project", ok: 201, forbidden: OWNERS_ONLY,
      expected: { annotatorB: 403, annotatorA: 403, curator: 403 },
      prepare: async (n) => ({ name: (await ensureUser(t.db, `Newcomer ${n}`)).name }),
      send: (headers, { name }) => callRoute(r.projectMembers.POST!, { method: "POST", path: "/api/projects/csto/members", params: { project: "csto" }, headers, body: { name, role: "ANNOTATOR" } }),
    },
    {
      endpoint: "PATCH /api/projects/:project/members/:userId", scope: "project", ok: 200, forbidden: OWNERS_ONLY,
      expected: { annotatorB: 403, annotatorA: 403, curator: 403 },
      prepare: async (n) => ({ userId: (await newMember(`Promoted ${n}`)).id }),
      send: (headers, { userId }) =>
        callRoute(r.projectMember.PATCH!, { method: "PATCH", path: `/api/projects/csto/members/${userId}`, params: { project: "csto", userId: String(userId) }, headers, body: { role: "CURATOR" } }),
    },
    {
      endpoint: "DELETE /api/projects/:project/members/:userId", scope: "project", ok: 200, forbidden: OWNERS_ONLY,
      expected: { annotatorB: 403, annotatorA: 403, curator: 403 },
      prepare: async (n) => ({ userId: (await newMember(`Leaving ${n}`)).id }),
      send: (headers, { userId }) =>
        callRoute(r.projectMember.DELETE!, { method: "DELETE", path: `/api/projects/csto/members/${userId}`, params: { project: "csto", userId: String(userId) }, headers }),
    },
    {
      // Any signed-in researcher makes a project and owns it: the stranger and the viewer too. Last
      // row: once the stranger and the viewer own a project they annotate somewhere, which the
      // speakers and references rows above refuse them for.
      endpoint: "POST /api/projects", scope: "global", ok: 201, expected: { stranger: 201, viewer: 201 },
      prepare: async (n) => ({ slug: `made-${n}` }),
      send: (headers, { slug }) => callRoute(r.projects.POST!, { method: "POST", path: "/api/projects", headers, body: { slug, name: `Project ${slug}` } }),
    },
  ];

  /** A researcher made an annotator of csto by its owner, for the member rows to change. */
  async function newMember(name: string) {
    const user = await ensureUser(t.db, name);
    await addMember(t.db, actors.owner, CSTO, { name: user.name, role: "ANNOTATOR" });
    return user;
  }

  /** The refusal every caller must get, then the database as it was. */
  async function expectRefused(c: WriteCase, who: Who, status: number, message: RegExp) {
    const target = await c.prepare(++counter);
    const before = await databaseFingerprint(t.db);
    const response = await c.send(headersOf(who), target);
    const body = await response.json();
    expect({ who, status: response.status }).toEqual({ who, status });
    expect(body.error.message, who).toMatch(message);
    expect(await databaseFingerprint(t.db), `${who}: nothing written`).toBe(before);
  }

  async function expectMade(c: WriteCase, who: Who) {
    const target = await c.prepare(++counter);
    const response = await c.send(headersOf(who), target);
    const text = await response.text();
    expect({ who, status: response.status, text: response.status === c.ok ? "" : text }).toEqual({ who, status: c.ok, text: "" });
  }

  it("lists every write endpoint under app/api: a new one needs its row here", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const root = path.resolve(__dirname, "../../app/api");
    const found: string[] = [];
    for (const file of readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith("route.ts"))) {
      for (const m of readFileSync(path.join(root, file), "utf8").matchAll(/export const (POST|PATCH|PUT|DELETE)\b/g)) {
        found.push(`${m[1]} /api/${path.dirname(file).replace(/\[(\w+)\]/g, ":$1")}`);
      }
    }
    // Accounts and tokens are about the researcher's own account, tested in auth, accounts and api-tokens.
    const ownAccount = ["POST /api/auth/login", "POST /api/auth/logout", "POST /api/auth/password", "POST /api/auth/register", "POST /api/tokens", "DELETE /api/tokens/:id"];
    const covered = new Set(WRITES.map((c) => c.endpoint.replace(/ \(.*\)$/, "")));
    expect(found.filter((e) => !ownAccount.includes(e) && !covered.has(e)).sort()).toEqual([]);
  });

  for (const c of WRITES) {
    it(`${c.endpoint}: refused without a session, to a stranger and to a viewer${c.ownWork ? ", and to another annotator" : ""}, nothing written; made by those who may`, async () => {
      const expected = (who: Who, fallback: number) => c.expected?.[who] ?? fallback;
      const forbidden = c.forbidden ?? (c.scope === "global" ? /annotator of a project/ : /viewer/);
      /** `who` is refused with `status` (and `message`), or makes it with `status`. */
      const aboveRole = c.forbidden ?? /of this project you cannot/;
      const check = (who: Who, status: number, message: RegExp) => (status >= 400 ? expectRefused(c, who, status, message) : expectMade({ ...c, ok: status }, who));
      await expectRefused(c, "nobody", 401, /^Sign in/);
      const strangerStatus = expected("stranger", c.scope === "global" ? 403 : 404);
      await check("stranger", strangerStatus, strangerStatus === 404 ? /does not exist|not a member|no project "csto" among yours/ : forbidden);
      await check("viewer", expected("viewer", 403), forbidden);
      if (c.ownWork) {
        await expectRefused(c, "annotatorB", 403, c.ownWork);
        expect(String(c.ownWork)).toMatch(/curator/);
      } else {
        await check("annotatorB", expected("annotatorB", c.ok), aboveRole);
      }
      // Owner-only and curator-only writes (members, rounds) refuse the roles below them with the rule.
      await check("annotatorA", expected("annotatorA", c.ok), aboveRole);
      await check("curator", expected("curator", c.ok), aboveRole);
      await expectMade(c, "owner");
    });
  }

  it("in single-user mode (no accounts) the members endpoints answer 404 and write nothing; the local researcher makes a project", async () => {
    const someone = await newMember("Solo Member");
    const before = await databaseFingerprint(t.db);
    const refused = await inSingleUserMode(async () => [
      await callRoute(r.projectMembers.POST!, { method: "POST", path: "/api/projects/csto/members", params: { project: "csto" }, body: { name: NAMES.stranger, role: "VIEWER" } }),
      await callRoute(r.projectMember.PATCH!, { method: "PATCH", path: `/api/projects/csto/members/${someone.id}`, params: { project: "csto", userId: someone.id }, body: { role: "OWNER" } }),
      await callRoute(r.projectMember.DELETE!, { method: "DELETE", path: `/api/projects/csto/members/${someone.id}`, params: { project: "csto", userId: someone.id } }),
    ]);
    for (const response of refused) {
      expect(response.status).toBe(404);
      expect((await response.json()).error.message).toMatch(/single-user mode: it has no accounts/);
    }
    expect(await databaseFingerprint(t.db)).toBe(before);
    const made = await inSingleUserMode(() => callRoute(r.projects.POST!, { method: "POST", path: "/api/projects", body: { slug: "solo", name: "Solo project" } }));
    expect(made.status).toBe(201);
    expect((await made.json()).project).toMatchObject({ slug: "solo", name: "Solo project" });
    expect(await t.db.project.findUnique({ where: { slug: "solo" }, select: { name: true } })).toEqual({ name: "Solo project" });
  });

  describe("API tokens (Authorization: Bearer) on a write", () => {
    const markClaim = (authorization: string) => {
      const s = span();
      return callRoute(r.claims.POST!, { method: "POST", path: "/api/claims", headers: { authorization }, body: { sourceId: corpus.id, start: s.start, end: s.end, kind: "FACT" } });
    };
    const counts = async () => ({ claims: await t.db.claim.count(), history: await t.db.history.count() });

    it("a revoked, an expired and a malformed token are 401 and write nothing; a viewer's token is 403; an annotator's writes", async () => {
      const revoked = await createApiToken(t.db, actors.annotatorA, { name: "revoked", expiresInDays: null });
      await revokeApiToken(t.db, actors.annotatorA, revoked.view.id);
      const expired = await createApiToken(t.db, actors.annotatorA, { name: "expired", expiresInDays: 1 });
      await t.db.$executeRaw`UPDATE "ApiToken" SET "createdAt" = now() - interval '3 days', "expiresAt" = now() - interval '1 day' WHERE "id" = ${expired.view.id}`;
      const viewers = await createApiToken(t.db, actors.viewer, { name: "viewer's", expiresInDays: 30 });
      const annotators = await createApiToken(t.db, actors.annotatorA, { name: "annotator's", expiresInDays: 30 });

      const cases: [string, number, RegExp][] = [
        [`Bearer ${revoked.token}`, 401, /^This API token was revoked$/],
        [`Bearer ${expired.token}`, 401, /^This API token has expired$/],
        [`Bearer ${revoked.token.slice(0, -1)}${revoked.token.endsWith("A") ? "B" : "A"}`, 401, /^Unknown API token$/],
        [`Bearer ${revoked.token}x`, 401, /not an API token of this app/],
        [`Token ${annotators.token}`, 401, /must be "Bearer <token>"/],
        [`Bearer ${viewers.token}`, 403, /As a viewer of this project you cannot mark claims/],
      ];
      for (const [authorization, status, message] of cases) {
        const before = await counts();
        const response = await markClaim(authorization);
        expect(response.status, authorization.slice(0, 20)).toBe(status);
        expect((await response.json()).error.message).toMatch(message);
        expect(await counts()).toEqual(before);
      }
      const made = await markClaim(`Bearer ${annotators.token}`);
      expect(made.status).toBe(201);
      expect((await made.json()).claim.authorName).toBe(NAMES.annotatorA);
    });
  });

  describe("the border between projects", () => {
    it("a claim of another project does not exist to this one: no link, cluster member or appearance across, even for its owner", async () => {
      const otherSource = await createSource(t.db, actors.otto, otherProject, { body: uniqueText("elsewhere") });
      const otherClaim = await createClaim(t.db, actors.otto, { sourceId: otherSource.source.id, start: 0, end: 8, kind: "FACT" });
      const own = await claimOfA();
      const cluster = await createCluster(t.db, A(), CSTO, { name: "Border cluster" });
      const before = await databaseFingerprint(t.db);
      const asOwner = headersOf("owner");
      const attempts: [string, Response, RegExp][] = [
        ["link", await callRoute(r.links.POST!, { method: "POST", path: "/api/links", headers: asOwner, body: { fromId: own, toId: otherClaim.id, relation: "SUPPORTS" } }), /second claim .* does not exist/],
        ["link from there", await callRoute(r.links.POST!, { method: "POST", path: "/api/links", headers: asOwner, body: { fromId: otherClaim.id, toId: own, relation: "SUPPORTS" } }), /not a member/],
        ["member", await callRoute(r.members.POST!, { method: "POST", path: `/api/clusters/${cluster.id}/members`, params: { id: cluster.id }, headers: asOwner, body: { claimId: otherClaim.id } }), /does not exist/],
        ["appearance", await callRoute(r.appearances.POST!, { method: "POST", path: `/api/sources/${corpus.id}/appearances`, params: { id: corpus.id }, headers: asOwner, body: { documentId: otherSource.source.id } }), /does not exist/],
        ["their claim", await callRoute(r.claim.PATCH!, { method: "PATCH", path: `/api/claims/${otherClaim.id}`, params: { id: otherClaim.id }, headers: asOwner, body: { version: 1, kind: "OPINION" } }), /not a member/],
        ["their project", await callRoute(r.clusters.POST!, { method: "POST", path: "/api/clusters?project=other", headers: asOwner, body: { name: "Intruder" } }), /no project "other" among yours/],
      ];
      for (const [what, response, message] of attempts) {
        expect({ what, status: response.status }).toEqual({ what, status: 404 });
        expect((await response.json()).error.message, what).toMatch(message);
      }
      expect(await databaseFingerprint(t.db)).toBe(before);
    });

    it("the database itself refuses what crosses the border, and the answer names the rule (409)", async () => {
      const otherSource = await createSource(t.db, actors.otto, otherProject, { body: uniqueText("beyond") });
      const otherClaim = await createClaim(t.db, actors.otto, { sourceId: otherSource.source.id, start: 0, end: 8, kind: "FACT" });
      const own = await claimOfA();
      const cluster = await createCluster(t.db, A(), CSTO, { name: "Guarded cluster" });
      const before = await databaseFingerprint(t.db);
      const writes: [string, () => Promise<unknown>, string][] = [
        ["link", () => t.db.claimLink.create({ data: { fromId: own, toId: otherClaim.id, relation: "SUPPORTS", authorId: A().id } }), "A link joins two claims of one project"],
        ["member", () => t.db.clusterMember.create({ data: { clusterId: cluster.id, claimId: otherClaim.id } }), "A cluster holds claims of its own project only"],
        ["rests on a claim", () => t.db.claim.update({ where: { id: own }, data: { restsOnClaimId: otherClaim.id } }), "A claim rests on a claim or source of its own project only"],
        ["rests on a source", () => t.db.claim.update({ where: { id: own }, data: { restsOnSourceId: otherSource.source.id } }), "A claim rests on a claim or source of its own project only"],
      ];
      for (const [what, write, message] of writes) {
        const err = await write().then(() => null, (e: unknown) => e);
        expect(err, what).not.toBeNull();
        expect(databaseFailureAnswer(err), what).toEqual({ status: 409, message });
      }
      expect(await databaseFingerprint(t.db)).toBe(before);
    });

    it("a claim cannot rest on a claim or source of another project: 400 as for a missing origin, nothing written", async () => {
      const otherSource = await createSource(t.db, actors.otto, otherProject, { body: uniqueText("restingplace") });
      const otherClaim = await createClaim(t.db, actors.otto, { sourceId: otherSource.source.id, start: 0, end: 8, kind: "FACT" });
      const own = await claimOfA();
      const before = await databaseFingerprint(t.db);
      for (const restsOn of [{ kind: "claim", id: otherClaim.id }, { kind: "source", id: otherSource.source.id }]) {
        const response = await callRoute(r.claim.PATCH!, { method: "PATCH", path: `/api/claims/${own}`, params: { id: own }, headers: headersOf("annotatorA"), body: { version: 1, restsOn } });
        // Told as a missing origin is (400), so a stranger's id says nothing about another project.
        expect(response.status, restsOn.kind).toBe(400);
        expect((await response.json()).error.message, restsOn.kind).toBe(`restsOn: ${restsOn.kind} ${restsOn.id} does not exist${restsOn.kind === "claim" ? " or was deleted" : ""}`);
      }
      expect(await databaseFingerprint(t.db)).toBe(before);
    });
  });
});
