// Suggested claim sentences stored with each text (lib/server/suggested-spans.ts): every path
// that writes a text stores its spans with it, the overview counts them in SQL exactly as the
// former per-process scan did, and texts stored before the spans were (or changed behind the
// app's back) are scanned by overview loads, a bounded number of words a load, for good.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim, deleteClaim } from "@/lib/server/claims";
import { createDb } from "@/lib/server/db";
import { addDocument } from "@/lib/server/documents";
import { importPlan } from "@/lib/server/import";
import { updateSource, createSource } from "@/lib/server/source-edit";
import { seedCorpus } from "@/lib/server/seed";
import { SCAN_WORDS_PER_LOAD } from "@/lib/server/stats";
import { extractDocument } from "@/lib/import/document";
import { parseW3cImport } from "@/lib/import/w3c";
import { splitSentences, suggestClaims, suggestSourceClaims } from "@/lib/suggestions/sentences";
import type { SourceSection } from "@/lib/types";
import { CSTO, member } from "../helpers/members";
import { overviewWithRows } from "../helpers/overview-rows";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";
import { exported } from "../helpers/w3c-fixture";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase("h1ov_spans");
  await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
});
afterAll(async () => t?.drop());

const TEXT = [
  "Kazakhstan asked the CSTO for help in January 2022.",
  "Led by Russia, a CSTO mission of more than 2,000 troops was deployed.",
  "The troops left soon after.",
  "Officials said the mission had succeeded.",
].join("\n\n");

/** The spans stored for a source, and whether they are of its current text. */
async function stored(sourceId: string) {
  const source = await t.db.source.findUniqueOrThrow({ where: { id: sourceId }, select: { body: true, sections: true, contentHash: true, suggestionsHash: true } });
  const rows = await t.db.suggestedSpan.findMany({ where: { sourceId }, orderBy: { start: "asc" }, select: { start: true, end: true } });
  const expected = suggestSourceClaims({ body: source.body, sections: source.sections as unknown as SourceSection[] }).map(({ start, end }) => ({ start, end }));
  return { rows, expected, current: source.suggestionsHash === source.contentHash };
}

describe("every path that writes a text stores its suggested spans", () => {
  it("seeding the corpus", async () => {
    const sources = await t.db.source.findMany({ select: { id: true } });
    expect(sources).toHaveLength(5);
    for (const s of sources) {
      const { rows, expected, current } = await stored(s.id);
      expect(current).toBe(true);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(expected);
    }
  });

  it("pasting a text, then correcting it: the corrected text's spans replace the old ones", async () => {
    const ada = await member(t.db, "Ada");
    const { source } = await createSource(t.db, ada, CSTO, { title: "Pasted", body: TEXT });
    const first = await stored(source.id);
    expect(first.current).toBe(true);
    expect(first.rows).toEqual(first.expected);
    expect(first.rows).toHaveLength(3); // the year, the figure and the attribution; not "The troops left…"

    const corrected = `${TEXT}\n\nBy 2023, 12 states had asked to join.`;
    await updateSource(t.db, ada, source.id, { version: 1, body: corrected });
    const after = await stored(source.id);
    expect(after.current).toBe(true);
    expect(after.rows).toEqual(after.expected);
    expect(after.rows).toHaveLength(4);
    expect(after.rows.at(-1)).toEqual({ start: corrected.indexOf("By 2023"), end: corrected.length });
  });

  it("a text with nothing to suggest is stored as scanned, with no spans", async () => {
    const ada = await member(t.db, "Ada");
    const { source } = await createSource(t.db, ada, CSTO, { title: "Nothing to suggest", body: "Glory to the peacemakers! The alliance is a half-dead outfit." });
    expect(await stored(source.id)).toEqual({ rows: [], expected: [], current: true });
    const row = (await overviewWithRows(t.db, CSTO)).sources.find((s) => s.id === source.id)!;
    expect(row).toMatchObject({ scanned: true, suggestions: 0, unreviewedSuggestions: 0 });
  });

  it("uploading a file", async () => {
    const ada = await member(t.db, "Ada");
    const file = { name: "upload.txt", mediaType: "text/plain", bytes: new TextEncoder().encode(TEXT.replace("January", "February")) };
    const extracted = await extractDocument(file);
    if (!extracted.ok) throw new Error(extracted.error.message);
    const added = await addDocument(t.db, ada, CSTO, file, extracted.value);
    const { rows, expected, current } = await stored(added.source.id);
    expect(current).toBe(true);
    expect(rows).toEqual(expected);
    expect(rows).toHaveLength(3);
  });

  it("importing a W3C file; sentences in reader comments are not suggested", async () => {
    const parsed = parseW3cImport(exported());
    if (!parsed.ok) throw new Error(parsed.error);
    const project = await t.db.project.create({ data: { slug: "imported", name: "Imported" } });
    await importPlan(t.db, { name: "Importer" }, project.id, parsed.data);
    const sources = await t.db.source.findMany({ where: { projectId: project.id }, select: { id: true, body: true, sections: true } });
    expect(sources).toHaveLength(2);
    for (const s of sources) {
      const { rows, expected, current } = await stored(s.id);
      expect(current).toBe(true);
      expect(rows).toEqual(expected);
    }
    // One imported text carries a comments section with sentences that would otherwise be suggested.
    const withComments = sources.find((s) => (s.sections as unknown as SourceSection[]).length)!;
    const [comments] = withComments.sections as unknown as SourceSection[];
    const inComments = (await stored(withComments.id)).rows.filter((g) => g.start < comments!.end && g.end > comments!.start);
    expect(inComments).toEqual([]);
    expect(suggestClaims(withComments.body).some((g) => g.start < comments!.end && g.end > comments!.start)).toBe(true);
  });
});

