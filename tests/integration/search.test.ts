import path from "node:path";
import { SEED_PROJECT } from "@/lib/server/projects";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim } from "@/lib/server/claims";
import { loadExport } from "@/lib/server/export-query";
import type { ExportFilter } from "@/lib/schemas";
import { CLAIM_SEARCH_VECTOR } from "@/lib/server/search";
import { seedCorpus } from "@/lib/server/seed";
import { member } from "../helpers/members";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";

// The claims list and every export share one filter; its text search runs in PostgreSQL.
describe("claim search and filters", () => {
  let t: TestDatabase;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase("search");
    await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
    const alice = await member(t.db, "alice");
    const bob = await member(t.db, "bob");
    const mark = async (key: string, seedKey: string, phrase: string, kind: "FACT" | "OPINION" | "PREDICTION", who = alice, note = "") => {
      const source = await t.db.source.findUniqueOrThrow({ where: { seedKey } });
      const start = source.body.indexOf(phrase);
      expect(start).toBeGreaterThanOrEqual(0);
      ids[key] = (await createClaim(t.db, who, { sourceId: source.id, start, end: start + phrase.length, kind, note })).id;
    };
    await mark("essay", "000_dfd454984cb772b8.txt", "about 3,000 paratroopers", "FACT", alice, "Russian share only");
    await mark("caravanserai", "001_368f92058b86ed85.txt", "a CSTO mission of more than 2,000 troops was deployed", "FACT", bob);
    await mark("counterpunch", "003_87eb5ab265d9726a.txt", "2,500 of its troops entered Kazakhstan", "FACT", alice, "compare with Caravanserai figure");
    await mark("prediction", "000_dfd454984cb772b8.txt", "Uprisings are not far off", "PREDICTION", bob);
    await t.db.claimLink.create({ data: { fromId: ids.caravanserai, toId: ids.counterpunch, relation: "CONTRADICTS", authorId: alice.id } });
    await t.db.claim.update({ where: { id: ids.prediction }, data: { orphaned: true } });
  });
  afterAll(async () => t?.drop());

  const found = async (filter: ExportFilter) => (await loadExport(t.db, SEED_PROJECT.id, filter)).bundle.claims.map((c) => c.id);
  const sorted = (xs: string[]) => [...xs].sort();

  it("finds quotes by their words, stemmed, and exact phrases", async () => {
    expect(await found({ q: "paratrooper" })).toEqual([ids.essay]);
    expect(await found({ q: "troops deployed" })).toEqual([ids.caravanserai]);
    expect(await found({ q: '"entered Kazakhstan"' })).toEqual([ids.counterpunch]);
    expect(await found({ q: "troops -deployed" })).toEqual([ids.counterpunch]);
    // Plain words match as prefixes, as a search box is typed.
    expect(await found({ q: "paratro" })).toEqual([ids.essay]);
    // Figures are values, not prefixes: "2,500" in any writing, never "250" or "2".
    expect(await found({ q: "2,500" })).toEqual([ids.counterpunch]);
    expect(await found({ q: "2,50" })).toEqual([]);
  });

  it("finds notes, source metadata and researchers", async () => {
    expect(await found({ q: "Russian share" })).toEqual([ids.essay]);
    expect(await found({ q: "Altynbayev" })).toEqual([ids.caravanserai]);
    expect(sorted(await found({ q: "bob" }))).toEqual(sorted([ids.caravanserai, ids.prediction]));
  });

  it("filters by kind, researcher, linked, unlinked and orphaned", async () => {
    expect(await found({ kind: "PREDICTION" })).toEqual([ids.prediction]);
    expect(sorted(await found({ researcher: "ALICE" }))).toEqual(sorted([ids.essay, ids.counterpunch]));
    expect(sorted(await found({ linked: "linked" }))).toEqual(sorted([ids.caravanserai, ids.counterpunch]));
    expect(sorted(await found({ linked: "unlinked" }))).toEqual(sorted([ids.essay, ids.prediction]));
    expect(await found({ linked: "orphaned" })).toEqual([ids.prediction]);
    expect(await found({ q: "troops", researcher: "bob" })).toEqual([ids.caravanserai]);
  });

  it("sorts by position, date or source, with the quote's context", async () => {
    expect(await found({ sort: "position" })).toEqual([ids.essay, ids.prediction, ids.caravanserai, ids.counterpunch]);
    expect(await found({ sort: "date" })).toEqual([ids.prediction, ids.counterpunch, ids.caravanserai, ids.essay]);
    // By title: "Doubts grow…" before "Why It's Time…"; untitled sources (suggested titles) after.
    expect(await found({ sort: "source" })).toEqual([ids.caravanserai, ids.counterpunch, ids.essay, ids.prediction]);
    const [caravanserai] = (await loadExport(t.db, SEED_PROJECT.id, { q: "deployed" })).bundle.claims;
    expect(caravanserai.prefix.endsWith("Led by Russia, ")).toBe(true);
  });

  it("treats search text as data, never as SQL or query syntax", async () => {
    expect(await found({ q: "'; DROP TABLE \"Claim\"; --" })).toEqual([]);
    expect(sorted(await found({ q: "troops & | ! (" }))).toEqual(sorted([ids.caravanserai, ids.counterpunch]));
    expect(await t.db.claim.count()).toBe(4);
  });

  it("uses the full-text index (the query's expression matches the migration's)", async () => {
    const plan = await t.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN SELECT m.id FROM "Claim" m WHERE ${CLAIM_SEARCH_VECTOR} @@ websearch_to_tsquery('english', ${"troops"})`;
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("Claim_search_idx");
  });
});

// Issue 14, item 5: a figure is found however a text writes it; a quoted phrase only in order.
describe("search finds values", () => {
  let t: TestDatabase;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase("search_values");
    await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
    const alice = await member(t.db, "alice");
    const mark = async (key: string, seedKey: string, phrase: string, note = "") => {
      const source = await t.db.source.findUniqueOrThrow({ where: { seedKey } });
      const start = source.body.indexOf(phrase);
      expect(start).toBeGreaterThanOrEqual(0);
      ids[key] = (await createClaim(t.db, alice, { sourceId: source.id, start, end: start + phrase.length, kind: "FACT", note })).id;
    };
    await mark("commas", "000_dfd454984cb772b8.txt", "about 3,000 paratroopers");
    await mark("spaced", "002_98b48e446e185cb4.txt", "The Russian special operation in Ukraine", "Le Monde counts 3 000 soldiers");
    await mark("words", "004_438cc6c4c90e1221.txt", "The Collective Security Treaty Organization (CSTO) is being promoted", "three thousand troops, says the ministry");
    await mark("million", "001_368f92058b86ed85.txt", "a CSTO mission of more than 2,000 troops was deployed", "budget of 3,000,000 rubles");
    await mark("other", "003_87eb5ab265d9726a.txt", "2,500 of its troops entered Kazakhstan");
  });
  afterAll(async () => t?.drop());

  const found = async (q: string) => (await loadExport(t.db, SEED_PROJECT.id, { q })).bundle.claims.map((c) => c.id).sort();

  it('"3000" finds "3,000", "3 000" and "three thousand", and not 3,000,000', async () => {
    const threeThousand = [ids.commas, ids.spaced, ids.words].sort();
    for (const q of ["3000", "3,000", "3 000", "three thousand", "3 thousand"]) expect(await found(q), q).toEqual(threeThousand);
    expect(await found("3000000")).toEqual([ids.million]);
    expect(await found("3 million")).toEqual([ids.million]);
    expect(await found("3000 paratroopers")).toEqual([ids.commas]);
  });

  it("a quoted phrase matches only those words in that order", async () => {
    expect(await found('"troops entered"')).toEqual([ids.other]);
    expect(await found('"entered troops"')).toEqual([]);
    expect(await found("entered troops")).toEqual([ids.other]);
    expect(await found('"3,000 paratroopers"')).toEqual([ids.commas]);
    expect(await found('"collective security treaty"')).toEqual([ids.words]);
    expect(await found('"security collective"')).toEqual([]);
  });
});
