// How the embedded database (PGlite behind pglite-socket) treats several connections, which
// decides how the app may pool them (lib/embedded-db.ts, scripts/serve.ts). Measured here:
// PGlite is one session, and the socket server holds every other connection while one is inside
// a transaction, so transactions never mix; all work is serialized.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/scripts/embedded-db";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "cp-pglite-"));
let embedded: EmbeddedDatabase;
let a: pg.Client;
let b: pg.Client;

beforeAll(async () => {
  embedded = await startEmbeddedDatabase(dataDir);
  a = new pg.Client({ connectionString: embedded.url });
  b = new pg.Client({ connectionString: embedded.url });
  await a.connect();
  await b.connect();
  await a.query("CREATE TABLE probe (n int)");
});
afterAll(async () => {
  await a?.end();
  await b?.end();
  await embedded?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("two connections to the embedded database", () => {
  it("both answer while neither is inside a transaction", async () => {
    const [x, y] = await Promise.all([a.query("SELECT 1 AS n"), b.query("SELECT 2 AS n")]);
    expect([x.rows[0].n, y.rows[0].n]).toEqual([1, 2]);
  });

  it("a second connection waits while the first is inside a transaction, then sees only what was committed", async () => {
    await a.query("BEGIN");
    await a.query("INSERT INTO probe VALUES (1)");
    let answered = false;
    const seen = b.query("SELECT count(*)::int AS n FROM probe").then((r) => {
      answered = true;
      return r.rows[0].n as number;
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(answered).toBe(false); // held, not answered from inside a's transaction
    await a.query("ROLLBACK");
    expect(await seen).toBe(0); // a's rolled-back row was never visible to b
  });
});
