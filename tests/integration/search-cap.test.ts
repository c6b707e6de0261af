// The claims list's search stops counting at SEARCH_CAP matches and says so; its first page is
// the first page of all matches, and exports still carry every match.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_PROJECT } from "@/lib/server/projects";
import { loadExport, streamExport } from "@/lib/server/export-query";
import { SEARCH_CAP } from "@/lib/server/search";
import { seedCorpus } from "@/lib/server/seed";
import { ensureUser } from "@/lib/server/users";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";

describe("a search with more matches than the cap", () => {
  let t: TestDatabase;
  const MATCHES = SEARCH_CAP + 150;

  beforeAll(async () => {
    t = await createTestDatabase("searchcap");
    await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
    const actor = await ensureUser(t.db, "alice");
    const sources = await t.db.source.findMany({ select: { id: true, body: true }, orderBy: { seedKey: "asc" } });
    const rows = [];
    for (let i = 0; i < MATCHES; i++) {
      const s = sources[i % sources.length]!;
      const start = Math.floor(i / sources.length) * 3;
      const end = start + 20;
      rows.push({ sourceId: s.id, start, end, quote: s.body.slice(start, end), prefix: "", suffix: "", kind: (["FACT", "OPINION"] as const)[i % 2], note: "zanzibarite sample", authorId: actor.id });
    }
    // A few that match another word.
    for (let i = 0; i < 5; i++) rows.push({ ...rows[i]!, start: 5_000 + i, end: 5_020 + i, quote: sources[i]!.body.slice(5_000 + i, 5_020 + i), note: "pembaite" });
    await t.db.claim.createMany({ data: rows });
  });
  afterAll(async () => t?.drop());

  it("says the count is capped, and the first page is the first page of every match", async () => {
    const all = (await loadExport(t.db, SEED_PROJECT.id, { q: "zanzibarite" })).bundle.claims.map((c) => c.id);
    expect(all).toHaveLength(MATCHES);
    const page = await loadExport(t.db, SEED_PROJECT.id, { q: "zanzibarite" }, { limit: 50 });
    expect(page.capped).toBe(true);
    expect(page.total).toBe(SEARCH_CAP);
    expect(page.bundle.claims.map((c) => c.id)).toEqual(all.slice(0, 50));
    // With another filter the count is of the first SEARCH_CAP matches that pass it.
    const facts = await loadExport(t.db, SEED_PROJECT.id, { q: "zanzibarite", kind: "FACT" }, { limit: 50 });
    expect(facts.capped).toBe(true);
    expect(facts.total).toBeLessThan(SEARCH_CAP);
    expect(facts.bundle.claims.every((c) => c.kind === "FACT")).toBe(true);
    // By date: the cap keeps the newest matches, the order the page shows.
    const byDate = (await loadExport(t.db, SEED_PROJECT.id, { q: "zanzibarite", sort: "date" })).bundle.claims.map((c) => c.id);
    expect((await loadExport(t.db, SEED_PROJECT.id, { q: "zanzibarite", sort: "date" }, { limit: 50 })).bundle.claims.map((c) => c.id)).toEqual(byDate.slice(0, 50));
  });

  it("counts exactly below the cap, and exports every match above it", async () => {
    const few = await loadExport(t.db, SEED_PROJECT.id, { q: "pembaite" }, { limit: 2 });
    expect(few.capped).toBe(false);
    expect(few.total).toBe(5);
    expect((await streamExport(t.db, SEED_PROJECT.id, { q: "zanzibarite" })).claimCount).toBe(MATCHES);
  });
});
