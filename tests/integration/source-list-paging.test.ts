// The home page's source list pages by keyset (issue 18: a project of 1,000 sources): walking the
// pages gives every source of the project once, in the corpus order (seeded sources by file name,
// then the others oldest first, ties by id), with its live claims counted, also when sources are
// deleted or added between two pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSources, listSourcesPage, parseSourceCursor, sourceCursorParam, type SourceCursor } from "@/lib/server/sources";
import { CSTO, member } from "../helpers/members";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";

const OTHER = "p_other";
const BODY = "The ministry said 2,030 troops arrived in Almaty on 7 January 2022.";

describe("source list paging", () => {
  let t: TestDatabase;
  let authorId: string;
  const made = new Date("2026-01-05T10:00:00.000Z");

  /** Sources straight into the table: `seedKey` for seeded ones, and a shared createdAt so the
   *  order has to break ties by id. */
  async function addSources(projectId: string, ids: string[], options: { seedKeys?: (string | null)[]; createdAt?: Date } = {}) {
    await t.db.source.createMany({
      data: ids.map((id, i) => ({
        id, projectId, title: `Source ${id}`, body: `${id}: ${BODY}`, contentHash: id, wordCount: 12,
        seedKey: options.seedKeys?.[i] ?? null, createdAt: options.createdAt ?? made,
      })),
    });
  }

  async function walk(projectId: string, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let after: SourceCursor | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await listSourcesPage(t.db, projectId, { limit, after });
      expect(page.sources.length).toBeLessThanOrEqual(limit);
      seen.push(...page.sources.map((s) => s.id));
      if (!page.next) return seen;
      // The cursor travels in the page's link: through its URL form.
      after = parseSourceCursor(sourceCursorParam(page.next))!;
    }
    throw new Error("paging never ended");
  }

  beforeAll(async () => {
    t = await createTestDatabase("h4gr_source_paging");
    authorId = (await member(t.db, "lister")).id;
    await t.db.project.create({ data: { id: OTHER, slug: "other", name: "Another corpus" } });
    // Two seeded sources (listed first, by file name, whatever their ids), then added ones.
    await addSources(CSTO, ["s-seed-b", "s-seed-a"], { seedKeys: ["002_b.txt", "001_a.txt"] });
    await addSources(CSTO, ["s-07", "s-03", "s-11", "s-05", "s-09"]);
    await addSources(CSTO, ["s-01"], { createdAt: new Date(made.getTime() - 60_000) });
    await addSources(OTHER, ["o-01", "o-02"]);
    // s-03: three claims, one of them deleted. s-seed-a: one claim.
    await t.db.claim.createMany({
      data: [["s-03", 0], ["s-03", 4], ["s-03", 9], ["s-seed-a", 0]].map(([sourceId, start], i) => ({
        sourceId: sourceId as string, start: start as number, end: (start as number) + 3, quote: "x", prefix: "", suffix: "", kind: "FACT" as const, authorId,
        deletedAt: i === 2 ? new Date() : null,
      })),
    });
  });
  afterAll(async () => t?.drop());

  const ORDER = ["s-seed-a", "s-seed-b", "s-01", "s-03", "s-05", "s-07", "s-09", "s-11"];

  it("walks the project's sources once each, in the corpus order, at any page size", async () => {
    expect((await listSources(t.db, CSTO)).map((s) => s.id)).toEqual(ORDER);
    for (const limit of [1, 3, 7, 8, 100]) expect(await walk(CSTO, limit)).toEqual(ORDER);
    expect(await walk(OTHER, 1)).toEqual(["o-01", "o-02"]);
  });

  it("tells the project's number of sources on every page, and each source's live claims", async () => {
    const first = await listSourcesPage(t.db, CSTO, { limit: 3 });
    const second = await listSourcesPage(t.db, CSTO, { limit: 3, after: first.next! });
    expect([first.total, second.total]).toEqual([8, 8]);
    const claims = Object.fromEntries([...first.sources, ...second.sources].map((s) => [s.id, s.claimCount]));
    expect(claims).toEqual({ "s-seed-a": 1, "s-seed-b": 0, "s-01": 0, "s-03": 2, "s-05": 0, "s-07": 0 });
    const last = await listSourcesPage(t.db, CSTO, { limit: 100 });
    expect(last.next).toBeNull();
    expect((await listSourcesPage(t.db, "p_none", { limit: 3 })).total).toBe(0);
  });

  it("continues after the last source shown when it is deleted before the next page, and shows a source added meanwhile once", async () => {
    const first = await listSourcesPage(t.db, CSTO, { limit: 4 });
    expect(first.sources.map((s) => s.id)).toEqual(ORDER.slice(0, 4));
    // The page's last source (s-03) goes, an earlier one (s-01) goes, and a new source arrives.
    await t.db.claim.deleteMany({ where: { sourceId: "s-03" } });
    await t.db.source.deleteMany({ where: { id: { in: ["s-03", "s-01"] } } });
    await addSources(CSTO, ["s-02"], { createdAt: new Date(made.getTime() + 60_000) });
    const after = parseSourceCursor(sourceCursorParam(first.next!))!;
    const rest: string[] = [];
    for (let page = await listSourcesPage(t.db, CSTO, { limit: 2, after }); ; page = await listSourcesPage(t.db, CSTO, { limit: 2, after: page.next! })) {
      rest.push(...page.sources.map((s) => s.id));
      expect(page.total).toBe(7);
      if (!page.next) break;
    }
    expect(rest).toEqual(["s-05", "s-07", "s-09", "s-11", "s-02"]);
  });

  it("finds sources by the title shown, in any case, a page at a time", async () => {
    await t.db.project.create({ data: { id: "p_titles", slug: "titles", name: "Titles" } });
    await t.db.source.createMany({
      data: [
        { id: "t-1", title: "Almaty: the ministry's figures" },
        { id: "t-2", title: null, suggestedTitle: "Reports from ALMATY" },
        { id: "t-3", title: "Minsk", suggestedTitle: "Almaty, suggested but renamed" },
        { id: "t-4", title: "100% sure, almaty" },
        { id: "t-5", title: "Astana, 2030 troops" },
      ].map((s) => ({ ...s, projectId: "p_titles", body: `${s.id}: ${BODY}`, contentHash: s.id, wordCount: 12, createdAt: made })),
    });
    const first = await listSourcesPage(t.db, "p_titles", { limit: 2, titleContains: "almaty" });
    expect(first.sources.map((s) => s.id)).toEqual(["t-1", "t-2"]);
    expect(first.total).toBe(3);
    const second = await listSourcesPage(t.db, "p_titles", { limit: 2, titleContains: "almaty", after: first.next! });
    expect(second.sources.map((s) => s.id)).toEqual(["t-4"]);
    expect(second.next).toBeNull();
    // The search's characters are literal: "%" is a percent sign, not a wildcard.
    expect((await listSourcesPage(t.db, "p_titles", { limit: 10, titleContains: "0%" })).sources.map((s) => s.id)).toEqual(["t-4"]);
    expect((await listSourcesPage(t.db, "p_titles", { limit: 10, titleContains: "_" })).total).toBe(0);
    expect((await listSourcesPage(t.db, "p_titles", { limit: 10, titleContains: "Kyiv" })).total).toBe(0);
  });

  it("reads a page link's cursor back, and refuses one that is not a cursor", () => {
    const cursor = { seedKey: null, createdAt: made, id: "s-07" };
    expect(parseSourceCursor(sourceCursorParam(cursor))).toEqual(cursor);
    expect(parseSourceCursor(sourceCursorParam({ ...cursor, seedKey: "001_a.txt" }))).toEqual({ ...cursor, seedKey: "001_a.txt" });
    for (const junk of ["", "s-07", "%%%", Buffer.from("[1,2,3]").toString("base64url"), Buffer.from('[null,"yesterday","s-07"]').toString("base64url")]) {
      expect(parseSourceCursor(junk)).toBeNull();
    }
  });
});
