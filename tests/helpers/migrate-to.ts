// Migrates a database up to (and including) one named migration, through the same
// `prisma migrate deploy` as every other database: a data migration can then be tested on a
// database that already holds rows. The earlier migrations are copied to a scratch folder
// named by a throwaway config; `migrate` (scripts/tasks.ts) applies the rest afterwards.
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, run } from "@/scripts/tasks";

export async function migrateUpTo(databaseUrl: string, lastMigration: string): Promise<void> {
  const source = path.join(ROOT, "prisma", "migrations");
  const names = readdirSync(source).filter((n) => /^\d{14}_/.test(n)).sort();
  if (!names.includes(lastMigration)) throw new Error(`no migration named ${lastMigration}`);
  // Inside the project (.data is ignored by git), so the config's imports resolve to node_modules.
  const scratch = path.join(ROOT, ".data", `migrate-to-${randomBytes(4).toString("hex")}`);
  const migrations = path.join(scratch, "migrations");
  mkdirSync(migrations, { recursive: true });
  try {
    cpSync(path.join(source, "migration_lock.toml"), path.join(migrations, "migration_lock.toml"));
    for (const name of names.filter((n) => n <= lastMigration)) cpSync(path.join(source, name), path.join(migrations, name), { recursive: true });
    const config = path.join(scratch, "prisma.config.ts");
    writeFileSync(
      config,
      `import base from ${JSON.stringify(path.join(ROOT, "prisma.config"))}\n` +
        `export default { ...base, schema: ${JSON.stringify(path.join(ROOT, "prisma", "schema.prisma"))}, migrations: { path: ${JSON.stringify(migrations)} } }\n`,
    );
    await run("prisma", ["migrate", "deploy", "--config", config], { DATABASE_URL: databaseUrl });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
