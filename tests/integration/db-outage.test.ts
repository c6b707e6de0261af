// Issue 12 item 1: the app kept hanging after its database connections died. Writes run through
// the real route handlers, over a TCP relay to the test database, while the connections are
// killed mid-transaction, and while the database is away altogether.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim } from "@/lib/server/claims";
import { seedCorpus } from "@/lib/server/seed";
import { member } from "../helpers/members";
import { controlBackends, type BackendControl } from "../helpers/app-backends";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { within as withinMs } from "../helpers/within";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy";
import { SERVER_URL, createTestDatabase, type TestDatabase } from "../helpers/testdb";
import * as claimsRoute from "@/app/api/claims/route";
import * as claimRoute from "@/app/api/claims/[id]/route";
import * as clustersRoute from "@/app/api/clusters/route";
import * as linksRoute from "@/app/api/links/route";

const RECOVERY_MS = 5_000;
const ROUNDS = 20;
const BURST = 12;

const within = <T>(what: string, promise: Promise<T>) => withinMs(what, promise, RECOVERY_MS);

describe("losing the database's connections", () => {
  let t: TestDatabase;
  let proxy: TcpProxy;
  let backends: BackendControl;
  let sourceId: string;
  let words: { start: number; end: number }[];
  let spare: string[];
  let nextWord = 0;

  beforeAll(async () => {
    t = await createTestDatabase("outage");
    await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
    const source = await t.db.source.findUniqueOrThrow({ where: { seedKey: "002_98b48e446e185cb4.txt" } });
    sourceId = source.id;
    words = [...source.body.matchAll(/[A-Za-z]{3,}/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
    // Claims for the burst's links and notes, made beforehand on the direct connection.
    const actor = await member(t.db, "researcher");
    spare = [];
    for (let i = 0; i < ROUNDS * 4; i++) spare.push((await createClaim(t.db, actor, { sourceId, ...words[nextWord++], kind: "FACT" })).id);
    await t.db.$disconnect();
    const server = new URL(SERVER_URL);
    proxy = await startTcpProxy(server.hostname, Number(server.port || 5432));
    const url = new URL(t.url);
    url.host = `127.0.0.1:${proxy.port}`;
    useDatabaseForRoutes(url.toString());
    backends = await controlBackends(SERVER_URL, url.pathname.slice(1));
  }, 60_000);

  afterAll(async () => {
    await backends?.close();
    await proxy?.close();
    await t?.drop();
  });

  const markWord = () => callRoute(claimsRoute.POST as RouteHandler, { method: "POST", path: "/api/claims", body: { sourceId, ...words[nextWord++], kind: "OPINION" } });

  /** A mix of single-statement writes and transactions; each touches rows no other request touches. */
  function burst(round: number): Promise<Response>[] {
    const [a, b, c, d] = spare.slice(round * 4, round * 4 + 4);
    return Array.from({ length: BURST }, (_, i) => {
      switch (i % 4) {
        case 0: return markWord();
        case 1: return callRoute(clustersRoute.POST as RouteHandler, { method: "POST", path: "/api/clusters?project=csto", body: { name: `round ${round} cluster ${i}`, claimIds: [a, b] } });
        case 2: return callRoute(linksRoute.POST as RouteHandler, { method: "POST", path: "/api/links", body: { fromId: i < 4 ? a : c, toId: i < 4 ? b : d, relation: "SUPPORTS" } });
        default: return callRoute(claimRoute.PATCH as RouteHandler, { method: "PATCH", path: `/api/claims/${d}`, params: { id: d }, body: { version: 1, note: `round ${round} note ${i}` } });
      }
    });
  }

  it(`answers every request and recovers after its connections are killed mid-transaction, ${ROUNDS} times`, async () => {
    let killedInTransaction = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const requests = burst(round);
      const settled = Promise.allSettled(requests);
      if (await backends.waitForOpenTransaction(settled)) killedInTransaction++;
      await backends.terminateAll();
      const responses = await within(`round ${round}'s burst`, Promise.all(requests));
      for (const response of responses) {
        // Made, refused because another request of the burst won, or "the database is away": never a 500.
        expect([200, 201, 404, 409, 503]).toContain(response.status);
        if (response.status === 503) expect((await response.json()).error.message).toMatch(/database (cannot be reached|is too busy)/);
      }
      // The app's ends of the killed connections closed (as they are, moments after an outage):
      // the next request must then be made, not refused.
      await within(`round ${round}'s connections closing`, proxy.drained());
      const after = await within(`the request after round ${round}`, markWord());
      expect(after.status).toBe(201);
    }
    expect(killedInTransaction).toBeGreaterThan(ROUNDS / 2);
  }, 180_000);

  it("answers 503 while the database is away and recovers by itself once it is back", async () => {
    await proxy.down();
    const away = await within("a request while the database is away", markWord());
    expect(away.status).toBe(503);
    expect((await away.json()).error.message).toMatch(/database cannot be reached right now; nothing was saved/);
    await proxy.up();
    const back = await within("the first request after the database is back", markWord());
    expect(back.status).toBe(201);
  }, 30_000);
});
