// Each test file gets its own PostgreSQL database on the real server, migrated with the real
// migrations, and dropped afterwards. Nothing is mocked.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "@/lib/server/db";
import { createDatabaseIfMissing, dropDatabase, migrate } from "@/scripts/tasks";

export const SERVER_URL = process.env.TEST_DATABASE_SERVER ?? "postgresql://postgres@127.0.0.1:5432";

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/** A migrated template named by a hash of the migrations: one `migrate deploy` (about 10 s)
 *  per change of migrations, then each test database is a fast CREATE DATABASE … TEMPLATE. */
async function migratedTemplate(): Promise<string> {
  const dir = path.resolve(__dirname, "../../prisma/migrations");
  const hash = createHash("sha256");
  for (const entry of readdirSync(dir, { recursive: true }).map(String).sort()) {
    if (entry.endsWith(".sql")) hash.update(entry).update(readFileSync(path.join(dir, entry)));
  }
  const name = `cp_template_${hash.digest("hex").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: `${SERVER_URL}/postgres` });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return name;
    const building = `${name}_building_${randomBytes(3).toString("hex")}`;
    await admin.query(`CREATE DATABASE "${building}"`);
    await migrate(`${SERVER_URL}/${building}`);
    // Another test run may have finished the same template meanwhile: then use theirs.
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`).catch(() => admin.query(`DROP DATABASE "${building}"`));
    return name;
  } finally {
    await admin.end();
  }
}

export async function createTestDatabase(label: string, options: { migrateFromEmpty?: boolean } = {}): Promise<TestDatabase> {
  const name = `cp_test_${label}_${randomBytes(4).toString("hex")}`.toLowerCase();
  const url = `${SERVER_URL}/${name}`;
  if (options.migrateFromEmpty) {
    await createDatabaseIfMissing(url);
    await migrate(url);
  } else {
    const template = await migratedTemplate();
    const admin = new pg.Client({ connectionString: `${SERVER_URL}/postgres` });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    } finally {
      await admin.end();
    }
  }
  const db = createDb(url);
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      await dropDatabase(url);
    },
  };
}

/** Row counts and a checksum of every table: "the database is unchanged" made checkable. */
export async function databaseFingerprint(db: Db): Promise<string> {
  const tables = ["Project", "ProjectMember", "User", "Source", "Claim", "ClaimLink", "Cluster", "ClusterMember", "History", "Session", "Dismissal", "Speaker", "ExternalReference", "SourceFile", "Appearance", "SourceBand", "ClaimValue", "ApiToken", "AnnotationRound", "RoundAnnotator", "CurationDecision", "CurationDecisionClaim", "SuggestedSpan"];
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await db.$queryRawUnsafe<{ n: bigint | number; sum: string | null }[]>(
      `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS sum FROM "${table}" t`,
    );
    parts.push(`${table}:${rows[0].n}:${rows[0].sum ?? "-"}`);
  }
  return parts.join(" ");
}
