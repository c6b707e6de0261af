// Migrates, seeds, builds and serves the app. With no DATABASE_URL it first starts the embedded
// PostgreSQL (PGlite) kept in .data/, so a fresh machine needs nothing else installed.
import { spawn } from "node:child_process";
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-db";
import { ROOT, buildIfChanged, createDatabaseIfMissing, generateClient, migrate, seed } from "./tasks";

async function main() {
  const port = process.env.PORT ?? "3000";
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = process.env.DATABASE_URL;
  const env: Record<string, string> = {};
  if (!databaseUrl) {
    const dataDir = path.resolve(ROOT, process.env.CP_DATA_DIR ?? ".data/pglite");
    embedded = await startEmbeddedDatabase(dataDir);
    databaseUrl = embedded.url;
    env.DATABASE_POOL_MAX = "1";
    // PGlite's socket server hands NOTIFY to the committing connection, not to a listener:
    // live updates read the change log instead (lib/server/live/hub.ts).
    env.CP_LIVE = "poll";
    console.log(`database: embedded PostgreSQL (PGlite) in ${path.relative(ROOT, dataDir) || dataDir}`);
  } else {
    await createDatabaseIfMissing(databaseUrl);
    console.log(`database: ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}`);
  }

  const started = Date.now();
  await generateClient();
  await migrate(databaseUrl);
  await seed(databaseUrl);
  if (!process.argv.includes("--no-build")) await buildIfChanged();
  console.log(`ready to serve after ${((Date.now() - started) / 1000).toFixed(1)} s of preparation`);

  const server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", port, "-H", process.env.HOST ?? "127.0.0.1"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const shutdown = () => server.kill("SIGTERM");
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  const code: number = await new Promise((resolve) => server.on("exit", (c) => resolve(c ?? 0)));
  await embedded?.stop();
  process.exit(code);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
