// The migration that allows one live link per pair of claims runs on databases that may already
// hold pairs linked both ways (the race it closes made them). The migrations run here in order as
// plain SQL, as `prisma migrate deploy` runs them, with such data written in between.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseIfMissing, dropDatabase } from "@/scripts/tasks";
import { SERVER_URL } from "../helpers/testdb";

const MIGRATIONS = path.resolve(__dirname, "../../prisma/migrations");
const PAIR_MIGRATION = "20261201100100_claim_link_live_pair";

function migrationsWhere(test: (name: string) => boolean): string[] {
  return readdirSync(MIGRATIONS).filter((d) => /^\d{14}_/.test(d) && test(d)).sort()
    .map((d) => readFileSync(path.join(MIGRATIONS, d, "migration.sql"), "utf8"));
}

describe("one live link per pair, on a database that already has links both ways", () => {
  const url = `${SERVER_URL}/cp_test_link_pairs_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: url });

  beforeAll(async () => {
    await createDatabaseIfMissing(url);
    await client.connect();
    for (const sql of migrationsWhere((d) => d < PAIR_MIGRATION)) await client.query(sql);
    await client.query(`
      INSERT INTO "User" ("id", "name") VALUES ('u1', 'ana');
      INSERT INTO "Source" ("id", "body", "contentHash", "wordCount", "updatedAt") VALUES ('s1', 'one two three four', 'h', 4, now());
      INSERT INTO "Claim" ("id", "sourceId", "start", "end", "quote", "prefix", "suffix", "kind", "authorId", "updatedAt")
        VALUES ('a', 's1', 0, 3, 'one', '', ' two', 'FACT', 'u1', now()), ('b', 's1', 4, 7, 'two', 'one ', ' three', 'FACT', 'u1', now()),
               ('c', 's1', 8, 13, 'three', 'one two ', ' four', 'FACT', 'u1', now());
      INSERT INTO "ClaimLink" ("id", "fromId", "toId", "relation", "authorId", "createdAt", "deletedAt") VALUES
        ('ab', 'a', 'b', 'SUPPORTS', 'u1', '2026-01-01', NULL),
        ('ba', 'b', 'a', 'CONTRADICTS', 'u1', '2026-01-02', NULL),
        ('bc', 'b', 'c', 'REFINES', 'u1', '2026-01-03', NULL),
        ('cb', 'c', 'b', 'SUPPORTS', 'u1', '2026-01-04', '2026-01-05');`);
    for (const sql of migrationsWhere((d) => d >= PAIR_MIGRATION)) await client.query(sql);
  }, 60_000);

  afterAll(async () => {
    await client.end();
    await dropDatabase(url);
  });

  it("keeps the oldest live link of a pair, removes the later one and records it on both claims", async () => {
    const { rows } = await client.query(`SELECT "id", "deletedAt" IS NULL AS live FROM "ClaimLink" ORDER BY "id"`);
    expect(rows).toEqual([
      { id: "ab", live: true },
      { id: "ba", live: false },
      { id: "bc", live: true },
      { id: "cb", live: false },
    ]);
    const history = await client.query(`SELECT "entityId", "claimId", "action", "before"->>'relation' AS relation FROM "History" ORDER BY "claimId"`);
    expect(history.rows).toEqual([
      { entityId: "ba", claimId: "a", action: "unlinked", relation: "CONTRADICTS" },
      { entityId: "ba", claimId: "b", action: "unlinked", relation: "CONTRADICTS" },
    ]);
  });

  it("refuses a second live link between the two claims, either way round", async () => {
    await expect(client.query(`INSERT INTO "ClaimLink" ("id", "fromId", "toId", "relation", "authorId") VALUES ('ca', 'c', 'a', 'SUPPORTS', 'u1'), ('ac', 'a', 'c', 'SUPPORTS', 'u1')`))
      .rejects.toThrow(/ClaimLink_live_pair_key/);
    await expect(client.query(`UPDATE "ClaimLink" SET "deletedAt" = NULL WHERE "id" = 'ba'`)).rejects.toThrow(/ClaimLink_live_pair_key/);
  });
});
