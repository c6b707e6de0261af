// Issue 12 item 1 on the embedded database. PGlite is one PostgreSQL session behind a socket
// server, so pg_terminate_backend has no separate backend of the app's to kill (it would end the
// only session, i.e. the database itself). What does apply is losing the connection: the relay
// between the app and the socket server cuts it while the app is inside a transaction, 20 times;
// with its single pooled connection (DATABASE_POOL_MAX=1) one slot never returned hung the app.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource } from "@/lib/server/source-edit";
import { createDb } from "@/lib/server/db";
import { CSTO, member } from "../helpers/members";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/scripts/embedded-db";
import { migrate } from "@/scripts/tasks";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { within as withinMs } from "../helpers/within";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy";
import * as claimsRoute from "@/app/api/claims/route";
import * as clustersRoute from "@/app/api/clusters/route";

const ROUNDS = 20;
const RECOVERY_MS = 5_000;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "cp-pglite-outage-"));
let embedded: EmbeddedDatabase;
let proxy: TcpProxy;
let sourceId: string;
let words: { start: number; end: number }[];
let nextWord = 0;

beforeAll(async () => {
  embedded = await startEmbeddedDatabase(dataDir);
  await migrate(embedded.url);
  const setup = createDb(embedded.url);
  const actor = await member(setup, "researcher");
  const text = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} reports ${100 + i} observers at the border.`).join(" ");
  sourceId = (await createSource(setup, actor, CSTO, { body: text, title: "Outage" })).source.id;
  words = [...text.matchAll(/[A-Za-z]{4,}/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  await setup.$disconnect();
  const url = new URL(embedded.url);
  proxy = await startTcpProxy(url.hostname, Number(url.port));
  url.port = String(proxy.port);
  process.env.DATABASE_POOL_MAX = "1";
  useDatabaseForRoutes(url.toString());
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await embedded?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const within = <T>(what: string, promise: Promise<T>) => withinMs(what, promise, RECOVERY_MS);

const markWord = () => callRoute(claimsRoute.POST as RouteHandler, { method: "POST", path: "/api/claims", body: { sourceId, ...words[nextWord++], kind: "FACT" } });

describe("the embedded database's connection cut mid-transaction", () => {
  it(`answers every request and recovers by itself, ${ROUNDS} times`, async () => {
    let cutInTransaction = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Cut after BEGIN, while a statement inside the transaction is on its way: a failed BEGIN
      // was always handled, it is the ROLLBACK on the dead connection that lost the slot.
      const inTransaction = proxy.nextSent("BEGIN").then(() => proxy.nextSent("INSERT"));
      const requests = [0, 1, 2].map((i) => callRoute(clustersRoute.POST as RouteHandler, { method: "POST", path: "/api/clusters?project=csto", body: { name: `round ${round} cluster ${i}` } }));
      const settled = Promise.allSettled(requests);
      if (await Promise.race([inTransaction.then(() => true), settled.then(() => false)])) cutInTransaction++;
      await proxy.down();
      await proxy.up();
      for (const response of await within(`round ${round}'s writes`, Promise.all(requests))) {
        expect([201, 503]).toContain(response.status);
      }
      const after = await within(`the request after round ${round}`, markWord());
      expect(after.status).toBe(201);
    }
    expect(cutInTransaction).toBeGreaterThan(ROUNDS / 2);
  }, 180_000);
});
