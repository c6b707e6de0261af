import "server-only";
import { POOL_WAIT_MS, createPgAdapter } from "./db-adapter";
import { PrismaClient } from "../generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** A Prisma client over node-postgres. The embedded PGlite database is one session that serves
 *  one connection's transaction at a time, so scripts/serve.ts sets DATABASE_POOL_MAX=1 for it. */
export function createDb(connectionString = process.env.DATABASE_URL): Db {
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides an embedded database when it is missing.");
  }
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  const adapter = createPgAdapter(connectionString, Number.isFinite(max) && max > 0 ? max : 10);
  // Prisma gives up on a transaction whose connection came later than maxWait (2 s by default)
  // even after getting one: wait as long as the pool itself does, so a burst of writes queues
  // instead of failing.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: POOL_WAIT_MS } });
}

const globalForDb = globalThis as unknown as { __claimDb?: Db };

/** The process-wide client (kept on globalThis so dev-mode reloads do not open new pools). */
export function db(): Db {
  globalForDb.__claimDb ??= createDb();
  return globalForDb.__claimDb;
}
