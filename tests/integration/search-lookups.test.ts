// The search's lookups (lib/server/search.ts): a word of a source's title finds every claim of
// that source, a researcher's exact name or a speaker's name finds their claims, each capped in
// the list's order on its own; deleted claims and other projects' claims never match, and the
// list's first page, later pages and count are those of every match in its order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExport, streamExport } from "@/lib/server/export-query";
import { SEARCH_CAP } from "@/lib/server/search";
import type { ExportFilter } from "@/lib/schemas";
import { CSTO, member } from "../helpers/members";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";

const THEIRS = "p_theirs";
const BODY = "An ordinary paragraph of text with nothing to find in it at all.\n\n".repeat(40);
// Claims per source: 12 sources titled "Quillon" hold more matches than the cap.
const PER_SOURCE = 100;
const TITLED = 12;

describe("search lookups", () => {
  let t: TestDatabase;
  let ada: string;
  let tokayev: string;
  const titled: string[] = [];
  const plain: string[] = [];
  let theirSource: string;

  beforeAll(async () => {
    t = await createTestDatabase("search_lookups");
    ada = (await member(t.db, "Ada Quennell")).id;
    const other = (await member(t.db, "Bo")).id;
    tokayev = (await t.db.speaker.create({ data: { name: "Kassym-Jomart Tokayev", aliases: ["Tokaev"] } })).id;
    await t.db.project.create({ data: { id: THEIRS, slug: "theirs", name: "Theirs" } });
    const source = async (projectId: string, title: string, minute: number, id: string) =>
      (await t.db.source.create({ data: { id, projectId, title, body: BODY, contentHash: id, wordCount: 500, createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)) } })).id;
    // Listed by creation time, which runs against the ids' order: the order is the list's, not the ids'.
    for (let i = 0; i < TITLED; i++) titled.push(await source(CSTO, `Quillon Bulletin ${i}`, 2 * i + 1, `src-t${String(99 - i).padStart(2, "0")}`));
    for (let i = 0; i < 4; i++) plain.push(await source(CSTO, `Gazette ${i}`, 2 * i, `src-p${String(99 - i).padStart(2, "0")}`));
    theirSource = await source(THEIRS, "Quillon Bulletin abroad", 100, "src-theirs");
    const claim = (sourceId: string, i: number, extra: Partial<{ quote: string; note: string; authorId: string; speakerId: string; kind: "FACT" | "OPINION" }> = {}) => ({
      sourceId, start: (i * 7) % 1000, end: ((i * 7) % 1000) + 5 + Math.floor(i / 200), quote: "ordinary", prefix: "", suffix: "", kind: i % 3 ? "FACT" as const : "OPINION" as const, authorId: other, ...extra,
    });
    await t.db.claim.createMany({ data: titled.flatMap((s) => Array.from({ length: PER_SOURCE }, (_, i) => claim(s, i))) });
    await t.db.claim.createMany({
      data: plain.flatMap((s, n) => [
        claim(s, 1, { note: "zephyrine remark" }),
        claim(s, 2, { authorId: ada }),
        claim(s, 3, { speakerId: tokayev }),
        claim(s, 4, { note: "zephyrine, said twice", authorId: ada, speakerId: tokayev }),
        claim(s, 5 + n),
      ]),
    });
    // Their project: the same words, title, researcher and speaker.
    await t.db.claim.createMany({ data: [claim(theirSource, 1, { note: "zephyrine" }), claim(theirSource, 2, { authorId: ada, speakerId: tokayev })] });
  });
  afterAll(async () => t?.drop());

  const everyMatch = async (projectId: string, filter: ExportFilter) => (await loadExport(t.db, projectId, filter)).bundle.claims.map((c) => c.id);
  const sourceOf = async (ids: string[]) => new Map((await t.db.claim.findMany({ where: { id: { in: ids } }, select: { id: true, sourceId: true } })).map((c) => [c.id, c.sourceId]));

  it("a word of source titles lists those sources' claims, source by source, capped in the list's order", async () => {
    const all = await everyMatch(CSTO, { q: "quillon" });
    expect(all).toHaveLength(TITLED * PER_SOURCE);
    // Sources in the list's order (creation time here), then each source's claims by position.
    const bySource = await sourceOf(all);
    expect([...new Set(all.map((id) => bySource.get(id)))]).toEqual(titled);
    const positions = await t.db.claim.findMany({ where: { sourceId: titled[0] }, orderBy: [{ start: "asc" }, { end: "asc" }, { id: "asc" }], select: { id: true } });
    expect(all.slice(0, PER_SOURCE)).toEqual(positions.map((c) => c.id));

    const first = await loadExport(t.db, CSTO, { q: "quillon" }, { limit: 50 });
    expect(first.capped).toBe(true);
    expect(first.total).toBe(SEARCH_CAP);
    expect(first.bundle.claims.map((c) => c.id)).toEqual(all.slice(0, 50));
    const second = await loadExport(t.db, CSTO, { q: "quillon" }, { limit: 50, after: first.nextAfter! });
    expect(second.total).toBe(SEARCH_CAP);
    expect(second.bundle.claims.map((c) => c.id)).toEqual(all.slice(50, 100));
    // The last page of the cap ends at the cap.
    const last = await loadExport(t.db, CSTO, { q: "quillon" }, { limit: 50, after: all[SEARCH_CAP - 51] });
    expect(last.bundle.claims.map((c) => c.id)).toEqual(all.slice(SEARCH_CAP - 50, SEARCH_CAP));
    expect(last.nextAfter).toBeNull();
    expect((await streamExport(t.db, CSTO, { q: "quillon" })).claimCount).toBe(TITLED * PER_SOURCE);

    for (const sort of ["source", "date"] as const) {
      const sorted = await everyMatch(CSTO, { q: "quillon", sort });
      expect((await loadExport(t.db, CSTO, { q: "quillon", sort }, { limit: 50 })).bundle.claims.map((c) => c.id), sort).toEqual(sorted.slice(0, 50));
    }
  });

  it("with other filters, counts the first matches that pass them, and pages through them", async () => {
    const all = await everyMatch(CSTO, { q: "quillon" });
    const kinds = new Map((await t.db.claim.findMany({ where: { id: { in: all } }, select: { id: true, kind: true } })).map((c) => [c.id, c.kind]));
    const opinions = all.slice(0, SEARCH_CAP).filter((id) => kinds.get(id) === "OPINION");
    const first = await loadExport(t.db, CSTO, { q: "quillon", kind: "OPINION" }, { limit: 40 });
    expect(first.capped).toBe(true);
    expect(first.total).toBe(opinions.length);
    expect(first.bundle.claims.map((c) => c.id)).toEqual(opinions.slice(0, 40));
    const next = await loadExport(t.db, CSTO, { q: "quillon", kind: "OPINION" }, { limit: 40, after: first.nextAfter! });
    expect(next.bundle.claims.map((c) => c.id)).toEqual(opinions.slice(40, 80));
    // After a claim that does not pass the filter: an empty page, as the list without search.
    const fact = all.find((id) => kinds.get(id) === "FACT")!;
    expect((await loadExport(t.db, CSTO, { q: "quillon", kind: "OPINION" }, { limit: 40, after: fact })).bundle.claims).toEqual([]);
  });

  it("finds a researcher by exact name and a speaker by name or alias, in this project only", async () => {
    const adas = await t.db.claim.findMany({ where: { authorId: ada, source: { projectId: CSTO } }, select: { id: true } });
    expect((await everyMatch(CSTO, { q: "ada quennell" })).sort()).toEqual(adas.map((c) => c.id).sort());
    expect(await everyMatch(CSTO, { q: "Ada" })).toEqual([]);
    const said = await t.db.claim.findMany({ where: { speakerId: tokayev, source: { projectId: CSTO } }, select: { id: true } });
    expect((await everyMatch(CSTO, { q: "Tokaev" })).sort()).toEqual(said.map((c) => c.id).sort());
    const page = await loadExport(t.db, CSTO, { q: "Tokayev" }, { limit: 3 });
    expect(page.total).toBe(said.length);
    expect(page.capped).toBe(false);
    expect(page.bundle.claims.map((c) => c.id)).toEqual((await everyMatch(CSTO, { q: "Tokayev" })).slice(0, 3));
    // Their project's claims by the same people, and under the same title word and note word.
    const theirs = (await t.db.claim.findMany({ where: { sourceId: theirSource }, select: { id: true } })).map((c) => c.id);
    for (const q of ["ada quennell", "Tokayev", "zephyrine", "quillon"]) {
      expect((await everyMatch(CSTO, { q })).filter((id) => theirs.includes(id)), q).toEqual([]);
      expect((await loadExport(t.db, CSTO, { q }, { limit: 50 })).bundle.claims.filter((c) => theirs.includes(c.id)), q).toEqual([]);
    }
    expect((await everyMatch(THEIRS, { q: "quillon" })).sort()).toEqual([...theirs].sort());
    expect((await everyMatch(THEIRS, { q: "Tokayev" }))).toHaveLength(1);
  });

  it("hides others' claims on a reader's hidden sources (an open round), from the page and its count", async () => {
    // Ada annotates in rounds on the first titled and first plain source: others' claims there are hidden from her.
    const visibility = { viewerId: ada, hiddenSourceIds: [titled[0]!, plain[0]!] };
    const seen = async (q: string) => (await loadExport(t.db, CSTO, { q }, { visibility })).bundle.claims.map((c) => c.id);
    const zephyrine = await seen("zephyrine");
    expect(zephyrine).toHaveLength(2 * plain.length - 1);
    const page = await loadExport(t.db, CSTO, { q: "zephyrine" }, { limit: 3, visibility });
    expect(page.total).toBe(zephyrine.length);
    expect(page.bundle.claims.map((c) => c.id)).toEqual(zephyrine.slice(0, 3));
    // Capped: the first SEARCH_CAP matches in order, less the hundred hidden ones.
    const quillon = await loadExport(t.db, CSTO, { q: "quillon" }, { limit: 50, visibility });
    expect(quillon.capped).toBe(true);
    expect(quillon.total).toBe(SEARCH_CAP - PER_SOURCE);
    expect(quillon.bundle.claims.map((c) => c.id)).toEqual((await seen("quillon")).slice(0, 50));
  });

  it("never finds a deleted claim, by any lookup", async () => {
    const deleted = [
      (await t.db.claim.findFirstOrThrow({ where: { sourceId: titled[0] }, orderBy: { start: "asc" } })).id,
      (await t.db.claim.findFirstOrThrow({ where: { sourceId: plain[0], note: "zephyrine remark" } })).id,
      (await t.db.claim.findFirstOrThrow({ where: { sourceId: plain[1], authorId: ada, speakerId: tokayev } })).id,
    ];
    await t.db.claim.updateMany({ where: { id: { in: deleted } }, data: { deletedAt: new Date() } });
    try {
      for (const q of ["quillon", "zephyrine", "ada quennell", "Tokayev", '"said twice"']) {
        const all = await everyMatch(CSTO, { q });
        expect(all.filter((id) => deleted.includes(id)), q).toEqual([]);
        const page = await loadExport(t.db, CSTO, { q }, { limit: 2000 });
        expect(page.bundle.claims.filter((c) => deleted.includes(c.id)), q).toEqual([]);
        expect(page.total, q).toBe(Math.min(all.length, SEARCH_CAP));
      }
      expect(await everyMatch(CSTO, { q: "zephyrine" })).toHaveLength(2 * plain.length - 2);
    } finally {
      await t.db.claim.updateMany({ where: { id: { in: deleted } }, data: { deletedAt: null } });
    }
  });
});