/** The overview's former computation, in JavaScript: each text scanned, each suggestion tested
 *  against every live claim of its source. */
async function countsInJs(projectId: string) {
  const sources = await t.db.source.findMany({ where: { projectId }, select: { id: true, body: true, sections: true } });
  const claims = await t.db.claim.findMany({ where: { deletedAt: null, source: { projectId } }, select: { sourceId: true, start: true, end: true } });
  return Object.fromEntries(
    sources.map((s) => {
      const suggestions = suggestClaims(s.body, { excludeRanges: s.sections as unknown as SourceSection[] });
      const live = claims.filter((c) => c.sourceId === s.id);
      const unreviewed = suggestions.filter((g) => !live.some((c) => c.start < g.end && c.end > g.start)).length;
      return [s.id, { suggestions: suggestions.length, unreviewed }];
    }),
  );
}

describe("the overview's counts", () => {
  it("equal the former computation on the seeded corpus with claims covering, within, straddling and beside suggestions", async () => {
    const bo = await member(t.db, "Bo");
    const sources = await t.db.source.findMany({ where: { seedKey: { not: null } }, orderBy: { seedKey: "asc" }, select: { id: true, body: true, sections: true } });
    for (const [i, s] of sources.entries()) {
      const suggestions = suggestSourceClaims({ body: s.body, sections: s.sections as unknown as SourceSection[] });
      const sentences = splitSentences(s.body);
      const spans: { start: number; end: number }[] = [];
      for (const [k, g] of suggestions.entries()) {
        if (k % 5 === 0) spans.push({ start: g.start, end: g.end }); // the whole sentence
        if (k % 5 === 1) spans.push({ start: g.start + 2, end: Math.min(g.end, g.start + 12) }); // words within it
        if (k % 5 === 2) {
          // From the sentence before into this one: starts before the suggestion, ends inside it.
          const before = sentences.filter((x) => x.end <= g.start).at(-1);
          if (before) spans.push({ start: before.start, end: g.start + 3 });
        }
        if (k % 5 === 3) {
          // The next sentence, not this one: a claim beside a suggestion does not cover it.
          const next = sentences.find((x) => x.start >= g.end);
          if (next) spans.push({ start: next.start, end: next.end });
        }
      }
      const marked = [];
      for (const span of spans) {
        try {
          marked.push(await createClaim(t.db, bo, { sourceId: s.id, start: span.start, end: span.end, kind: "FACT" }));
        } catch {
          // A span refused by the app (white space only, a span already claimed): not this test's subject.
        }
      }
      expect(marked.length).toBeGreaterThan(0);
      // Deleted claims cover nothing.
      for (const c of marked.filter((_, k) => k % 4 === i % 4)) await deleteClaim(t.db, bo, c.id);
    }
    const js = await countsInJs(CSTO);
    const o = await overviewWithRows(t.db, CSTO);
    const sql = Object.fromEntries(o.sources.map((s) => [s.id, { suggestions: s.suggestions, unreviewed: s.unreviewedSuggestions }]));
    expect(sql).toEqual(js);
    expect(o.sources.every((s) => s.scanned)).toBe(true);
    const seeded = o.sources.filter((s) => sources.some((x) => x.id === s.id));
    expect(seeded.some((s) => s.unreviewedSuggestions > 0 && s.unreviewedSuggestions < s.suggestions)).toBe(true);
  });
});

