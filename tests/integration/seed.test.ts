import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paragraphs } from "@/lib/anchoring/paragraphs";
import { createClaim } from "@/lib/server/claims";
import { seedCorpus } from "@/lib/server/seed";
import { member } from "../helpers/members";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";

const CORPUS = path.resolve(__dirname, "../../data/corpus");

describe("seeding the corpus", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("seed");
  });
  afterAll(async () => t?.drop());

  it("adds the five sources with what the texts show of their metadata", async () => {
    const result = await seedCorpus(t.db, CORPUS);
    expect(result.created).toHaveLength(5);
    const caravanserai = await t.db.source.findUniqueOrThrow({ where: { seedKey: "001_368f92058b86ed85.txt" } });
    expect(caravanserai.title).toBe("Doubts grow over CSTO membership in wake of Russia's war in Ukraine");
    expect(caravanserai.author).toBe("Kanat Altynbayev");
    expect(caravanserai.publisher).toBe("Caravanserai");
    expect(caravanserai.approxDate).toBe("2022-05");
    expect(caravanserai.body).toContain("a CSTO mission of more than 2,000 troops was deployed");
    const essay = await t.db.source.findUniqueOrThrow({ where: { seedKey: "000_dfd454984cb772b8.txt" } });
    expect(essay.title).toBeNull();
    expect(essay.suggestedTitle).toBe("The CSTO and the outcomes of good intentions");
  });

  it("flags the Caravanserai reader comments as a section that is not the author's", async () => {
    const source = await t.db.source.findUniqueOrThrow({ where: { seedKey: "001_368f92058b86ed85.txt" } });
    const [comments] = source.sections as { kind: string; start: number; end: number }[];
    expect(comments.kind).toBe("comments");
    expect(source.body.slice(comments.start)).toMatch(/^Do you like this article\?/);
    expect(source.body.slice(comments.start)).toContain("The CSTO is a dead organisation");
    expect(source.body.slice(0, comments.start)).toContain("Victory Day parade");
    expect(comments.end).toBe(source.body.length);
  });

  it("keeps paragraphs as the text's lines", async () => {
    const source = await t.db.source.findUniqueOrThrow({ where: { seedKey: "003_87eb5ab265d9726a.txt" } });
    const paras = paragraphs(source.body);
    expect(paras[0].text).toBe("- CounterPunch.org - https://www.counterpunch.org -");
    expect(paras[1].text).toBe("Why It’s Time to Take the Russian-Led Military Alliance Seriously");
    for (const p of paras) expect(source.body.slice(p.start, p.end)).toBe(p.text);
  });

  it("a second run changes nothing: no duplicate sources, corrected metadata and claims untouched", async () => {
    const source = await t.db.source.findUniqueOrThrow({ where: { seedKey: "003_87eb5ab265d9726a.txt" } });
    await t.db.source.update({ where: { id: source.id }, data: { author: "Corrected by a researcher" } });
    const actor = await member(t.db, "seed-tester");
    const start = source.body.indexOf("2,500 of its troops");
    await createClaim(t.db, actor, { sourceId: source.id, start, end: start + "2,500 of its troops".length, kind: "FACT", note: "troop count" });
    const before = await databaseFingerprint(t.db);

    const again = await seedCorpus(t.db, CORPUS);

    expect(again.created).toEqual([]);
    expect(again.kept).toHaveLength(5);
    expect(await databaseFingerprint(t.db)).toBe(before);
    expect((await t.db.source.findUniqueOrThrow({ where: { id: source.id } })).author).toBe("Corrected by a researcher");
  });
});
