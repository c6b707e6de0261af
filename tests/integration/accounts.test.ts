// Accounts (issue 12 item 4): atomic registration that never adopts an existing researcher,
// names compared after NFKC and case folding, look-alikes refused, limits kept in PostgreSQL and
// applied before bcrypt, password rules, and sessions ended on a password change.
import path from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb } from "@/lib/server/db";
import { nameKey } from "@/lib/names";
import { countAttempt } from "@/lib/server/rate-limit";
import { seedCorpus } from "@/lib/server/seed";
import { ensureUser } from "@/lib/server/users";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";
import { inSingleUserMode, useAccountsMode } from "../helpers/auth-mode";
import { claimItem, w3cDocument } from "../helpers/w3c-doc";

type Routes = Record<string, RouteHandler>;
const GOOD = "correct horse battery";

describe("accounts", () => {
  useAccountsMode();
  let t: TestDatabase;
  let r: { register: Routes; login: Routes; me: Routes; password: Routes; importer: Routes };

  beforeAll(async () => {
    t = await createTestDatabase("accounts");
    await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
    useDatabaseForRoutes(t.url);
    const load = async (p: string) => (await import(p)) as unknown as Routes;
    r = {
      register: await load("@/app/api/auth/register/route"),
      login: await load("@/app/api/auth/login/route"),
      me: await load("@/app/api/auth/me/route"),
      password: await load("@/app/api/auth/password/route"),
      importer: await load("@/app/api/import/route"),
    };
  });
  afterAll(async () => t?.drop());

  const register = (name: string, password = GOOD, headers: Record<string, string> = {}) =>
    callRoute(r.register.POST, { method: "POST", path: "/api/auth/register", body: { name, password }, headers });
  const login = (name: string, password = GOOD, headers: Record<string, string> = {}) =>
    callRoute(r.login.POST, { method: "POST", path: "/api/auth/login", body: { name, password }, headers });
  const cookieOf = (response: Response) => response.headers.get("set-cookie")?.split(";")[0] ?? "";
  const me = async (cookie: string) => (await (await callRoute(r.me.GET, { method: "GET", path: "/api/auth/me", headers: { cookie } })).json()).user;
  const message = async (response: Response) => (await response.json()).error.message as string;

  it("two registrations of one new name at once: one account, one session, the other told the name is taken", async () => {
    const responses = await Promise.all([register("Zoe Race", "first password here"), register("zoe race", "second password here")]);
    expect(responses.map((x) => x.status).sort()).toEqual([201, 409]);
    const users = await t.db.user.findMany({ where: { nameKey: "zoe race" }, include: { sessions: true } });
    expect(users).toHaveLength(1);
    expect(users[0]!.sessions).toHaveLength(1);
  });

  // A database used in single-user mode, then opened to a team: its local researcher and the
  // authors of a file imported then exist without passwords.
  it("never takes over a researcher without a password: the local researcher or an imported author", async () => {
    await ensureUser(t.db, "researcher");
    const source = await t.db.source.findFirstOrThrow({ where: { seedKey: { startsWith: "002" } } });
    const doc = w3cDocument([claimItem({ id: "acc1", sourceId: source.id, start: 0, end: 3, exact: source.body.slice(0, 3), creator: "Imported Author" })]);
    const imported = await inSingleUserMode(() => callRoute(r.importer.POST, { method: "POST", path: "/api/import?project=csto", body: doc }));
    expect(imported.status).toBe(200);

    const before = await databaseFingerprint(t.db);
    for (const name of ["researcher", "RESEARCHER", "ｒｅｓｅａｒｃｈｅｒ", "Imported Author", "imported  author"]) {
      const response = await register(name);
      expect(response.status, name).toBe(409);
      expect(await message(response)).toMatch(/is taken/);
    }
    expect(await databaseFingerprint(t.db)).toBe(before);
    const users = await t.db.user.findMany({ where: { nameKey: { in: ["researcher", "imported author"] } } });
    expect(users.map((u) => u.passwordHash)).toEqual([null, null]);
  });

  it("compares names case-insensitively after NFKC, and refuses names mixing scripts", async () => {
    expect((await register("Ada Lovelace")).status).toBe(201);
    expect((await register("ADA LOVELACE")).status).toBe(409);
    expect((await register("Ａｄａ Lovelace")).status).toBe(409);
    expect((await login("ada lovelace")).status).toBe(200);
    const lookalike = await register("Аda Lovelace"); // the first letter is Cyrillic
    expect(lookalike.status).toBe(400);
    expect(await message(lookalike)).toMatch(/mixes letters of Cyrillic and Latin/);
    expect((await register("Мария Иванова")).status).toBe(201);
  });

  it("refuses short and common passwords; long passphrases count past bcrypt's 72 bytes", async () => {
    const short = await register("Pat Short", "nine char");
    expect(short.status).toBe(400);
    expect(await message(short)).toBe("password: must be at least 10 characters");
    for (const common of ["password123", "qwertyuiop", "1234567890"]) {
      const response = await register("Pat Common", common);
      expect(response.status).toBe(400);
      expect(await message(response)).toMatch(/most common passwords/);
    }
    const long = "ü".repeat(40) + " the end that bcrypt alone would never read";
    expect((await register("Pat Long", long)).status).toBe(201);
    expect((await login("Pat Long", long)).status).toBe(200);
    expect((await login("Pat Long", "ü".repeat(40) + " a different ending altogether!!")).status).toBe(401);
  });

  it("still signs in with a hash made before the pre-hash", async () => {
    await t.db.user.create({ data: { name: "Old Timer", nameKey: nameKey("Old Timer"), passwordHash: await bcrypt.hash("an old password", 4) } });
    expect((await login("Old Timer", "an old password")).status).toBe(200);
    expect((await login("Old Timer", "not the password")).status).toBe(401);
  });

  it("answers 429 with Retry-After once a name has had its tries, without running bcrypt", async () => {
    expect((await register("Flooded Name")).status).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await login("Flooded Name", `wrong password ${i}`)).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const compare = vi.spyOn(bcrypt, "compare");
    const hash = vi.spyOn(bcrypt, "hash");
    try {
      const refused = await login("flooded name", GOOD);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await message(refused)).toMatch(/Too many attempts/);
      expect(compare).not.toHaveBeenCalled();
      expect(hash).not.toHaveBeenCalled();
    } finally {
      compare.mockRestore();
      hash.mockRestore();
    }
  });

  // 51 sign-ins each pay a real bcrypt comparison (about 0.2 s of one core in bcryptjs): 10 s on a
  // quiet machine, over 60 s beside the end-to-end suite at load 15, where it once ran out of time.
  it("limits one address across names", { timeout: 240_000 }, async () => {
    const from = { "x-forwarded-for": "203.0.113.7" };
    const statuses: number[] = [];
    for (let i = 0; i < 51; i++) statuses.push((await login(`Nobody ${i}`, "whatever password", from)).status);
    expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
    expect(statuses[50]).toBe(429);
    expect((await login("Nobody else", "whatever password", { "x-forwarded-for": "203.0.113.8" })).status).toBe(401);
  });

  it("counts attempts in the database, exactly, across clients (several app processes)", async () => {
    const [a, b] = [createDb(t.url), createDb(t.url)];
    try {
      const limit = [{ key: "test:shared", max: 10, windowSeconds: 600 }];
      const waits = await Promise.all(Array.from({ length: 24 }, (_, i) => countAttempt(i % 2 ? a : b, limit)));
      expect(waits.filter((w) => w === null)).toHaveLength(10);
      expect(waits.filter((w) => w !== null && w > 0)).toHaveLength(14);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
  });

  it("a password change ends the researcher's other sessions and keeps this one", async () => {
    const here = cookieOf(await register("Chris Change"));
    const elsewhere = cookieOf(await login("Chris Change"));
    expect((await me(elsewhere)).name).toBe("Chris Change");
    const send = (cookie: string, body: unknown) => callRoute(r.password.POST, { method: "POST", path: "/api/auth/password", headers: { cookie }, body });

    const before = await databaseFingerprint(t.db);
    expect((await send(here, { currentPassword: "not my password", newPassword: "a brand new password" })).status).toBe(401);
    expect((await send(here, { currentPassword: GOOD, newPassword: "qwertyuiop" })).status).toBe(400);
    expect((await send("", { currentPassword: GOOD, newPassword: "a brand new password" })).status).toBe(401);
    expect(await databaseFingerprint(t.db)).toBe(before);

    expect((await send(here, { currentPassword: GOOD, newPassword: "a brand new password" })).status).toBe(200);
    expect(await me(elsewhere)).toBeNull();
    expect((await me(here)).name).toBe("Chris Change");
    expect((await login("Chris Change")).status).toBe(401);
    expect((await login("Chris Change", "a brand new password")).status).toBe(200);
  });

  it("purges expired sessions when someone signs in", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { nameKey: "ada lovelace" } });
    await t.db.session.create({ data: { id: "expired-session", userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    expect((await login("Ada Lovelace")).status).toBe(200);
    expect(await t.db.session.count({ where: { id: "expired-session" } })).toBe(0);
  });
});
