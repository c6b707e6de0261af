// The overview's figures, computed by PostgreSQL: counts per kind and source, the source ×
// source link matrices and the suggested sentences no claim covers yet.
import { SEED_PROJECT } from "@/lib/server/projects";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createClaim, deleteClaim } from "@/lib/server/claims";
import { updateSource } from "@/lib/server/source-edit";
import { seedCorpus } from "@/lib/server/seed";
import { overview } from "@/lib/server/stats";
import { member } from "../helpers/members";
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

  const o = await overview(t.db, SEED_PROJECT.id);
  expect(o.byKind).toEqual({ FACT: 1, OPINION: 1, PREDICTION: 0 });
  expect(o.byRelation).toEqual({ CONTRADICTS: 1, SUPPORTS: 0, REFINES: 0 });
  expect(o.sources.map((s) => s.id)).toEqual(sources.map((s) => s.id));
  expect(o.sources[0]).toMatchObject({ claims: 1, links: 1, byKind: { FACT: 1, OPINION: 0, PREDICTION: 0 } });
  expect(o.sources[0]!.unreviewedSuggestions).toBe(o.sources[0]!.suggestions - 1);
  expect(o.sources[1]).toMatchObject({ claims: 1, links: 1, byKind: { FACT: 0, OPINION: 1, PREDICTION: 0 } });
  expect(o.contradictions[0]![1]).toBe(1);
  expect(o.contradictions[1]![0]).toBe(1);
  expect(o.supports.flat().every((n) => n === 0)).toBe(true);
});

it("a corrected text's suggestions are counted anew (they are remembered per content hash)", async () => {
  const ada = await member(t.db, "Ada");
  const source = await t.db.source.findFirstOrThrow({ where: { seedKey: { startsWith: "004" } }, select: { id: true, version: true, body: true } });
  const before = (await overview(t.db, SEED_PROJECT.id)).sources.find((s) => s.id === source.id)!;
  const added = "\n\nIn 2024, about 5,000 troops were said to be ready. Officials said 12 states would join by 2030.";
  await updateSource(t.db, ada, source.id, { version: source.version, body: source.body + added });
  const after = (await overview(t.db, SEED_PROJECT.id)).sources.find((s) => s.id === source.id)!;
  const fresh = await t.db.source.findUniqueOrThrow({ where: { id: source.id }, select: { body: true, sections: true } });
  expect(after.suggestions).toBe(suggestClaims(fresh.body, { excludeRanges: fresh.sections as never }).length);
  expect(after.suggestions).toBeGreaterThan(before.suggestions);
});
