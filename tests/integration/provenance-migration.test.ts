import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseIfMissing, dropDatabase, migrate } from "@/scripts/tasks";
import { SERVER_URL } from "../helpers/testdb";
import { migrateUpTo } from "../helpers/migrate-to";
import { corpusSource, spanOf } from "../helpers/provenance-corpus";

// 20261201120000_provenance on a database that already holds claims: every claim gets the
// default attribution a new claim would get (lib/provenance/attribution.ts).
const BEFORE = "20261123120000_dismissals";

describe("the provenance migration on existing claims", () => {
  const url = `${SERVER_URL}/cp_test_provenance_${randomBytes(4).toString("hex")}`;
  let client: pg.Client;
  const claimIds: Record<string, string> = {};

  async function insertSource(id: string, prefix: string, author: string | null, publisher: string | null) {
    const s = corpusSource(prefix);
    await client.query(
      `INSERT INTO "Source" ("id", "author", "publisher", "body", "contentHash", "wordCount", "sections", "updatedAt") VALUES ($1, $2, $3, $4, 'x', 1, $5, now())`,
      [id, author, publisher, s.body, JSON.stringify(s.sections)],
    );
    return s.body;
  }
  async function insertClaim(name: string, sourceId: string, body: string, words: string, deleted = false) {
    const { start, end } = spanOf(body, words);
    claimIds[name] = `claim-${name}`;
    await client.query(
      `INSERT INTO "Claim" ("id", "sourceId", "start", "end", "quote", "prefix", "suffix", "kind", "authorId", "updatedAt", "deletedAt") VALUES ($1, $2, $3, $4, $5, '', '', 'FACT', 'u1', now(), $6)`,
      [claimIds[name], sourceId, start, end, words, deleted ? new Date() : null],
    );
  }

  beforeAll(async () => {
    await createDatabaseIfMissing(url);
    await migrateUpTo(url, BEFORE);
    client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`INSERT INTO "User" ("id", "name") VALUES ('u1', 'researcher')`);
    // Caravanserai (author, reader comments flagged), CounterPunch (publisher only), the unsigned
    // article, and the Caravanserai text again under its author's name in other letters.
    const caravanserai = await insertSource("caravanserai", "001", "Kanat Altynbayev", "Caravanserai");
    const counterpunch = await insertSource("counterpunch", "003", null, "CounterPunch (produced by Globetrotter)");
    const unsigned = await insertSource("unsigned", "000", null, null);
    const copy = await insertSource("copy", "001", "KANAT ALTYNBAYEV ", "");
    await insertClaim("author", "caravanserai", caravanserai, "a CSTO mission of more than 2,000 troops was deployed");
    await insertClaim("comment", "caravanserai", caravanserai, "They spent just three days in Kazakhstan doing nothing but guarding facilities.");
    await insertClaim("deletedComment", "caravanserai", caravanserai, "The CSTO is a half-dead outfit", true);
    await insertClaim("publisher", "counterpunch", counterpunch, "2,500 of its troops entered Kazakhstan");
    await insertClaim("unsigned", "unsigned", unsigned, "Russian troops have left Kazakhstan");
    await insertClaim("copy", "copy", copy, "Since its formation in 2002");
    await client.end();

    await migrate(url);
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await dropDatabase(url);
  });

  async function attribution(name: string) {
    const { rows } = await client.query(
      `SELECT c."attributionType" AS type, sp."name" AS speaker FROM "Claim" c LEFT JOIN "Speaker" sp ON sp."id" = c."speakerId" WHERE c."id" = $1`,
      [claimIds[name]],
    );
    return rows[0];
  }

  it("gives claims in the author's text to the author, else the publisher, else nobody", async () => {
    expect(await attribution("author")).toEqual({ type: "OWN_VOICE", speaker: "Kanat Altynbayev" });
    expect(await attribution("publisher")).toEqual({ type: "OWN_VOICE", speaker: "CounterPunch (produced by Globetrotter)" });
    expect(await attribution("unsigned")).toEqual({ type: "OWN_VOICE", speaker: null });
  });

  it("makes claims inside the flagged reader comments reader comments with no speaker, deleted ones too", async () => {
    expect(await attribution("comment")).toEqual({ type: "READER_COMMENT", speaker: null });
    expect(await attribution("deletedComment")).toEqual({ type: "READER_COMMENT", speaker: null });
  });

  it("makes one speaker per name whatever its case", async () => {
    expect((await attribution("copy")).speaker).toBe("Kanat Altynbayev");
    const { rows } = await client.query(`SELECT "name" FROM "Speaker" ORDER BY "name"`);
    expect(rows.map((r) => r.name)).toEqual(["CounterPunch (produced by Globetrotter)", "Kanat Altynbayev"]);
    await expect(client.query(`INSERT INTO "Speaker" ("id", "name") VALUES ('s2', 'kanat altynbayev')`)).rejects.toThrow(/Speaker_name_lower_key/);
  });

  it("refuses a claim resting on two things at once, or on itself", async () => {
    await client.query(`INSERT INTO "ExternalReference" ("id", "title", "publisher") VALUES ('tass', 'CSTO troops arrive in Kazakhstan', 'TASS')`);
    await expect(
      client.query(`UPDATE "Claim" SET "restsOnReferenceId" = 'tass', "restsOnSourceId" = 'counterpunch' WHERE "id" = $1`, [claimIds.author]),
    ).rejects.toThrow(/Claim_rests_on_one_check/);
    await expect(client.query(`UPDATE "Claim" SET "restsOnClaimId" = "id" WHERE "id" = $1`, [claimIds.author])).rejects.toThrow(/would rest on itself/);
    await client.query(`UPDATE "Claim" SET "restsOnClaimId" = $2 WHERE "id" = $1`, [claimIds.publisher, claimIds.author]);
    const { rows } = await client.query(`SELECT "restsOnClaimId" FROM "Claim" WHERE "id" = $1`, [claimIds.publisher]);
    expect(rows[0].restsOnClaimId).toBe(claimIds.author);
  });

  it("refuses a chain of rests-on that leads back to the claim", async () => {
    const restOn = (from: string, to: string | null) => client.query(`UPDATE "Claim" SET "restsOnClaimId" = $2 WHERE "id" = $1`, [claimIds[from], to && claimIds[to]]);
    await restOn("unsigned", "copy");
    await restOn("copy", "author");
    await expect(restOn("author", "unsigned")).rejects.toThrow(/would rest on itself/);
    await expect(restOn("author", "copy")).rejects.toThrow(/would rest on itself/);
    await restOn("copy", null);
    await restOn("author", "unsigned");
    const { rows } = await client.query(`SELECT "restsOnClaimId" FROM "Claim" WHERE "id" = $1`, [claimIds.author]);
    expect(rows[0].restsOnClaimId).toBe(claimIds.unsigned);
  });

  it("refuses half a claim date or one ending before it starts", async () => {
    const set = (start: string | null, end: string | null, precision: string | null) =>
      client.query(`UPDATE "Claim" SET "claimDateStart" = $2, "claimDateEnd" = $3, "claimDatePrecision" = $4 WHERE "id" = $1`, [claimIds.author, start, end, precision]);
    await expect(set("2022-01-01", null, "MONTH")).rejects.toThrow(/Claim_claim_date_check/);
    await expect(set("2022-01-31", "2022-01-01", "MONTH")).rejects.toThrow(/Claim_claim_date_check/);
    await set("2022-01-01", "2022-01-31", "MONTH");
    const { rows } = await client.query(`SELECT to_char("claimDateEnd", 'YYYY-MM-DD') AS end FROM "Claim" WHERE "id" = $1`, [claimIds.author]);
    expect(rows[0].end).toBe("2022-01-31");
  });
});
