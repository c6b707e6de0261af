import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/server/db";
import { overviewWithRows } from "../helpers/overview-rows";
import { suggestClaims } from "@/lib/suggestions/sentences";
import { createDatabaseIfMissing, dropDatabase, migrate } from "@/scripts/tasks";
import { SERVER_URL } from "../helpers/testdb";
import { migrateUpTo } from "../helpers/migrate-to";

// 20261203100000_suggested_spans on a database that already holds sources: they start with no
// stored spans, and the overview scans them once and stores them for every later load.
const BEFORE = "20261202120000_annotation_rounds";

describe("the suggested-spans migration on existing sources", () => {
  const url = `${SERVER_URL}/cp_test_h1ov_migration_${randomBytes(4).toString("hex")}`;
  let db: Db;
  const body = readFileSync(path.resolve(__dirname, "../../data/corpus/004_438cc6c4c90e1221.txt"), "utf8").replace(/\r\n?/g, "\n");
  const suggestions = suggestClaims(body);

  beforeAll(async () => {
    await createDatabaseIfMissing(url);
    await migrateUpTo(url, BEFORE);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`INSERT INTO "User" ("id", "name", "nameKey") VALUES ('u1', 'researcher', 'researcher')`);
      await client.query(`INSERT INTO "Source" ("id", "projectId", "body", "contentHash", "wordCount", "updatedAt") VALUES ('old', 'p_csto', $1, 'x', 900, now())`, [body]);
      // A claim covering the first suggested sentence.
      const [first] = suggestions;
      await client.query(
        `INSERT INTO "Claim" ("id", "sourceId", "start", "end", "quote", "prefix", "suffix", "kind", "authorId", "updatedAt") VALUES ('c1', 'old', $1, $2, $3, '', '', 'FACT', 'u1', now())`,
        [first!.start, first!.end, body.slice(first!.start, first!.end)],
      );
    } finally {
      await client.end();
    }
    await migrate(url);
    db = createDb(url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await dropDatabase(url);
  });

  it("leaves an existing source unscanned; the overview scans it, counts it and stores its spans", async () => {
    expect(await db.source.findUniqueOrThrow({ where: { id: "old" }, select: { suggestionsHash: true } })).toEqual({ suggestionsHash: null });
    expect(await db.suggestedSpan.count()).toBe(0);

    const [row] = (await overviewWithRows(db, "p_csto")).sources;
    expect(suggestions.length).toBeGreaterThan(1);
    expect(row).toMatchObject({ id: "old", scanned: true, suggestions: suggestions.length, unreviewedSuggestions: suggestions.length - 1 });
    expect(await db.suggestedSpan.findMany({ where: { sourceId: "old" }, orderBy: { start: "asc" }, select: { start: true, end: true } })).toEqual(
      suggestions.map(({ start, end }) => ({ start, end })),
    );
    expect(await db.source.findUniqueOrThrow({ where: { id: "old" }, select: { suggestionsHash: true } })).toEqual({ suggestionsHash: "x" });
  });
});
