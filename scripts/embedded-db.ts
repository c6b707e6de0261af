import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** PGlite persisted in `dataDir`, served over the PostgreSQL wire protocol on loopback, so
 *  Prisma, migrations and the app use exactly the code path they use against a real server.
 *  PGlite is one session: while one connection is inside a transaction the socket server holds
 *  the others (tests/embedded/pglite-connections.test.ts), so transactions never mix but all
 *  work is serialized; the app keeps one pooled connection (DATABASE_POOL_MAX=1), as more would
 *  only queue there. */
export async function startEmbeddedDatabase(dataDir: string, port = 0): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  // A few connections so the migrate CLI, the seed and the server can overlap at start-up.
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port, maxConnections: 4 });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:PORT"
  return {
    url: `postgresql://postgres@${conn}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}
