import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";

// Runs `prisma migrate deploy` (the JS schema engine through adapter-pg, with the catalog-type
// workaround in prisma/catalog-text-client.ts) against an empty database.
describe("migrations from an empty database", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("migrations", { migrateFromEmpty: true });
  });
  afterAll(async () => t?.drop());

  it("creates every table of the domain and records the migration", async () => {
    const tables = await t.db.$queryRaw<{ tablename: string }[]>`SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
    expect(tables.map((r) => r.tablename)).toEqual(
      ["AnnotationRound", "ApiToken", "Appearance", "Claim", "ClaimLink", "ClaimValue", "Cluster", "ClusterMember", "CurationDecision", "CurationDecisionClaim", "Dismissal", "ExternalReference", "History", "Project", "ProjectMember", "RateLimit", "RoundAnnotator", "Session", "Source", "SourceBand", "SourceFile", "Speaker", "SuggestedSpan", "User", "_prisma_migrations"],
    );
    const applied = await t.db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`SELECT migration_name, finished_at FROM _prisma_migrations`;
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.every((m) => m.finished_at !== null)).toBe(true);
  });

  it("makes the seeded project, with no members on a database without researchers", async () => {
    expect(await t.db.project.findMany({ select: { id: true, slug: true } })).toEqual([{ id: "p_csto", slug: "csto" }]);
    expect(await t.db.projectMember.count()).toBe(0);
  });

  it("keeps History append-only", async () => {
    await t.db.history.create({ data: { entity: "CLAIM", entityId: "x", action: "created" } });
    await expect(t.db.history.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(t.db.history.updateMany({ data: { action: "rewritten" } })).rejects.toThrow(/append-only/);
    expect(await t.db.history.count()).toBe(1);
  });

  it("no migration has a semicolon in a comment (adapter-pg's executeScript splits a script at every ';')", () => {
    const dir = path.resolve(__dirname, "../../prisma/migrations");
    const offending = readdirSync(dir)
      .filter((name) => name !== "migration_lock.toml")
      .flatMap((name) => readFileSync(path.join(dir, name, "migration.sql"), "utf8").split("\n").map((line, i) => ({ at: `${name}:${i + 1}`, line })))
      .filter(({ line }) => line.trimStart().startsWith("--") && line.includes(";"))
      .map(({ at }) => at);
    expect(offending).toEqual([]);
  });

  it("a second deploy is a no-op", async () => {
    const { migrate } = await import("@/scripts/tasks");
    await expect(migrate(t.url)).resolves.toBeUndefined();
  });
});
