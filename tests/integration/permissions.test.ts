// Who may change what in accounts mode (issue 12 item 5), beyond claims and links: every write
// endpoint tried by another annotator of the project gets 403 and leaves the database as it was.
// Since projects (commit 7f3f0d5) alice and bob are annotators of the seeded project (its owner,
// the first to register, is olga: an owner or curator may change anyone's work, tests/integration/roles.test.ts).
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCorpus } from "@/lib/server/seed";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";
import { inSingleUserMode, useAccountsMode } from "../helpers/auth-mode";
import { member } from "../helpers/members";
import { claimItem, w3cDocument } from "../helpers/w3c-doc";

type Routes = Record<string, RouteHandler>;

describe("permissions in accounts mode", () => {
  useAccountsMode();
  let t: TestDatabase;
  let r: Record<"register" | "claims" | "clusters" | "cluster" | "members" | "member" | "sources" | "source" | "importer" | "claim", Routes>;
  let seeded: { id: string; body: string; version: number };
  const cookies = { alice: "", bob: "" };

  beforeAll(async () => {
    t = await createTestDatabase("permissions");
    await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
    useDatabaseForRoutes(t.url);
    const load = async (p: string) => (await import(p)) as unknown as Routes;
    r = {
      register: await load("@/app/api/auth/register/route"),
      claims: await load("@/app/api/claims/route"),
      clusters: await load("@/app/api/clusters/route"),
      cluster: await load("@/app/api/clusters/[id]/route"),
      members: await load("@/app/api/clusters/[id]/members/route"),
      member: await load("@/app/api/clusters/[id]/members/[claimId]/route"),
      sources: await load("@/app/api/sources/route"),
      source: await load("@/app/api/sources/[id]/route"),
      importer: await load("@/app/api/import/route"),
      claim: await load("@/app/api/claims/[id]/route"),
    };
    expect((await callRoute(r.register.POST, { method: "POST", path: "/api/auth/register", body: { name: "olga", password: "correct horse battery" } })).status).toBe(201);
    for (const name of ["alice", "bob"] as const) {
      const response = await callRoute(r.register.POST, { method: "POST", path: "/api/auth/register", body: { name, password: "correct horse battery" } });
      cookies[name] = response.headers.get("set-cookie")!.split(";")[0]!;
      await member(t.db, name, "ANNOTATOR");
    }
    const s = await t.db.source.findFirstOrThrow({ where: { seedKey: { startsWith: "001" } } });
    seeded = { id: s.id, body: s.body, version: s.version };
  });
  afterAll(async () => t?.drop());

  const as = (who: keyof typeof cookies) => ({ cookie: cookies[who] });
  const json = async (response: Response) => ({ status: response.status, body: await response.json() });
  async function claim(who: keyof typeof cookies, sourceId: string, body: string, phrase: string) {
    const start = body.indexOf(phrase);
    const response = await json(await callRoute(r.claims.POST, { method: "POST", path: "/api/claims", headers: as(who), body: { sourceId, start, end: start + phrase.length, kind: "FACT" } }));
    expect(response.status).toBe(201);
    return response.body.claim.id as string;
  }
  /** Every call must be refused with 403 and a message, and nothing may change. */
  async function expectForbidden(calls: (() => Promise<Response>)[]) {
    const before = await databaseFingerprint(t.db);
    for (const call of calls) {
      const response = await json(await call());
      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(/only/);
    }
    expect(await databaseFingerprint(t.db)).toBe(before);
  }

  it("a cluster is changed and deleted by its maker, not by another annotator", async () => {
    const a1 = await claim("alice", seeded.id, seeded.body, "more than 2,000 troops");
    const a2 = await claim("alice", seeded.id, seeded.body, "Sweden and Finland");
    const made = await json(await callRoute(r.clusters.POST, { method: "POST", path: "/api/clusters?project=csto", headers: as("alice"), body: { name: "Alice's cluster", claimIds: [a1] } }));
    expect(made.status).toBe(201);
    const id = made.body.cluster.id as string;
    await expectForbidden([
      () => callRoute(r.members.POST, { method: "POST", path: `/api/clusters/${id}/members`, params: { id }, headers: as("bob"), body: { claimId: a2 } }),
      () => callRoute(r.member.DELETE, { method: "DELETE", path: `/api/clusters/${id}/members/${a1}`, params: { id, claimId: a1 }, headers: as("bob") }),
      () => callRoute(r.cluster.DELETE, { method: "DELETE", path: `/api/clusters/${id}`, params: { id }, headers: as("bob") }),
    ]);
    expect((await callRoute(r.members.POST, { method: "POST", path: `/api/clusters/${id}/members`, params: { id }, headers: as("alice"), body: { claimId: a2 } })).status).toBe(201);
    expect((await callRoute(r.member.DELETE, { method: "DELETE", path: `/api/clusters/${id}/members/${a1}`, params: { id, claimId: a1 }, headers: as("alice") })).status).toBe(200);
    expect((await callRoute(r.cluster.DELETE, { method: "DELETE", path: `/api/clusters/${id}`, params: { id }, headers: as("alice") })).status).toBe(200);
  });

  it("a source's text is changed by its adder, or by any annotator while no one else's claims sit on it; its details by any annotator", async () => {
    const body = "The mission had 1,000 troops. Officials said it would leave soon.";
    const added = await json(await callRoute(r.sources.POST, { method: "POST", path: "/api/sources?project=csto", headers: as("alice"), body: { body, title: "Alice's source" } }));
    expect(added.status).toBe(201);
    const id = added.body.source.id as string;
    const patch = (who: keyof typeof cookies, input: Record<string, unknown>) => callRoute(r.source.PATCH, { method: "PATCH", path: `/api/sources/${id}`, params: { id }, headers: as(who), body: input });
    const version = async () => (await t.db.source.findUniqueOrThrow({ where: { id } })).version;

    await claim("alice", id, body, "1,000 troops");
    await expectForbidden([() => patch("bob", { version: 1, body: "The mission had 9,000 troops." })]);
    expect((await patch("bob", { version: await version(), title: "A better title" })).status).toBe(200);
    await claim("bob", id, body, "Officials said");
    expect((await patch("alice", { version: await version(), body: body.replace("1,000", "1,200") })).status).toBe(200);

    // A seeded source (nobody added it): its text is free while only your own claims sit on it.
    const s = await t.db.source.findFirstOrThrow({ where: { seedKey: { startsWith: "003" } } });
    const edited = `${s.body}\nA corrected last line.`;
    expect((await callRoute(r.source.PATCH, { method: "PATCH", path: `/api/sources/${s.id}`, params: { id: s.id }, headers: as("bob"), body: { version: s.version, body: edited } })).status).toBe(200);
    await claim("bob", s.id, edited, "A corrected last line");
    await expectForbidden([() => callRoute(r.source.PATCH, { method: "PATCH", path: `/api/sources/${s.id}`, params: { id: s.id }, headers: as("alice"), body: { version: s.version + 1, body: s.body } })]);
  });

  it("an import writes claims in the importer's name only; the file's author is kept in the history", async () => {
    const s = await t.db.source.findFirstOrThrow({ where: { seedKey: { startsWith: "004" } } });
    const exact = s.body.slice(10, 30);
    const doc = w3cDocument([claimItem({ id: "impalice", sourceId: s.id, start: 10, end: 30, exact, creator: "alice" })]);
    const response = await callRoute(r.importer.POST, { method: "POST", path: "/api/import?project=csto", headers: as("bob"), body: doc });
    expect(response.status).toBe(200);
    const row = await t.db.claim.findUniqueOrThrow({ where: { id: "impalice" }, include: { author: true } });
    expect(row.author.name).toBe("bob");
    const history = await t.db.history.findFirstOrThrow({ where: { claimId: "impalice", action: "imported" } });
    expect(history.after).toMatchObject({ fileAuthor: "alice" });
    const before = await databaseFingerprint(t.db);
    expect((await callRoute(r.importer.POST, { method: "POST", path: "/api/import?project=csto", body: doc })).status).toBe(401);
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it("a claim says what the reader may do with it, by the same rule the writes enforce", async () => {
    const id = await claim("alice", seeded.id, seeded.body, seeded.body.slice(seeded.body.indexOf(" ", 300) + 1, seeded.body.indexOf(" ", 300) + 30).trim());
    const rights = async (headers: Record<string, string>) =>
      (await (await callRoute(r.claim.GET, { method: "GET", path: `/api/claims/${id}`, params: { id }, headers })).json()).claim.viewer;
    expect(await rights(as("alice"))).toEqual({ mayChange: true, mayLink: true, reason: null });
    expect(await rights(as("bob"))).toEqual({ mayChange: false, mayLink: true, reason: "Only its author, alice, or a curator can change this claim. You can link it to other claims." });
    // Rewritten for projects: signed out, a claim of a project is not there to read at all (it
    // used to be read with "Sign in to change or link this claim.").
    const signedOut = await callRoute(r.claim.GET, { method: "GET", path: `/api/claims/${id}`, params: { id } });
    expect(signedOut.status).toBe(404);
    // And the write is refused as the rights said.
    const patched = await callRoute(r.claim.PATCH, { method: "PATCH", path: `/api/claims/${id}`, params: { id }, headers: as("bob"), body: { version: 1, kind: "OPINION" } });
    expect(patched.status).toBe(403);
    // Single-user mode: the one person at the keyboard, not signed in, may change everything.
    expect(await inSingleUserMode(() => rights({}))).toEqual({ mayChange: true, mayLink: true, reason: null });
  });
});
