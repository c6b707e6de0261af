// Steps shared by `npm start`, `npm test` and the benchmark. Each runs a real CLI, so what the
// scripts do is what a developer would type.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "node_modules", ".bin");

/** Asynchronous on purpose: the embedded database is served from this very process, and a
 *  blocking spawnSync would stop it answering the migrate CLI. */
export function run(cmd: string, args: string[], env: Record<string, string | undefined> = {}): Promise<void> {
  const child = spawn(path.join(BIN, cmd), args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} failed (exit ${code})`))));
  });
}

/** Regenerates the client when the schema changed since the last generate (saves ~5 s a start).
 *  The CLI resolves env("DATABASE_URL") in the schema even for generate, which never connects. */
export async function generateClient(): Promise<void> {
  const schemaHash = createHash("sha256").update(readFileSync(path.join(ROOT, "prisma", "schema.prisma"))).digest("hex");
  const stamp = path.join(ROOT, "lib", "generated", "prisma", "schema-hash.txt");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === schemaHash) return;
  await run("prisma", ["generate"], { DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://localhost/unused" });
  writeFileSync(stamp, schemaHash);
}

export function migrate(databaseUrl: string): Promise<void> {
  return run("prisma", ["migrate", "deploy"], { DATABASE_URL: databaseUrl });
}

/** Node flag for tsx scripts that load lib/server/*: its `import "server-only"` resolves to the
 *  empty module only under React's server condition (no React is loaded by these scripts). */
export const SERVER_CONDITION = "--conditions=react-server";

export function seed(databaseUrl: string): Promise<void> {
  return run("tsx", [SERVER_CONDITION, "prisma/seed.ts"], { DATABASE_URL: databaseUrl });
}

/** Runs `action` on the server's maintenance database with the target database's quoted name. */
async function onServer(databaseUrl: string, action: (client: pg.Client, name: string, quoted: string) => Promise<unknown>): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await action(client, name, `"${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Creates the database named in the URL when the server does not have it yet. */
export function createDatabaseIfMissing(databaseUrl: string): Promise<void> {
  return onServer(databaseUrl, async (client, name, quoted) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!found.rowCount) await client.query(`CREATE DATABASE ${quoted}`);
  });
}

export function dropDatabase(databaseUrl: string): Promise<void> {
  return onServer(databaseUrl, (client, _name, quoted) => client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`));
}

const BUILD_INPUTS = ["app", "components", "lib", "prisma/schema.prisma", "next.config.js", "tsconfig.json", "package-lock.json"];

function hashTree(hash: ReturnType<typeof createHash>, target: string): void {
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory()) {
    for (const entry of readdirSync(target).sort()) {
      if (entry === "generated" || entry === "node_modules") continue;
      hashTree(hash, path.join(target, entry));
    }
  } else {
    hash.update(path.relative(ROOT, target)).update(readFileSync(target));
  }
}

export function distDir(): string {
  return process.env.NEXT_DIST_DIR ?? ".next";
}

/** Builds the app unless the last build was made from exactly these sources (warm starts). */
export async function buildIfChanged(): Promise<void> {
  const hash = createHash("sha256");
  for (const input of BUILD_INPUTS) hashTree(hash, path.join(ROOT, input));
  const digest = hash.digest("hex");
  const stamp = path.join(ROOT, distDir(), "source-hash.txt");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === digest && existsSync(path.join(ROOT, distDir(), "BUILD_ID"))) {
    console.log("build: sources unchanged since the last build, reusing it");
    return;
  }
  await run("next", ["build"]);
  writeFileSync(stamp, digest);
}
