// Dismissed suggestions through the real routes: kept per researcher in the database, so they
// follow a researcher to any browser and never hide a suggestion from a colleague. In accounts
// mode: since projects (commit 7f3f0d5) single-user mode has no accounts, so "a colleague" is a
// second registered researcher (both members of the seeded project).
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, registerUser, SESSION_COOKIE } from "@/lib/server/auth";
import { createClaim } from "@/lib/server/claims";
import { seedCorpus } from "@/lib/server/seed";
import { createSource } from "@/lib/server/source-edit";
import type { Actor } from "@/lib/server/users";
import { useAccountsMode } from "../helpers/auth-mode";
import { CSTO, member } from "../helpers/members";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";

let t: TestDatabase;
let routes: { dismissals: Record<string, RouteHandler>; suggestions: Record<string, RouteHandler>; contradictions: Record<string, RouteHandler> };
let sourceId: string;
let researcher: Actor;
let researcherCookie: string;
let colleagueCookie: string;
const load = async (p: string) => (await import(p)) as unknown as Record<string, RouteHandler>;

interface Flagged { start: number; end: number; quote: string; key: string; dismissed: boolean }

async function json(response: Response) {
  return { status: response.status, body: await response.json() };
}
const suggestionsFor = async (cookie = researcherCookie) =>
  (await json(await callRoute(routes.suggestions.GET, { method: "GET", path: `/api/sources/${sourceId}/suggestions`, params: { id: sourceId }, headers: { cookie } }))).body.suggestions as Flagged[];
const change = async (method: "POST" | "DELETE", keys: unknown, cookie = researcherCookie) =>
  json(await callRoute(routes.dismissals[method]!, { method, path: "/api/dismissals", body: { keys }, headers: { cookie } }));

useAccountsMode();

beforeAll(async () => {
  t = await createTestDatabase("dismissals");
  await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
  sourceId = (await t.db.source.findUniqueOrThrow({ where: { seedKey: "001_368f92058b86ed85.txt" } })).id;
  // The first to register owns the seeded project; the colleague is made an annotator of it.
  researcher = await registerUser(t.db, { action: "register", name: "researcher", address: null }, "a long enough password");
  researcherCookie = `${SESSION_COOKIE}=${(await createSession(t.db, researcher.id)).token}`;
  const colleague = await registerUser(t.db, { action: "register", name: "Colleague", address: null }, "a long enough password");
  await member(t.db, "Colleague");
  colleagueCookie = `${SESSION_COOKIE}=${(await createSession(t.db, colleague.id)).token}`;
  useDatabaseForRoutes(t.url);
  routes = {
    dismissals: await load("@/app/api/dismissals/route"),
    suggestions: await load("@/app/api/sources/[id]/suggestions/route"),
    contradictions: await load("@/app/api/contradictions/route"),
  };
});
afterAll(async () => t?.drop());

describe("dismissing a sentence offered as a claim", () => {
  it("hides it for the researcher who dismissed it, in any browser, not for a colleague; it can be shown again", async () => {
    const offered = await suggestionsFor();
    expect(offered.length).toBeGreaterThan(3);
    expect(offered.every((s) => !s.dismissed)).toBe(true);
    const [first, second] = offered;
    const key = (s: Flagged) => `suggestion:${sourceId}:${s.start}:${s.end}`;

    expect(await change("POST", [key(first!), key(second!)])).toEqual({ status: 200, body: { dismissed: 2 } });
    expect(await change("POST", [key(first!)])).toEqual({ status: 200, body: { dismissed: 0 } }); // twice is no change
    const mine = await suggestionsFor();
    expect(mine.filter((s) => s.dismissed).map((s) => s.quote)).toEqual([first!.quote, second!.quote]);
    expect((await suggestionsFor(colleagueCookie)).every((s) => !s.dismissed)).toBe(true);

    expect(await change("DELETE", [key(second!)])).toEqual({ status: 200, body: { restored: 1 } });
    expect((await suggestionsFor()).filter((s) => s.dismissed).map((s) => s.quote)).toEqual([first!.quote]);
    const rows = await t.db.dismissal.findMany({ include: { user: { select: { name: true } } } });
    expect(rows.map((r) => [r.user.name, r.key])).toEqual([["researcher", key(first!)]]);
  });
});

describe("dismissing a suggested contradiction", () => {
  it("hides the pair for that researcher only", async () => {
    const author = researcher;
    const texts = ["The mission numbered 2,000 troops in Almaty.", "The mission numbered 7,000 troops in Almaty."];
    const claims: { sourceId: string }[] = [];
    for (const body of texts) {
      const source = await createSource(t.db, author, CSTO, { body });
      claims.push(await createClaim(t.db, author, { sourceId: source.source.id, start: 0, end: body.length, kind: "FACT" }));
    }
    const get = async (cookie = researcherCookie) => {
      const response = await callRoute(routes.contradictions.GET, { method: "GET", path: `/api/contradictions?sourceIds=${claims.map((c) => c.sourceId).join(",")}`, headers: { cookie } });
      return (await response.json()).suggestions as Flagged[];
    };
    const [pair] = await get();
    expect(pair).toMatchObject({ dismissed: false });
    expect((await change("POST", [`contradiction:${pair!.key}`])).status).toBe(200);
    expect((await get())[0]).toMatchObject({ key: pair!.key, dismissed: true });
    expect((await get(colleagueCookie))[0]).toMatchObject({ key: pair!.key, dismissed: false });
  });
});

describe("refused dismissals", () => {
  it("answers 400 for malformed keys and 404 for claims or sources that do not exist, writing nothing", async () => {
    const before = await databaseFingerprint(t.db);
    const cases: [unknown, number, string][] = [
      [[], 400, "keys: "],
      [["claim:x"], 400, "must be contradiction:<claim id>|<claim id> or suggestion:<source id>:<start>:<end>"],
      [[`suggestion:${sourceId}:1`], 400, "must be contradiction"],
      [["contradiction:abc|' OR 1=1 --"], 400, "must be contradiction"],
      [Array.from({ length: 501 }, (_, i) => `suggestion:${sourceId}:${i}:${i + 1}`), 400, "keys: "],
      [["contradiction:nosuchclaim|nosuchclaim2"], 404, "Claim nosuchclaim does not exist or was deleted"],
      [["suggestion:nosuchsource:0:10"], 404, "Source nosuchsource does not exist"],
    ];
    for (const [keys, status, message] of cases) {
      const answer = await change("POST", keys);
      expect(answer.status, JSON.stringify(keys).slice(0, 80)).toBe(status);
      expect(answer.body.error.message).toContain(message);
    }
    expect(await databaseFingerprint(t.db)).toBe(before);
  });
});
