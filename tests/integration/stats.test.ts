// The overview's figures, computed by PostgreSQL: counts per kind, the per-source table ranked and
// paged in SQL, the heat maps' sources ranked by their links, and the suggested sentences no claim
// covers yet.
import { SEED_PROJECT } from "@/lib/server/projects";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim, deleteClaim } from "@/lib/server/claims";
import { createSource, updateSource } from "@/lib/server/source-edit";
import { seedCorpus } from "@/lib/server/seed";
import { overview, sourceStatsPage, SOURCE_STATS_ORDERS, type SourceStatsCursor, type SourceStatsOrder } from "@/lib/server/stats";
import { member } from "../helpers/members";
import { overviewWithRows } from "../helpers/overview-rows";
import { suggestClaims } from "@/lib/suggestions/sentences";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase("stats");
  await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
});
afterAll(async () => t?.drop());

it("counts claims, links and unreviewed suggestions per source; deleted claims and their links do not count", async () => {
  const ada = await member(t.db, "Ada");
  const sources = await t.db.source.findMany({ orderBy: { seedKey: "asc" }, select: { id: true, body: true, sections: true } });
  const [s0, s1] = sources;
  const firstSuggestion = suggestClaims(s0!.body, { excludeRanges: s0!.sections as never })[0]!;
  const mark = (s: { id: string }, start: number, end: number, kind: "FACT" | "OPINION") => createClaim(t.db, ada, { sourceId: s.id, start, end, kind });
  const covering = await mark(s0!, firstSuggestion.start, firstSuggestion.end, "FACT");
  const other = await mark(s1!, 0, 20, "OPINION");
  const gone = await mark(s1!, 30, 60, "FACT");
  await t.db.claimLink.create({ data: { fromId: covering.id, toId: other.id, relation: "CONTRADICTS", authorId: ada.id } });
  await t.db.claimLink.create({ data: { fromId: covering.id, toId: gone.id, relation: "SUPPORTS", authorId: ada.id } });
  await deleteClaim(t.db, ada, gone.id);

  const o = await overviewWithRows(t.db, SEED_PROJECT.id);
  expect(o.byKind).toEqual({ FACT: 1, OPINION: 1, PREDICTION: 0 });
  expect(o.byRelation).toEqual({ CONTRADICTS: 1, SUPPORTS: 0, REFINES: 0 });
  expect(o.sources.map((s) => s.id)).toEqual(sources.map((s) => s.id));
  expect(o.sources.map((s) => s.number)).toEqual([1, 2, 3, 4, 5]);
  expect(o.sources[0]).toMatchObject({ claims: 1, links: 1, byKind: { FACT: 1, OPINION: 0, PREDICTION: 0 } });
  expect(o.sources[0]!.unreviewedSuggestions).toBe(o.sources[0]!.suggestions - 1);
  expect(o.sources[1]).toMatchObject({ claims: 1, links: 1, byKind: { FACT: 0, OPINION: 1, PREDICTION: 0 } });
  // Five sources: the heat maps draw them all, in the list's order, linked or not.
  const [contradicts, supports] = o.matrices;
  expect(contradicts!.sources.map((s) => s.id)).toEqual(sources.map((s) => s.id));
  expect(contradicts!.counts[0]![1]).toBe(1);
  expect(contradicts!.counts[1]![0]).toBe(1);
  expect(contradicts!.counts.flat().reduce((a, b) => a + b)).toBe(2);
  expect(contradicts).toMatchObject({ ofSources: 5, linkedSources: 2 });
  expect(supports!.sources).toHaveLength(5);
  expect(supports!.counts.flat().every((n) => n === 0)).toBe(true);
});

it("a corrected text's suggestions are counted anew (they are remembered per content hash)", async () => {
  const ada = await member(t.db, "Ada");
  const source = await t.db.source.findFirstOrThrow({ where: { seedKey: { startsWith: "004" } }, select: { id: true, version: true, body: true } });
  const before = (await overviewWithRows(t.db, SEED_PROJECT.id)).sources.find((s) => s.id === source.id)!;
  const added = "\n\nIn 2024, about 5,000 troops were said to be ready. Officials said 12 states would join by 2030.";
  await updateSource(t.db, ada, source.id, { version: source.version, body: source.body + added });
  const after = (await overviewWithRows(t.db, SEED_PROJECT.id)).sources.find((s) => s.id === source.id)!;
  const fresh = await t.db.source.findUniqueOrThrow({ where: { id: source.id }, select: { body: true, sections: true } });
  expect(after.suggestions).toBe(suggestClaims(fresh.body, { excludeRanges: fresh.sections as never }).length);
  expect(after.suggestions).toBeGreaterThan(before.suggestions);
});

