import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCorpus } from "@/lib/server/seed";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";
import { inSingleUserMode, useAccountsMode } from "../helpers/auth-mode";
import { CSTO, member } from "../helpers/members";

type Routes = Record<string, RouteHandler>;

// Accounts exist in accounts mode only (single-user mode has none since projects, commit 7f3f0d5).
describe("researchers: accounts, sessions and who may change what", () => {
  useAccountsMode();
  let t: TestDatabase;
  let r: { register: Routes; login: Routes; logout: Routes; me: Routes; claims: Routes; claim: Routes; links: Routes; link: Routes };
  let sourceId = "";
  let body = "";

  beforeAll(async () => {
    t = await createTestDatabase("auth");
    await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
    const source = await t.db.source.findUniqueOrThrow({ where: { seedKey: "004_438cc6c4c90e1221.txt" } });
    sourceId = source.id;
    body = source.body;
    useDatabaseForRoutes(t.url);
    const load = async (p: string) => (await import(p)) as unknown as Routes;
    r = {
      register: await load("@/app/api/auth/register/route"),
      login: await load("@/app/api/auth/login/route"),
      logout: await load("@/app/api/auth/logout/route"),
      me: await load("@/app/api/auth/me/route"),
      claims: await load("@/app/api/claims/route"),
      claim: await load("@/app/api/claims/[id]/route"),
      links: await load("@/app/api/links/route"),
      link: await load("@/app/api/links/[id]/route"),
    };
  });
  afterAll(async () => t?.drop());

  const cookieOf = (response: Response) => response.headers.get("set-cookie")?.split(";")[0] ?? "";

  /** A new account, made an annotator of the seeded project (the first to register owns it). */
  async function signUp(name: string) {
    const response = await callRoute(r.register.POST, { method: "POST", path: "/api/auth/register", body: { name, password: "correct horse battery" } });
    expect(response.status).toBe(201);
    await member(t.db, name);
    return cookieOf(response);
  }

  async function claimAs(cookie: string, phrase: string) {
    const start = body.indexOf(phrase);
    const response = await callRoute(r.claims.POST, { method: "POST", path: "/api/claims", headers: { cookie }, body: { sourceId, start, end: start + phrase.length, kind: "FACT" } });
    expect(response.status).toBe(201);
    return (await response.json()).claim as { id: string; version: number; authorName: string };
  }

  it("registers with a hashed password and an HTTP-only same-site session cookie", async () => {
    const response = await callRoute(r.register.POST, { method: "POST", path: "/api/auth/register", body: { name: "Alice", password: "correct horse battery" } });
    expect(response.status).toBe(201);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^cp_session=[\w-]{40,}/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    const stored = await t.db.user.findUniqueOrThrow({ where: { name: "Alice" } });
    // bcrypt of the password's SHA-256, so passphrases past bcrypt's 72 bytes count in full.
    expect(stored.passwordHash).toMatch(/^sha256:\$2[aby]\$/);
    expect(stored.passwordHash).not.toContain("correct horse");
    const session = await t.db.session.findFirstOrThrow({ where: { userId: stored.id } });
    expect(setCookie).not.toContain(session.id);

    const me = await (await callRoute(r.me.GET, { method: "GET", path: "/api/auth/me", headers: { cookie: cookieOf(response) } })).json();
    expect(me.user.name).toBe("Alice");
    // The first researcher to register owns the seeded project, which had no owner.
    expect(await t.db.projectMember.findMany({ where: { projectId: CSTO }, select: { userId: true, role: true } })).toEqual([{ userId: stored.id, role: "OWNER" }]);
  });

  it("refuses a taken name, a wrong password and short passwords with clear messages", async () => {
    const before = await databaseFingerprint(t.db);
    const taken = await callRoute(r.register.POST, { method: "POST", path: "/api/auth/register", body: { name: "Alice", password: "another password" } });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.message).toMatch(/taken/);
    const wrong = await callRoute(r.login.POST, { method: "POST", path: "/api/auth/login", body: { name: "Alice", password: "not her password" } });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.message).toBe("Wrong name or password");
    const short = await callRoute(r.register.POST, { method: "POST", path: "/api/auth/register", body: { name: "Bob", password: "short" } });
    expect(short.status).toBe(400);
    expect((await short.json()).error.message).toMatch(/password: must be at least 10/);
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it("only a claim's author may change or delete it; others get 403 and nothing changes", async () => {
    const login = await callRoute(r.login.POST, { method: "POST", path: "/api/auth/login", body: { name: "Alice", password: "correct horse battery" } });
    expect(login.status).toBe(200);
    const alice = cookieOf(login);
    const bob = await signUp("Bob");
    const claim = await claimAs(alice, "under 4000 personnel");
    expect(claim.authorName).toBe("Alice");

    const before = await databaseFingerprint(t.db);
    const patch = await callRoute(r.claim.PATCH, { method: "PATCH", path: `/api/claims/${claim.id}`, params: { id: claim.id }, headers: { cookie: bob }, body: { version: claim.version, kind: "OPINION" } });
    expect(patch.status).toBe(403);
    expect((await patch.json()).error.message).toMatch(/belongs to Alice/);
    const del = await callRoute(r.claim.DELETE, { method: "DELETE", path: `/api/claims/${claim.id}`, params: { id: claim.id }, headers: { cookie: bob } });
    expect(del.status).toBe(403);
    expect(await databaseFingerprint(t.db)).toBe(before);

    const own = await callRoute(r.claim.PATCH, { method: "PATCH", path: `/api/claims/${claim.id}`, params: { id: claim.id }, headers: { cookie: alice }, body: { version: claim.version, note: "Alice's own note" } });
    expect(own.status).toBe(200);
  });

  it("a link is removed only by whoever made it or by an author of its claims", async () => {
    const erin = await signUp("Erin");
    const frank = await signUp("Frank");
    const grace = await signUp("Grace");
    const a = await claimAs(erin, "Tajikistan and Kyrgyzstan");
    const b = await claimAs(frank, "Lachin Corridor");
    const made = await callRoute(r.links.POST, { method: "POST", path: "/api/links", headers: { cookie: grace }, body: { fromId: a.id, toId: b.id, relation: "SUPPORTS" } });
    expect(made.status).toBe(201);
    const linkId = (await made.json()).link.id;
    const outsider = await signUp("Heidi");
    const before = await databaseFingerprint(t.db);
    const refused = await callRoute(r.link.DELETE, { method: "DELETE", path: `/api/links/${linkId}`, params: { id: linkId }, headers: { cookie: outsider } });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/made by Grace/);
    expect(await databaseFingerprint(t.db)).toBe(before);
    const byClaimAuthor = await callRoute(r.link.DELETE, { method: "DELETE", path: `/api/links/${linkId}`, params: { id: linkId }, headers: { cookie: frank } });
    expect(byClaimAuthor.status).toBe(200);
    expect(await t.db.claimLink.count({ where: { id: linkId } })).toBe(0);
  });

  it("two clients editing the same claim: the second gets a conflict and the first edit stands", async () => {
    const carol = await signUp("Carol");
    const claim = await claimAs(carol, "deployed its troops to Kazakhstan");
    const send = (note: string) => callRoute(r.claim.PATCH, { method: "PATCH", path: `/api/claims/${claim.id}`, params: { id: claim.id }, headers: { cookie: carol }, body: { version: claim.version, note } });
    const [first, second] = await Promise.all([send("first tab"), send("second tab")]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = first.status === 200 ? "first tab" : "second tab";
    const loser = first.status === 409 ? first : second;
    expect((await loser.json()).error.message).toMatch(/changed by someone else/);
    const saved = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(saved.note).toBe(winner);
    expect(saved.version).toBe(claim.version + 1);
  });

  it("in accounts mode a write without a session is refused with 401", async () => {
    const before = await databaseFingerprint(t.db);
    const start = body.indexOf("Lachin");
    const response = await callRoute(r.claims.POST, { method: "POST", path: "/api/claims", body: { sourceId, start, end: start + 6, kind: "FACT" } });
    expect(response.status).toBe(401);
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it("single-user mode has no accounts: registering and signing in answer 404 and write nothing", async () => {
    const alice = cookieOf(await callRoute(r.login.POST, { method: "POST", path: "/api/auth/login", body: { name: "Alice", password: "correct horse battery" } }));
    expect(alice).toMatch(/^cp_session=/);
    const before = await databaseFingerprint(t.db);
    await inSingleUserMode(async () => {
      for (const [handler, path] of [[r.register.POST, "/api/auth/register"], [r.login.POST, "/api/auth/login"]] as const) {
        const response = await callRoute(handler, { method: "POST", path, body: { name: "Nina Single", password: "correct horse battery" } });
        expect(response.status, path).toBe(404);
        expect((await response.json()).error.message).toMatch(/single-user mode/);
      }
      // A session cookie of accounts mode names nobody there.
      const me = await (await callRoute(r.me.GET, { method: "GET", path: "/api/auth/me", headers: { cookie: alice } })).json();
      expect(me).toEqual({ user: null, mode: "single", localResearcher: "researcher" });
    });
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it("signing out ends the session", async () => {
    const dave = await signUp("Dave");
    const out = await callRoute(r.logout.POST, { method: "POST", path: "/api/auth/logout", headers: { cookie: dave } });
    expect(out.status).toBe(200);
    const me = await (await callRoute(r.me.GET, { method: "GET", path: "/api/auth/me", headers: { cookie: dave } })).json();
    expect(me.user).toBeNull();
  });
});
