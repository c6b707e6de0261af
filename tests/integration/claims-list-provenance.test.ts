// The claims list's (and every export's) provenance filters and speaker search: one WHERE clause
// (claimWhere in lib/server/export-query.ts) over speaker, attribution type and origin.
import { SEED_PROJECT } from "@/lib/server/projects";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim, listReaderClaims, updateClaim } from "@/lib/server/claims";
import { loadExport, scopeLabel } from "@/lib/server/export-query";
import { exportFilterInput, type UpdateClaimInput } from "@/lib/schemas";
import { seedCorpus } from "@/lib/server/seed";
import type { Actor } from "@/lib/server/users";
import { member } from "../helpers/members";
import type { ExportFilter } from "@/lib/schemas";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";

describe("claims list: speaker, attribution and origin", () => {
  let t: TestDatabase;
  let alice: Actor;
  const ids: Record<string, string> = {};
  const sources: Record<string, string> = {};
  let tokayev: string;

  beforeAll(async () => {
    t = await createTestDatabase("claims_list_provenance");
    await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
    alice = await member(t.db, "alice");
    const mark = async (key: string, seedKey: string, phrase: string, change?: Omit<UpdateClaimInput, "version">, after = "") => {
      const source = await t.db.source.findUniqueOrThrow({ where: { seedKey } });
      sources[seedKey.slice(0, 3)] = source.id;
      const start = source.body.indexOf(phrase, after ? source.body.indexOf(after) : 0);
      expect(start).toBeGreaterThanOrEqual(0);
      const claim = await createClaim(t.db, alice, { sourceId: source.id, start, end: start + phrase.length, kind: "FACT" });
      ids[key] = claim.id;
      if (change) await updateClaim(t.db, alice, claim.id, { version: claim.version, ...change });
    };
    tokayev = (await t.db.speaker.create({ data: { name: "Kassym-Jomart Tokayev", role: "President of Kazakhstan", aliases: ["Tokaev", "Kasym Jomart Tokayev"] } })).id;
    await mark("sanctions", "000_dfd454984cb772b8.txt", "his country would adhere to sanctions against Russia", {
      speakerId: tokayev, attributionType: "PARAPHRASE",
      restsOn: { kind: "newReference", reference: { title: "Press conference", publisher: "Akorda" } },
    });
    await mark("caravanserai", "001_368f92058b86ed85.txt", "a CSTO mission of more than 2,000 troops was deployed");
    await mark("counterpunch", "003_87eb5ab265d9726a.txt", "2,500 of its troops entered Kazakhstan", { restsOn: { kind: "claim", id: ids.caravanserai } });
    await mark("evstratov", "002_98b48e446e185cb4.txt", "withdraw troops from Kazakh territory", { restsOn: { kind: "source", id: sources["001"] } });
    await mark("dated", "004_438cc6c4c90e1221.txt", "Collective Security Treaty Organization (CSTO) is being promoted", {
      restsOn: { kind: "newReference", reference: { title: "Summit communiqué", publisher: "CSTO", url: "https://odkb-csto.org/", date: "2022-01-06" } },
    });
    await mark("comment", "001_368f92058b86ed85.txt", "The Russian army has been utterly disgraced in Ukraine", undefined, "Do you like this article?");
  });
  afterAll(async () => t?.drop());

  const found = async (filter: ExportFilter) => (await loadExport(t.db, SEED_PROJECT.id, filter)).bundle.claims.map((c) => c.id).sort();
  const these = (...keys: string[]) => keys.map((k) => ids[k]).sort();

  it("carries each claim's speaker, attribution and origin to the list", async () => {
    const { claims } = (await loadExport(t.db, SEED_PROJECT.id, {})).bundle;
    const byId = new Map(claims.map((c) => [c.id, c.provenance]));
    expect(byId.get(ids.sanctions)).toMatchObject({ speaker: { name: "Kassym-Jomart Tokayev", role: "President of Kazakhstan" }, attributionType: "PARAPHRASE", restsOn: { kind: "reference", label: "Press conference, Akorda" } });
    expect(byId.get(ids.caravanserai)).toMatchObject({ speaker: { name: "Kanat Altynbayev" }, attributionType: "OWN_VOICE", restsOn: null });
    expect(byId.get(ids.counterpunch)?.restsOn).toMatchObject({ kind: "claim", id: ids.caravanserai, sourceId: sources["001"] });
    expect(byId.get(ids.comment)).toMatchObject({ speaker: null, attributionType: "READER_COMMENT" });
  });

  it("filters by speaker and by attribution type", async () => {
    expect(await found({ speakerId: tokayev })).toEqual(these("sanctions"));
    expect(await found({ attribution: "READER_COMMENT" })).toEqual(these("comment"));
    expect(await found({ attribution: "PARAPHRASE" })).toEqual(these("sanctions"));
    expect(await found({ attribution: "ANONYMOUS" })).toEqual([]);
  });

  it("filters by origin: any, none, each kind, and resting on a given source directly or through its claims", async () => {
    expect(await found({ origin: "any" })).toEqual(these("sanctions", "counterpunch", "evstratov", "dated"));
    expect(await found({ origin: "none" })).toEqual(these("caravanserai", "comment"));
    expect(await found({ origin: "claim" })).toEqual(these("counterpunch"));
    expect(await found({ origin: "source" })).toEqual(these("evstratov"));
    expect(await found({ origin: "reference" })).toEqual(these("sanctions", "dated"));
    expect(await found({ originSourceId: sources["001"] })).toEqual(these("counterpunch", "evstratov"));
    expect(await found({ originSourceId: sources["000"] })).toEqual([]);
  });

  it("combines the provenance filters with the others", async () => {
    expect(await found({ origin: "any", attribution: "OWN_VOICE" })).toEqual(these("counterpunch", "evstratov", "dated"));
    expect(await found({ origin: "any", q: "troops" })).toEqual(these("counterpunch", "evstratov"));
    expect(await found({ speakerId: tokayev, origin: "none" })).toEqual([]);
  });

  it("search finds claims by their speaker's name or alias, not only by their words", async () => {
    expect(await found({ q: "Tokayev" })).toEqual(these("sanctions"));
    expect(await found({ q: "tokaev" })).toEqual(these("sanctions"));
    expect(await found({ q: '"Kasym Jomart"' })).toEqual(these("sanctions"));
    expect(await found({ q: "President" })).toEqual([]);
  });

  it("names the filtered set for file names and headings", async () => {
    expect(await scopeLabel(t.db, SEED_PROJECT.id, { speakerId: tokayev, attribution: "REPORTED", origin: "reference" }))
      .toBe("said by Kassym-Jomart Tokayev reported resting on an outside reference");
    expect(await scopeLabel(t.db, SEED_PROJECT.id, { originSourceId: sources["001"] })).toBe("resting on Doubts grow over CSTO membership in wake of Russia's war in Ukraine");
    await expect(scopeLabel(t.db, SEED_PROJECT.id, { speakerId: "no-such-speaker" })).rejects.toMatchObject({ status: 404 });
  });

  it("gives the reader's claim card who says each claim, how, and what it rests on", async () => {
    const [sanctions] = (await listReaderClaims(t.db, sources["000"])).filter((c) => c.id === ids.sanctions);
    expect(sanctions).toMatchObject({
      speaker: { name: "Kassym-Jomart Tokayev", role: "President of Kazakhstan" }, attributionType: "PARAPHRASE",
      restsOn: { kind: "reference", label: "Press conference, Akorda", reference: { publisher: "Akorda", url: null, date: null } },
    });
    const [counterpunch] = await listReaderClaims(t.db, sources["003"]);
    expect(counterpunch.restsOn).toEqual({ kind: "claim", id: ids.caravanserai, sourceId: sources["001"], label: "a CSTO mission of more than 2,000 troops was deployed" });
    const caravanserai = await listReaderClaims(t.db, sources["001"]);
    expect(caravanserai.find((c) => c.id === ids.comment)).toMatchObject({ speaker: null, attributionType: "READER_COMMENT", restsOn: null });
    expect(caravanserai.find((c) => c.id === ids.caravanserai)).toMatchObject({ speaker: { name: "Kanat Altynbayev" }, attributionType: "OWN_VOICE", restsOn: null });
    const dated = (await listReaderClaims(t.db, sources["004"])).find((c) => c.id === ids.dated);
    expect(dated?.restsOn).toEqual({
      kind: "reference", id: expect.any(String), label: "Summit communiqué, CSTO, 2022-01-06",
      reference: { id: expect.any(String), title: "Summit communiqué", publisher: "CSTO", url: "https://odkb-csto.org/", date: "2022-01-06" },
    });
    // Said in the article's own voice: its byline is the speaker.
    expect(dated).toMatchObject({ speaker: { name: "Natasha Khan", role: null }, attributionType: "OWN_VOICE", linkCount: 0 });
    const [evstratov] = await listReaderClaims(t.db, sources["002"]);
    expect(evstratov.restsOn).toEqual({ kind: "source", id: sources["001"], label: "Doubts grow over CSTO membership in wake of Russia's war in Ukraine" });
  });

  it("refuses filter values that name no attribution type or origin, with a message", () => {
    const attribution = exportFilterInput.safeParse({ attribution: "GOSSIP" });
    expect(attribution.success).toBe(false);
    expect(attribution.error?.issues[0].message).toContain("OWN_VOICE");
    const origin = exportFilterInput.safeParse({ origin: "somewhere" });
    expect(origin.success).toBe(false);
    expect(origin.error?.issues[0].message).toBe("must be one of any, none, claim, source, reference");
  });
});