describe("texts without current spans", () => {
  it("a source from before spans were stored gets them on the overview, stored for good", async () => {
    const source = await t.db.source.findFirstOrThrow({ where: { seedKey: { startsWith: "002" } }, select: { id: true } });
    // As a database migrated from before: no spans, no hash.
    await t.db.suggestedSpan.deleteMany({ where: { sourceId: source.id } });
    await t.db.source.update({ where: { id: source.id }, data: { suggestionsHash: null } });

    const o = await overviewWithRows(t.db, CSTO);
    const row = o.sources.find((s) => s.id === source.id)!;
    expect(row.scanned).toBe(true);
    expect({ suggestions: row.suggestions, unreviewed: row.unreviewedSuggestions }).toEqual((await countsInJs(CSTO))[source.id]);
    const { rows, expected, current } = await stored(source.id);
    expect(current).toBe(true);
    expect(rows).toEqual(expected);

    // Another app process finds them stored: it scans nothing and counts the same.
    const other = createDb(t.url);
    try {
      const before = await t.db.suggestedSpan.findMany({ where: { sourceId: source.id }, orderBy: { start: "asc" } });
      const again = (await overviewWithRows(other, CSTO)).sources.find((s) => s.id === source.id)!;
      expect(again).toEqual(row);
      expect(await t.db.suggestedSpan.findMany({ where: { sourceId: source.id }, orderBy: { start: "asc" } })).toEqual(before);
    } finally {
      await other.$disconnect();
    }
  });

  it("a text changed behind the app's back is never counted against its old spans", async () => {
    const source = await t.db.source.findFirstOrThrow({ where: { title: "Pasted" }, select: { id: true, body: true } });
    const body = `${source.body}\n\nIn 2024, about 5,000 troops were said to be ready. Officials said 12 states would join by 2030.`;
    await t.db.$executeRaw`UPDATE "Source" SET "body" = ${body}, "contentHash" = 'changed-by-hand' WHERE "id" = ${source.id}`;
    const row = (await overviewWithRows(t.db, CSTO)).sources.find((s) => s.id === source.id)!;
    expect(row.scanned).toBe(true);
    expect(row.suggestions).toBe(suggestClaims(body).length);
    expect((await stored(source.id)).rows).toEqual((await stored(source.id)).expected);
  });

  it("at most SCAN_WORDS_PER_LOAD words are scanned a load; the others are marked not yet scanned until a later load scans them", async () => {
    const sources = await t.db.source.findMany({ where: { projectId: CSTO }, orderBy: [{ seedKey: "asc" }, { createdAt: "asc" }], select: { id: true, wordCount: true } });
    await t.db.suggestedSpan.deleteMany({ where: { source: { projectId: CSTO } } });
    // Each text as long as a load's budget, so a load scans exactly one.
    await t.db.source.updateMany({ where: { projectId: CSTO }, data: { suggestionsHash: null, wordCount: SCAN_WORDS_PER_LOAD } });
    try {
      for (let load = 1; load <= sources.length; load++) {
        const o = await overviewWithRows(t.db, CSTO);
        expect(o.sources.map((s) => s.scanned)).toEqual(sources.map((_, i) => i < load));
        expect(o.sources.filter((s) => !s.scanned).every((s) => s.suggestions === 0 && s.unreviewedSuggestions === 0)).toBe(true);
      }
      const js = await countsInJs(CSTO);
      const o = await overviewWithRows(t.db, CSTO);
      expect(Object.fromEntries(o.sources.map((s) => [s.id, { suggestions: s.suggestions, unreviewed: s.unreviewedSuggestions }]))).toEqual(js);
    } finally {
      for (const s of sources) await t.db.source.update({ where: { id: s.id }, data: { wordCount: s.wordCount } });
    }
  });
});
