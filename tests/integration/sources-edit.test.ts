// Adding a source and correcting it through POST /api/sources and PATCH /api/sources/:id:
// validation a researcher sees, and claims that follow the text (or are marked orphaned, never lost).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim, deleteClaim } from "@/lib/server/claims";
import { member } from "../helpers/members";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";

let t: TestDatabase;
let POST: typeof import("@/app/api/sources/route").POST;
let PATCH: typeof import("@/app/api/sources/[id]/route").PATCH;

const TEXT = [
  "Kazakhstan asked the CSTO for help in January 2022.",
  "Led by Russia, a CSTO mission of more than 2,000 troops was deployed.",
  "The troops left within two weeks.",
  "Critics called the mission a Russian show of force.",
].join("\n\n");

function json(method: string, url: string, body: unknown) {
  return new Request(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}
async function create(body: unknown) {
  const response = await POST(json("POST", "http://test/api/sources?project=csto", body), undefined);
  return { status: response.status, json: await response.json() };
}
async function patch(id: string, body: unknown) {
  const response = await PATCH(json("PATCH", `http://test/api/sources/${id}`, body), { params: Promise.resolve({ id }) });
  return { status: response.status, json: await response.json() };
}

beforeAll(async () => {
  t = await createTestDatabase("sources_edit");
  process.env.DATABASE_URL = t.url;
  ({ POST } = await import("@/app/api/sources/route"));
  ({ PATCH } = await import("@/app/api/sources/[id]/route"));
});
afterAll(async () => t?.drop());

describe("adding a source", () => {
  it("stores pasted text with its metadata; an exact date and an approximate one go where they belong", async () => {
    const exact = await create({ body: `${TEXT}\r\n`, title: "  CSTO in Kazakhstan ", author: "A. Writer", publisher: "", date: "2022-01-14", url: "https://example.org/csto" });
    expect(exact.status).toBe(201);
    expect(exact.json.source).toMatchObject({ title: "CSTO in Kazakhstan", author: "A. Writer", publisher: null, publishedDate: "2022-01-14", approxDate: null, url: "https://example.org/csto", version: 1 });
    const row = await t.db.source.findUniqueOrThrow({ where: { id: exact.json.source.id } });
    expect(row.body).toBe(`${TEXT}\n`);
    expect(row.wordCount).toBeGreaterThan(30);

    // The same text twice would be refused as a duplicate (409): each source here has its own last line.
    const approx = await create({ body: `${TEXT}\n\nFiled later.`, date: "2022-01" });
    expect(approx.json.source).toMatchObject({ publishedDate: null, approxDate: "2022-01", title: null });
  });

  it("refuses empty text, impossible dates and addresses that are not web addresses, writing nothing", async () => {
    const before = await databaseFingerprint(t.db);
    const cases: [unknown, string][] = [
      [{ body: "   \n " }, "body: must not be empty"],
      [{ title: "No text" }, "body: is required"],
      [{ body: TEXT, date: "14/01/2022" }, "date: must be yyyy-mm-dd, yyyy-mm or yyyy"],
      [{ body: TEXT, date: "2022-02-30" }, "date: is not a real day"],
      [{ body: TEXT, date: "2022-13" }, "date: has no such month"],
      [{ body: TEXT, url: "javascript:alert(1)" }, "url: must be an http:// or https:// address"],
      [{ body: TEXT, url: "not a url" }, "url: must be an http:// or https:// address"],
      [{ body: TEXT, colour: "red" }, "Unknown field: colour"],
    ];
    for (const [body, message] of cases) {
      const response = await create(body);
      expect(response.status, message).toBe(400);
      expect(response.json.error.message).toBe(message);
    }
    expect(await databaseFingerprint(t.db)).toBe(before);
  });
});

describe("editing a source", () => {
  let sourceId = "";
  const claimIds: Record<string, string> = {};

  beforeAll(async () => {
    sourceId = (await create({ body: `${TEXT}\n\nKept for editing.`, title: "Editable" })).json.source.id;
    const actor = await member(t.db, "researcher");
    for (const [name, quote] of [["troops", "more than 2,000 troops"], ["left", "The troops left within two weeks."], ["critics", "a Russian show of force"], ["asked", "asked the CSTO for help"]] as const) {
      const start = TEXT.indexOf(quote);
      claimIds[name] = (await createClaim(t.db, actor, { sourceId, start, end: start + quote.length, kind: "FACT" })).id;
    }
    // A deleted claim is re-anchored too, so undoing the delete brings it back in the right place.
    await deleteClaim(t.db, actor, claimIds.critics);
  });

  it("changes metadata and bumps the version; a stale version is refused", async () => {
    const edited = await patch(sourceId, { version: 1, author: "B. Writer", date: "2021", url: "" });
    expect(edited.status).toBe(200);
    expect(edited.json.source).toMatchObject({ author: "B. Writer", approxDate: "2021", publishedDate: null, url: null, title: "Editable", version: 2 });
    expect(edited.json.reanchor).toBeNull();
    const stale = await patch(sourceId, { version: 1, title: "Lost update" });
    expect(stale.status).toBe(409);
    expect((await t.db.source.findUniqueOrThrow({ where: { id: sourceId } })).title).toBe("Editable");
    expect((await patch(sourceId, { version: 2, date: "2021-02-29" })).status).toBe(400);
    expect((await patch(sourceId, { version: 2, body: "" })).json.error.message).toBe("body: must not be empty");
  });

  it("new text moves claims with their quote and orphans the one whose sentence is gone; none is lost", async () => {
    const newText = [
      "Editor's note: corrected on 20 January.",
      "Kazakhstan asked the CSTO for help in early January 2022.",
      "Led by Russia, a CSTO mission of more than 2,000 troops was deployed.",
      "Critics called the mission a Russian show of force.",
    ].join("\n\n");
    const claimsBefore = await t.db.claim.count({ where: { sourceId } });
    const response = await patch(sourceId, { version: 2, body: newText });
    expect(response.status).toBe(200);
    expect(response.json.reanchor).toEqual({ moved: 3, orphaned: 1, unchanged: 0, recovered: 0 });
    expect(response.json.source.version).toBe(3);

    const claims = new Map((await t.db.claim.findMany({ where: { sourceId } })).map((c) => [c.id, c]));
    expect(claims.size).toBe(claimsBefore);
    for (const name of ["troops", "critics", "asked"]) {
      const c = claims.get(claimIds[name])!;
      expect(c.orphaned).toBe(false);
      expect(newText.slice(c.start, c.end)).toBe(c.quote);
      expect(c.prefix).toBe(newText.slice(Math.max(0, c.start - 32), c.start));
    }
    const left = claims.get(claimIds.left)!;
    expect(left).toMatchObject({ orphaned: true, quote: "The troops left within two weeks.", start: TEXT.indexOf("The troops left") });

    const source = await t.db.source.findUniqueOrThrow({ where: { id: sourceId } });
    expect(source.body).toBe(newText);
    expect(source.wordCount).toBe(newText.split(/\s+/).length);
    const history = await t.db.history.findMany({ where: { claimId: { in: Object.values(claimIds) } }, orderBy: { id: "asc" } });
    expect(history.filter((h) => h.action === "reanchored").map((h) => h.claimId).sort()).toEqual([claimIds.troops, claimIds.critics, claimIds.asked].sort());
    expect(history.filter((h) => h.action === "orphaned").map((h) => h.claimId)).toEqual([claimIds.left]);
  });

  it("saving the same text again changes no claim", async () => {
    const source = await t.db.source.findUniqueOrThrow({ where: { id: sourceId } });
    const before = await t.db.claim.findMany({ where: { sourceId }, orderBy: { id: "asc" } });
    const response = await patch(sourceId, { version: source.version, body: source.body, title: "Edited once more" });
    expect(response.json.reanchor).toBeNull();
    expect(await t.db.claim.findMany({ where: { sourceId }, orderBy: { id: "asc" } })).toEqual(before);
  });
});

describe("marking right after another app process corrected the text", () => {
  // The marking path remembers source texts in memory; a correction made by another process
  // (simulated by writing the row directly) must still be the text a new claim is judged against.
  it("anchors the new claim in the corrected text, at offsets only the corrected text has", async () => {
    const researcher = await member(t.db, "marker");
    const made = await create({ body: `${TEXT}\n\nKept for marking.`, title: "Remembered text" });
    const id = made.json.source.id as string;
    const first = await createClaim(t.db, researcher, { sourceId: id, start: 0, end: 10, kind: "FACT" });
    expect(first.quote).toBe("Kazakhstan");

    // Offsets the remembered text also has: the database's content check catches the change.
    const corrected = `Breaking: ${TEXT}`;
    await t.db.source.update({ where: { id }, data: { body: corrected, contentHash: "corrected-elsewhere-1" } });
    const shifted = await createClaim(t.db, researcher, { sourceId: id, start: 0, end: 8, kind: "OPINION" });
    expect(shifted.quote).toBe("Breaking");

    // Offsets past the end of the remembered text: judged against the corrected one, not refused.
    const longer = `${corrected} A late paragraph says the last troops flew home on 19 January 2022.`;
    await t.db.source.update({ where: { id }, data: { body: longer, contentHash: "corrected-elsewhere-2" } });
    const late = longer.indexOf("19 January 2022");
    const claim = await createClaim(t.db, researcher, { sourceId: id, start: late, end: late + 15, kind: "FACT", quote: "19 January 2022" });
    expect(claim.quote).toBe("19 January 2022");

    for (const made of [shifted, claim]) {
      const row = await t.db.claim.findUniqueOrThrow({ where: { id: made.id } });
      expect(longer.slice(row.start, row.end)).toBe(row.quote);
    }
  });
});
