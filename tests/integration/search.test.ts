import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim } from "@/lib/claims";
import { searchClaims } from "@/lib/search";
import { seedCorpus } from "@/lib/seed";
import { ensureUser } from "@/lib/users";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";

describe("claim search in PostgreSQL", () => {
  let t: TestDatabase;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase("search");
    await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
    const alice = await ensureUser(t.db, "alice");
    const bob = await ensureUser(t.db, "bob");
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

  const found = async (search: Parameters<typeof searchClaims>[1]) => (await searchClaims(t.db, search)).map((h) => h.id);

  it("finds quotes by their words, stemmed", async () => {
    expect(await found({ q: "paratrooper" })).toEqual([ids.essay]);
    expect(await found({ q: "troops deployed" })).toEqual([ids.caravanserai]);
  });

  it("finds notes, source metadata and researchers", async () => {
    expect(await found({ q: "Russian share" })).toEqual([ids.essay]);
    expect(await found({ q: "Altynbayev" })).toEqual([ids.caravanserai]);
    expect((await found({ q: "bob" })).sort()).toEqual([ids.caravanserai, ids.prediction].sort());
  });

  it("filters by kind, researcher, linked, unlinked and orphaned", async () => {
    expect(await found({ kind: "PREDICTION" })).toEqual([ids.prediction]);
    expect((await found({ researcher: "ALICE" })).sort()).toEqual([ids.essay, ids.counterpunch].sort());
    expect((await found({ status: "linked" })).sort()).toEqual([ids.caravanserai, ids.counterpunch].sort());
    expect((await found({ status: "unlinked" })).sort()).toEqual([ids.essay, ids.prediction].sort());
    expect(await found({ status: "orphaned" })).toEqual([ids.prediction]);
  });

  it("returns the quote in context and sorts by position", async () => {
    const hits = await searchClaims(t.db, { sort: "position" });
    expect(hits.map((h) => h.id)).toEqual([ids.essay, ids.prediction, ids.caravanserai, ids.counterpunch]);
    const caravanserai = hits.find((h) => h.id === ids.caravanserai)!;
    expect(caravanserai.prefix.endsWith("Led by Russia, ")).toBe(true);
    expect(caravanserai.sourceTitle).toMatch(/^Doubts grow/);
    expect(caravanserai.linkCount).toBe(1);
  });

  it("treats search text as data, never as SQL or query syntax", async () => {
    expect(await found({ q: "'; DROP TABLE \"Claim\"; --" })).toEqual([]);
    expect((await found({ q: "troops & | ! (" })).sort()).toEqual([ids.caravanserai, ids.counterpunch].sort());
    expect(await t.db.claim.count()).toBe(4);
  });

  it("uses the full-text indexes (the query's expressions match the migration's)", async () => {
    const plan = await t.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT c.id FROM "Claim" c WHERE to_tsvector('english', c."quote" || ' ' || c."note") @@ websearch_to_tsquery('english', 'troops')`,
      );
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("Claim_search_idx");
  });
});
