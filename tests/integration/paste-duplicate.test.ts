// Pasted text (POST /api/sources) meets the texts already stored as uploads do: the same words in
// the same order are refused with 409 and a link to the first (of two pastes at once exactly one
// is created), near-duplicates come back to be offered as appearances, and the lookup goes
// through the stored signatures (SourceBand), signing older sources lazily.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BANDS } from "@/lib/import/minhash";
import { displayTitle } from "@/lib/types";
import { seedCorpus } from "@/lib/server/seed";
import { updateSource } from "@/lib/server/source-edit";
import { ensureUser } from "@/lib/server/users";
import { member } from "../helpers/members";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";

const CORPUS = path.resolve(__dirname, "../../data/corpus");
let t: TestDatabase;
let post: RouteHandler;
let recordAppearance: RouteHandler;

async function paste(body: string, title?: string) {
  const response = await callRoute(post, { method: "POST", path: "/api/sources?project=csto", body: { body, ...(title ? { title } : {}) } });
  return { status: response.status, json: await response.json() };
}

const essay = () => t.db.source.findUniqueOrThrow({ where: { seedKey: "000_dfd454984cb772b8.txt" } });

beforeAll(async () => {
  t = await createTestDatabase("paste_duplicate");
  await seedCorpus(t.db, CORPUS);
  useDatabaseForRoutes(t.url);
  // The local researcher the routes write as, so a refusal's fingerprint is not changed by it.
  await ensureUser(t.db, (await import("@/app/api/_lib/actor")).currentActorName());
  ({ POST: post } = (await import("@/app/api/sources/route")) as unknown as { POST: RouteHandler });
  ({ POST: recordAppearance } = (await import("@/app/api/sources/[id]/appearances/route")) as unknown as { POST: RouteHandler });
}, 60_000);
afterAll(async () => {
  await t?.drop();
});

describe("pasting a text that is already a source", () => {
  it("is refused with 409 and the first source, even when the first was seeded before signatures, and nothing is written", async () => {
    const first = await essay();
    expect(first.duplicateKey).toBeNull();
    const before = await databaseFingerprint(t.db);
    // Spacing and case aside, the same words in the same order.
    const { status, json } = await paste(first.body.replace(/ /g, "  ").toUpperCase(), "Another title");
    expect(status).toBe(409);
    expect(json.error.message).toBe(`This text is already a source: “${displayTitle(first)}”.`);
    expect(json.error.details.duplicateOf).toEqual({ id: first.id, title: displayTitle(first) });
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it("two pastes of one new text at once: exactly one is created, the other is 409 with its id", async () => {
    const text = "Observers at the border counted forty-two vehicles on Tuesday morning, far fewer than the ministry announced.\n\nThe ministry did not answer questions about the difference.";
    const answers = await Promise.all([paste(text, "Race A"), paste(text, "Race B")]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409]);
    const created = answers.find((a) => a.status === 201)!.json.source;
    const refused = answers.find((a) => a.status === 409)!.json;
    expect(refused.error.details.duplicateOf).toEqual({ id: created.id, title: created.title });
    expect(await t.db.source.count({ where: { body: text } })).toBe(1);
  });
});

describe("pasting a near-duplicate", () => {
  it("is added and the resembling source is offered, found through the band index, and can be recorded as an appearance", async () => {
    const first = await essay();
    const later = `${first.body.replace(/\bCSTO\b/, "Collective Security Treaty Organization")}\n\nUpdated with a correction.`;
    const { status, json } = await paste(later, "The essay, updated");
    expect(status).toBe(201);
    expect(json.nearDuplicates).toHaveLength(1);
    expect(json.nearDuplicates[0]).toMatchObject({ id: first.id, title: displayTitle(first) });
    expect(json.nearDuplicates[0].jaccard).toBeGreaterThan(0.9);

    // Every source is signed now (the seeded ones lazily), with one key per band.
    const unsigned = await t.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Source" WHERE "minhash" IS NULL`;
    expect(Number(unsigned[0]!.n)).toBe(0);
    expect(await t.db.sourceBand.count({ where: { sourceId: json.source.id } })).toBe(BANDS);
    expect(await t.db.sourceBand.count({ where: { sourceId: first.id } })).toBe(BANDS);

    const recorded = await callRoute(recordAppearance, { method: "POST", path: `/api/sources/${json.source.id}/appearances`, body: { documentId: first.id }, params: { id: json.source.id } });
    expect(recorded.status).toBe(201);
  });

  it("an unrelated text is added with nothing offered", async () => {
    const { status, json } = await paste("A short note on grain prices in the spring: wheat rose, barley fell, and rye stayed where it was for the third month.");
    expect(status).toBe(201);
    expect(json.nearDuplicates).toEqual([]);
  });

  it("a corrected text loses its old signature and is signed again by the next paste", async () => {
    const actor = await member(t.db, "paste-tester");
    const source = await t.db.source.findUniqueOrThrow({ where: { seedKey: "002_98b48e446e185cb4.txt" } });
    const corrected = `${source.body}\n\nA paragraph added by the correction, long enough to be its own words and shingles.`;
    await updateSource(t.db, actor, source.id, { version: source.version, body: corrected });
    const edited = await t.db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(edited.duplicateKey).toBeNull();
    expect(await t.db.sourceBand.count({ where: { sourceId: source.id } })).toBe(0);
    // The old text is no longer a source: pasting it is a near-duplicate, the new text a duplicate.
    const { status, json } = await paste(source.body);
    expect(status).toBe(201);
    expect(json.nearDuplicates.map((n: { id: string }) => n.id)).toEqual([source.id]);
    const again = await paste(corrected);
    expect(again.status).toBe(409);
    expect(again.json.error.details.duplicateOf.id).toBe(source.id);
  });
});
