// The claims list pages by keyset (issue 18): each page starts after the last claim of the one
// before in the filter's order, so walking every page gives every claim once, in order, for each
// sort, also when claims tie on the sort's columns.
import { SEED_PROJECT } from "@/lib/server/projects";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteClaim } from "@/lib/server/claims";
import { loadExport } from "@/lib/server/export-query";
import { seedCorpus } from "@/lib/server/seed";
import { member } from "../helpers/members";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";

describe("claims list paging", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("paging");
    await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
    const actor = await member(t.db, "pager");
    const sources = await t.db.source.findMany({ select: { id: true, body: true } });
    // 53 claims made in one statement: they share createdAt, so the date sort ties on it.
    await t.db.claim.createMany({
      data: Array.from({ length: 53 }, (_, i) => {
        const s = sources[i % sources.length]!;
        const start = 30 * Math.floor(i / sources.length);
        return { sourceId: s.id, start, end: start + 12, quote: s.body.slice(start, start + 12), prefix: "", suffix: "", kind: (["FACT", "OPINION"] as const)[i % 2], authorId: actor.id };
      }),
    });
  });
  afterAll(async () => t?.drop());

  async function walk(filter: Parameters<typeof loadExport>[2], size: number) {
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await loadExport(t.db, SEED_PROJECT.id, filter, { limit: size, after });
      expect(page.bundle.claims.length).toBeLessThanOrEqual(size);
      seen.push(...page.bundle.claims.map((c) => c.id));
      if (!page.nextAfter) return seen;
      expect(page.nextAfter).toBe(seen.at(-1));
      after = page.nextAfter;
    }
    throw new Error("paging never ended");
  }

  it.each(["position", "date", "source"] as const)("walks every claim once, in the %s order", async (sort) => {
    const everything = (await loadExport(t.db, SEED_PROJECT.id, { sort })).bundle.claims.map((c) => c.id);
    expect(everything).toHaveLength(53);
    // Pages smaller than a source (read in ranges, resumed mid-source), about a source, several sources.
    for (const size of [1, 7, 12, 25, 53]) expect(await walk({ sort }, size)).toEqual(everything);
  });

  it("pages a filtered list, and tells the total on every page", async () => {
    const opinions = (await loadExport(t.db, SEED_PROJECT.id, { kind: "OPINION" })).bundle.claims.map((c) => c.id);
    expect(await walk({ kind: "OPINION" }, 5)).toEqual(opinions);
    const second = await loadExport(t.db, SEED_PROJECT.id, { kind: "OPINION" }, { limit: 5, after: opinions[4] });
    expect(second.total).toBe(opinions.length);
    expect(second.bundle.claims.map((c) => c.id)).toEqual(opinions.slice(5, 10));
  });

  it("a page after a claim deleted meanwhile is empty, not an error", async () => {
    const first = await loadExport(t.db, SEED_PROJECT.id, {}, { limit: 3 });
    const actor = await member(t.db, "pager");
    await deleteClaim(t.db, actor, first.nextAfter!);
    const next = await loadExport(t.db, SEED_PROJECT.id, {}, { limit: 3, after: first.nextAfter! });
    expect(next.bundle.claims).toEqual([]);
    expect(next.total).toBe(52);
    expect((await loadExport(t.db, SEED_PROJECT.id, {}, { limit: 3, after: "no-such-claim" })).bundle.claims).toEqual([]);
  });
});