describe("a project of seven sources, ranked", () => {
  const PROJECT = "p_ranked";
  // Claims per source X1…X7; X1 and X5's claims are orphaned; links X2→X4 (contradicts and
  // supports), X7→X4 (contradicts) and one within X2 (refines).
  const CLAIMS = [1, 3, 0, 3, 2, 0, 1];
  const ids: string[] = [];

  beforeAll(async () => {
    await t.db.project.create({ data: { id: PROJECT, slug: "ranked", name: "Ranked" } });
    const ada = await member(t.db, "Ada", "OWNER", PROJECT);
    const claims: string[][] = [];
    for (const [i, n] of CLAIMS.entries()) {
      // Sentences with figures: each is a suggestion, and the first n are claimed.
      const sentences = Array.from({ length: 4 + i }, (_, k) => `Source ${i + 1} reported ${(k + 1) * 100 + i} trucks in 20${10 + k}.`);
      const body = sentences.join(" ");
      const { source } = await createSource(t.db, ada, PROJECT, { title: `X${i + 1}`, body });
      ids.push(source.id);
      const made: string[] = [];
      for (const sentence of sentences.slice(0, n)) {
        const start = body.indexOf(sentence);
        made.push((await createClaim(t.db, ada, { sourceId: source.id, start, end: start + sentence.length, kind: "FACT" })).id);
      }
      claims.push(made);
    }
    await t.db.claim.updateMany({ where: { sourceId: { in: [ids[0]!, ids[4]!] } }, data: { orphaned: true } });
    const link = (from: string, to: string, relation: "CONTRADICTS" | "SUPPORTS" | "REFINES") => t.db.claimLink.create({ data: { fromId: from, toId: to, relation, authorId: ada.id } });
    await link(claims[1]![0]!, claims[3]![0]!, "CONTRADICTS");
    await link(claims[1]![1]!, claims[3]![1]!, "SUPPORTS");
    await link(claims[1]![0]!, claims[1]![2]!, "REFINES");
    await link(claims[6]![0]!, claims[3]![0]!, "CONTRADICTS");
    await overview(t.db, PROJECT);
  });

  /** Every page of `limit` rows in `order`, following the cursors. */
  async function allPages(order: SourceStatsOrder, limit: number) {
    const pages: string[][] = [];
    let after: SourceStatsCursor | undefined;
    do {
      const page = await sourceStatsPage(t.db, PROJECT, { order, limit, after });
      expect(page.sources.length).toBeLessThanOrEqual(limit);
      pages.push(page.sources.map((s) => s.id));
      after = page.next ?? undefined;
    } while (after && pages.length < 20);
    return pages;
  }
  const named = (...xs: number[]) => xs.map((x) => ids[x - 1]);

  it("orders the table by each figure, most first, ties in the list's order", async () => {
    expect((await allPages("claims", 100)).flat()).toEqual(named(2, 4, 5, 1, 7, 3, 6));
    expect((await allPages("orphaned", 100)).flat()).toEqual(named(5, 1, 2, 3, 4, 6, 7));
    // A link within a source counts once for it.
    expect((await allPages("links", 100)).flat()).toEqual(named(2, 4, 7, 1, 3, 5, 6));
    // Unreviewed suggestions: each source has 4 + i suggested sentences, its claims cover some.
    const unreviewed = CLAIMS.map((n, i) => 4 + i - n);
    const expected = ids.map((id, i) => ({ id, n: unreviewed[i]! })).sort((a, b) => b.n - a.n || ids.indexOf(a.id) - ids.indexOf(b.id)).map((r) => r.id);
    expect((await allPages("unreviewed", 100)).flat()).toEqual(expected);
  });

  it("pages each order by keyset: every source once, pages in the same order, the last page without a cursor", async () => {
    for (const order of SOURCE_STATS_ORDERS) {
      const whole = (await allPages(order, 100)).flat();
      const pages = await allPages(order, 2);
      expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 1]);
      expect(pages.flat()).toEqual(whole);
      expect(new Set(pages.flat()).size).toBe(7);
    }
  });

  it("gives each row of a page all its figures", async () => {
    const { sources } = await sourceStatsPage(t.db, PROJECT, { order: "links", limit: 2 });
    expect(sources).toEqual([
      { id: ids[1], title: "X2", byKind: { FACT: 3, OPINION: 0, PREDICTION: 0 }, claims: 3, links: 3, orphaned: 0, suggestions: 5, unreviewedSuggestions: 2, scanned: true },
      { id: ids[3], title: "X4", byKind: { FACT: 3, OPINION: 0, PREDICTION: 0 }, claims: 3, links: 3, orphaned: 0, suggestions: 7, unreviewedSuggestions: 4, scanned: true },
    ]);
  });

  it("draws all seven sources in each heat map, as there are few", async () => {
    const [contradicts] = (await overview(t.db, PROJECT)).matrices;
    expect(contradicts!.sources.map((s) => [s.id, s.number])).toEqual(ids.map((id, i) => [id, i + 1]));
    expect(contradicts!.counts[1]![3]).toBe(1);
    expect(contradicts!.counts[3]![6]).toBe(1);
  });

  it("cut to fewer sources, a heat map draws those with the most links of its relation (ties: the newest source), in the list's order, and counts the linked ones left out", async () => {
    // Contradicts: X4 has 2 links, X2 and X7 one each (X7 the newer).
    const { matrices: [contradicts, supports], byRelation } = await overview(t.db, PROJECT, { matrixSources: 2 });
    expect(byRelation).toEqual({ CONTRADICTS: 2, SUPPORTS: 1, REFINES: 1 });
    expect(contradicts).toEqual({
      relation: "CONTRADICTS",
      sources: [{ id: ids[3], title: "X4", number: 4 }, { id: ids[6], title: "X7", number: 7 }],
      counts: [[0, 1], [1, 0]],
      ofSources: 7,
      linkedSources: 3,
    });
    expect(supports).toMatchObject({ sources: [{ number: 2 }, { number: 4 }], counts: [[0, 1], [1, 0]], linkedSources: 2 });
    // Room for three: only the linked sources are drawn, not rows of zeros.
    const [c3, s3] = (await overview(t.db, PROJECT, { matrixSources: 3 })).matrices;
    expect(c3!.sources.map((s) => s.number)).toEqual([2, 4, 7]);
    expect(c3!.counts).toEqual([[0, 1, 0], [1, 0, 1], [0, 1, 0]]);
    expect(s3!.sources.map((s) => s.number)).toEqual([2, 4]);
  });
});
