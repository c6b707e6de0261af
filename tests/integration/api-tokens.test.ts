// Personal API tokens (issue 16 item 4): made, named, listed and revoked in a browser session;
// sent by scripts as Authorization: Bearer; stored hashed; a token that is malformed, unknown,
// expired or revoked is a 401 with a clear message and writes nothing. Since projects (commit
// 7f3f0d5) tokens exist in accounts mode only: single-user mode has no accounts and ignores the
// header (the request is the local researcher's, as every request there is).
import { createHash } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCorpus } from "@/lib/server/seed";
import { createApiTokenInput } from "@/lib/schemas";
import { expectEveryCaseRefused, malformedBodies } from "../helpers/malformed";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";
import { inSingleUserMode, useAccountsMode } from "../helpers/auth-mode";

type Routes = Record<string, RouteHandler>;

describe("API tokens", () => {
  useAccountsMode();
  let t: TestDatabase;
  let r: Record<"register" | "tokens" | "token" | "claims" | "me", Routes>;
  let source: { id: string; body: string };
  const cookies = { ana: "", bo: "" };

  beforeAll(async () => {
    t = await createTestDatabase("apitokens");
    await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
    useDatabaseForRoutes(t.url);
    const load = async (p: string) => (await import(p)) as unknown as Routes;
    r = {
      register: await load("@/app/api/auth/register/route"),
      tokens: await load("@/app/api/tokens/route"),
      token: await load("@/app/api/tokens/[id]/route"),
      claims: await load("@/app/api/claims/route"),
      me: await load("@/app/api/auth/me/route"),
    };
    for (const name of ["ana", "bo"] as const) {
      const response = await callRoute(r.register.POST, { method: "POST", path: "/api/auth/register", body: { name: `${name} tokens`, password: "correct horse battery" } });
      cookies[name] = response.headers.get("set-cookie")!.split(";")[0]!;
    }
    source = await t.db.source.findFirstOrThrow({ where: { seedKey: { startsWith: "003" } }, select: { id: true, body: true } });
  });
  afterAll(async () => t?.drop());

  const json = async (response: Response) => ({ status: response.status, body: await response.json() });
  const make = (who: keyof typeof cookies, body: unknown) =>
    callRoute(r.tokens.POST, { method: "POST", path: "/api/tokens", headers: { cookie: cookies[who] }, body }).then(json);
  const list = (who: keyof typeof cookies) =>
    callRoute(r.tokens.GET, { method: "GET", path: "/api/tokens", headers: { cookie: cookies[who] } }).then(json);
  const revoke = (who: keyof typeof cookies, id: string) =>
    callRoute(r.token.DELETE, { method: "DELETE", path: `/api/tokens/${id}`, params: { id }, headers: { cookie: cookies[who] } }).then(json);
  let phraseAt = 0;
  /** A claim on a fresh sentence of the source, made with these headers. */
  function createClaim(headers: Record<string, string>) {
    const start = source.body.indexOf(" ", phraseAt + 40) + 1;
    phraseAt = start;
    return callRoute(r.claims.POST, { method: "POST", path: "/api/claims", headers, body: { sourceId: source.id, start, end: start + 20, kind: "FACT" } }).then(json);
  }

  it("a token is shown once, kept as its SHA-256 only, and acts as its researcher in accounts mode", async () => {
    const made = await make("ana", { name: "nightly import", expiresInDays: 30 });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^cpt_[A-Za-z0-9_-]{43}$/);
    expect(made.body).toMatchObject({ name: "nightly import", state: "active", prefix: made.body.token.slice(0, 8), lastUsedAt: null });
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: made.body.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(made.body.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(made.body.token);

    const created = await createClaim({ authorization: `Bearer ${made.body.token}` });
    expect(created.status).toBe(201);
    expect(created.body.claim.authorName).toBe("ana tokens");
    const me = await json(await callRoute(r.me.GET, { method: "GET", path: "/api/auth/me", headers: { authorization: `Bearer ${made.body.token}` } }));
    expect(me.body.user.name).toBe("ana tokens");
    const listed = await list("ana");
    expect(listed.body.tokens.find((x: { id: string }) => x.id === made.body.id).lastUsedAt).not.toBeNull();
    // The list never carries a secret.
    expect(JSON.stringify(listed.body)).not.toContain(made.body.token);
  });

  it("a revoked token is refused at once, with the reason, and writes nothing", async () => {
    const made = await make("ana", { name: "to revoke", expiresInDays: null });
    expect((await createClaim({ authorization: `Bearer ${made.body.token}` })).status).toBe(201);
    const revoked = await revoke("ana", made.body.id);
    expect(revoked).toMatchObject({ status: 200, body: { state: "revoked" } });
    const before = await databaseFingerprint(t.db);
    const refused = await createClaim({ authorization: `Bearer ${made.body.token}` });
    expect(refused).toEqual({ status: 401, body: { error: { message: "This API token was revoked" } } });
    expect(await databaseFingerprint(t.db)).toEqual(before);
    expect(await revoke("ana", made.body.id)).toMatchObject({ status: 409, body: { error: { message: "This token is revoked already" } } });
  });

  it("a malformed or unknown token is a 401 with the reason, never a write as anyone", async () => {
    const before = await databaseFingerprint(t.db);
    const cases: [string, string][] = [
      ["Basic YW5hOnB3", 'The Authorization header must be "Bearer <token>"'],
      ["Bearer", 'The Authorization header must be "Bearer <token>"'],
      ["Bearer not-a-token", "That is not an API token of this app (they start with cpt_)"],
      [`Bearer cpt_${"A".repeat(43)}`, "Unknown API token"],
      [`Bearer cpt_${"A".repeat(44)}`, "That is not an API token of this app (they start with cpt_)"],
    ];
    for (const [authorization, message] of cases) {
      expect(await createClaim({ authorization })).toEqual({ status: 401, body: { error: { message } } });
    }
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  // Rewritten for projects: single-user mode used to answer a bad token with 401 as well; it now
  // has no accounts, so the header names nobody and the request is the local researcher's.
  it("single-user mode has no tokens: the header is ignored, tokens cannot be made, and a write is the local researcher's", async () => {
    await inSingleUserMode(async () => {
      const made = await json(await callRoute(r.tokens.POST, { method: "POST", path: "/api/tokens", headers: { cookie: cookies.ana }, body: { name: "single", expiresInDays: 1 } }));
      expect(made.status).toBe(404);
      expect(made.body.error.message).toMatch(/single-user mode/);
      const written = await createClaim({ authorization: "Bearer not-a-token" });
      expect(written.status).toBe(201);
      expect(written.body.claim.authorName).toBe("researcher");
    });
    expect(await t.db.apiToken.count({ where: { name: "single" } })).toBe(0);
  });

  it("an expired token is refused", async () => {
    const made = await make("bo", { name: "short lived", expiresInDays: 1 });
    await t.db.$executeRaw`UPDATE "ApiToken" SET "createdAt" = now() - interval '3 days', "expiresAt" = now() - interval '1 day' WHERE "id" = ${made.body.id}`;
    expect(await createClaim({ authorization: `Bearer ${made.body.token}` })).toEqual({ status: 401, body: { error: { message: "This API token has expired" } } });
    expect((await list("bo")).body.tokens.find((x: { id: string }) => x.id === made.body.id).state).toBe("expired");
  });

  it("tokens are managed in a browser session only, each researcher their own", async () => {
    const made = await make("bo", { name: "bo's script", expiresInDays: 7 });
    // A token cannot make more tokens, list them or revoke itself.
    const bearer = { authorization: `Bearer ${made.body.token}` };
    expect((await json(await callRoute(r.tokens.POST, { method: "POST", path: "/api/tokens", headers: bearer, body: { name: "more", expiresInDays: null } }))).status).toBe(403);
    expect((await json(await callRoute(r.tokens.GET, { method: "GET", path: "/api/tokens", headers: bearer }))).status).toBe(403);
    // Ana neither sees nor revokes Bo's token: to her it does not exist.
    expect((await list("ana")).body.tokens.map((x: { name: string }) => x.name)).not.toContain("bo's script");
    expect(await revoke("ana", made.body.id)).toEqual({ status: 404, body: { error: { message: `Token ${made.body.id} does not exist` } } });
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: made.body.id } })).revokedAt).toBeNull();
    // Without a session: 401.
    expect((await json(await callRoute(r.tokens.GET, { method: "GET", path: "/api/tokens" }))).status).toBe(401);
  });

  it("refuses bad input with 400 and a name already live with 409; a revoked token's name may be reused", async () => {
    const before = await databaseFingerprint(t.db);
    for (const [body, message] of [
      [{ name: "", expiresInDays: 1 }, "name: name must not be empty"],
      [{ name: "x".repeat(101), expiresInDays: 1 }, "name: is too long"],
      [{ name: "ok", expiresInDays: 0 }, "expiresInDays: must be at least 1"],
      [{ name: "ok", expiresInDays: 1.5 }, "expiresInDays: must be whole days"],
      [{ name: "ok", expiresInDays: 400 }, "expiresInDays: must be at most 366"],
      [{ name: "ok" }, "expiresInDays: is required"],
      [{ name: "ok", expiresInDays: "3" }, "expiresInDays: must be a number of days or null"],
      [{ name: "ok", expiresInDays: 1, userId: "someone" }, "Unknown field: userId"],
    ] as const) {
      const answer = await make("ana", body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.message).toBe(message);
    }
    expect(await databaseFingerprint(t.db)).toEqual(before);
    const first = await make("ana", { name: "ci", expiresInDays: null });
    expect(first.status).toBe(201);
    expect(await make("ana", { name: "ci", expiresInDays: 5 })).toMatchObject({ status: 409, body: { error: { message: 'You already have a token named "ci": revoke it or choose another name' } } });
    await revoke("ana", first.body.id);
    expect((await make("ana", { name: "ci", expiresInDays: 5 })).status).toBe(201);
  });

  it("two makers of one name at once: exactly one token", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => make("bo", { name: "raced", expiresInDays: null })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(19);
    expect(await t.db.apiToken.count({ where: { name: "raced", revokedAt: null } })).toBe(1);
  });

  it("200 malformed token requests and 40 odd Authorization headers: each a 4xx with a message, nothing written", async () => {
    const cases = malformedBodies({ name: "fuzzed", expiresInDays: 30 }, 210, 91).filter((c) => {
      try {
        return !createApiTokenInput.safeParse(JSON.parse(c.rawBody)).success;
      } catch {
        return true;
      }
    });
    expect(cases.length).toBeGreaterThanOrEqual(200);
    await expectEveryCaseRefused(t.db, r.tokens.POST, { method: "POST", path: "/api/tokens", headers: { cookie: cookies.ana } }, cases);
    const before = await databaseFingerprint(t.db);
    const answers: { what: string; status: number; message: unknown }[] = [];
    for (const id of ["nope", "x".repeat(70), "' OR 1=1 --"]) {
      const response = await callRoute(r.token.DELETE, { method: "DELETE", path: `/api/tokens/${encodeURIComponent(id)}`, params: { id }, headers: { cookie: cookies.ana } });
      answers.push({ what: `revoke ${id.slice(0, 20)}`, status: response.status, message: (await response.json()).error?.message });
    }
    const headers = ["", " ", "Bearer ", "bearer  ", "Token abc", "Bearer cpt_", `Bearer cpt_${"é".repeat(43)}`, `Bearer cpt_${"A".repeat(42)}`, `Bearer cpt_${"A".repeat(10_000)}`, "Bearer cpt_ cpt_", "Bearer ' OR 1=1 --"];
    const unknownTokens = Array.from({ length: 29 }, (_, k) => `Bearer cpt_${Buffer.from(`fuzz ${k}`).toString("base64url").padEnd(43, "x").slice(0, 43)}`);
    for (const authorization of [...headers, ...unknownTokens]) {
      const response = await callRoute(r.claims.POST, { method: "POST", path: "/api/claims", headers: { authorization }, body: { sourceId: source.id, start: 10, end: 30, kind: "FACT" } });
      answers.push({ what: authorization.slice(0, 30), status: response.status, message: (await response.json()).error?.message });
    }
    expect(answers.filter((a) => a.status < 400 || a.status >= 500 || typeof a.message !== "string" || !a.message)).toEqual([]);
    expect(answers).toHaveLength(43);
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });
});
