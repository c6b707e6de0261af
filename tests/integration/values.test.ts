// Values through the real route handlers: a dates cluster compares its members only once it names
// the event they date; a REFINES link settles the conflict in the cluster and in the suggestions;
// a researcher's correction of a figure or a date is stored and wins; bad corrections are refused, nothing written.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/claims/route";
import { PUT as valueRoute } from "@/app/api/claims/[id]/value/route";
import { GET as clusterRoute, PATCH as clusterPatchRoute } from "@/app/api/clusters/[id]/route";
import { POST as clustersRoute } from "@/app/api/clusters/route";
import { POST as linksRoute } from "@/app/api/links/route";
import { GET as suggestionsRoute } from "@/app/api/contradictions/route";
import { seedCorpus } from "@/lib/server/seed";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";

let t: TestDatabase;

async function call(handler: unknown, method: string, url: string, body?: unknown, params: Record<string, string> = {}) {
  const response = await callRoute(handler as RouteHandler, { method, path: url, body, params });
  return { status: response.status, json: await response.json() };
}
async function mark(seedKey: string, phrase: string) {
  const source = await t.db.source.findUniqueOrThrow({ where: { seedKey }, select: { id: true, body: true } });
  const start = source.body.indexOf(phrase);
  if (start < 0) throw new Error(`not in ${seedKey}: ${phrase}`);
  const r = await call(createRoute, "POST", "/api/claims", { sourceId: source.id, start, end: start + phrase.length, kind: "FACT" });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.claim.id as string;
}
const cluster = async (id: string) => (await call(clusterRoute, "GET", `/api/clusters/${id}`, undefined, { id })).json.cluster;
const suggested = async () => (await call(suggestionsRoute, "GET", "/api/contradictions?project=csto")).json.suggestions as Array<{ fromId: string; toId: string; conflicts: Array<{ a: string; b: string }> }>;
const putValue = (id: string, body: unknown) => call(valueRoute, "PUT", `/api/claims/${id}/value`, body, { id });

beforeAll(async () => {
  t = await createTestDatabase("values_api");
  await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
  useDatabaseForRoutes(t.url);
});
afterAll(async () => t?.drop());

describe("a dates cluster", () => {
  const ids: Record<string, string> = {};
  let clusterId = "";

  it("compares dates only once the event is named, and a REFINES link settles the conflict everywhere", async () => {
    ids.formation = await mark("001_368f92058b86ed85.txt", "Since its formation in 2002, the CSTO as an alliance has deployed a unit exactly once");
    ids.established = await mark("004_438cc6c4c90e1221.txt", "The resultant CSTO was officially established in 2003");
    ids.session = await mark("000_dfd454984cb772b8.txt", "At the Moscow session of the CST on May 14, 2002, a decision was made to transform the CST into a full-fledged international organization");
    const created = await call(clustersRoute, "POST", "/api/clusters?project=csto", { name: "When was the CSTO founded", claimIds: Object.values(ids) });
    expect(created.status).toBe(201);
    clusterId = created.json.cluster.id;

    let view = await cluster(clusterId);
    expect(view.members.map((m: { values: { date: { start: string; end: string; precision: string } } }) => m.values.date)).toEqual([
      expect.objectContaining({ start: "2002-05-14", end: "2002-05-14", precision: "day" }),
      expect.objectContaining({ start: "2002-01-01", end: "2002-12-31", precision: "year" }),
      expect.objectContaining({ start: "2003-01-01", end: "2003-12-31", precision: "year" }),
    ]);
    expect(view.contradictions).toEqual([]);

    expect((await call(clusterPatchRoute, "PATCH", `/api/clusters/${clusterId}`, { event: "CSTO founded" }, { id: clusterId })).status).toBe(200);
    view = await cluster(clusterId);
    expect(view.event).toBe("CSTO founded");
    expect(view.contradictions).toEqual([
      { aId: ids.session, bId: ids.established, basis: "dates", figures: [{ a: "14 May 2002", b: "2003" }] },
      { aId: ids.formation, bId: ids.established, basis: "dates", figures: [{ a: "2002", b: "2003" }] },
    ]);
    const pairs = (await suggested()).map((s) => [s.fromId, s.toId].sort().join());
    expect(pairs).toContain([ids.formation, ids.established].sort().join());

    const link = await call(linksRoute, "POST", "/api/links", { fromId: ids.established, toId: ids.formation, relation: "REFINES" });
    expect(link.status).toBe(201);
    view = await cluster(clusterId);
    expect(view.contradictions).toEqual([{ aId: ids.session, bId: ids.established, basis: "dates", figures: [{ a: "14 May 2002", b: "2003" }] }]);
    expect(view.settled).toEqual([
      expect.objectContaining({ aId: ids.formation, bId: ids.established, basis: "dates", relation: "REFINES", by: expect.any(String) }),
    ]);
    expect(view.links).toEqual([expect.objectContaining({ fromId: ids.established, toId: ids.formation, relation: "REFINES" })]);
    expect((await suggested()).map((s) => [s.fromId, s.toId].sort().join())).not.toContain([ids.formation, ids.established].sort().join());
  });

  it("reads each suggested pair in the order its sources are asked for (compare's columns), whichever was stored first", async () => {
    const sourceOf = async (seedKey: string) => (await t.db.source.findUniqueOrThrow({ where: { seedKey }, select: { id: true } })).id;
    const [session, established] = [await sourceOf("000_dfd454984cb772b8.txt"), await sourceOf("004_438cc6c4c90e1221.txt")];
    const pairIn = async (order: string[]) => {
      const r = await call(suggestionsRoute, "GET", `/api/contradictions?project=csto&sourceIds=${order.join(",")}`);
      expect(r.status).toBe(200);
      return (r.json.suggestions as Array<{ fromId: string; toId: string; conflicts: Array<{ a: string; b: string }> }>)
        .find((s) => [s.fromId, s.toId].sort().join() === [ids.session, ids.established].sort().join());
    };
    expect(await pairIn([session, established])).toMatchObject({ fromId: ids.session, toId: ids.established, conflicts: [{ a: "14 May 2002", b: "2003" }] });
    expect(await pairIn([established, session])).toMatchObject({ fromId: ids.established, toId: ids.session, conflicts: [{ a: "2003", b: "14 May 2002" }] });
  });

  it("lets a claim name its own event, which wins over the cluster's", async () => {
    expect((await putValue(ids.session, { event: "decision to transform the CST" })).status).toBe(200);
    const view = await cluster(clusterId);
    expect(view.contradictions).toEqual([]);
    expect(view.members.find((m: { claimId: string }) => m.claimId === ids.session).values.event).toBe("decision to transform the CST");
  });
});

describe("a date's correction", () => {
  it("is stored on the claim, wins over the quote's date in the cluster, and clearing it lets the quote speak again", async () => {
    const inForce = await mark("000_dfd454984cb772b8.txt", "ratified by all CSTO member states, and entered into force in September 2003");
    const signed = await mark("004_438cc6c4c90e1221.txt", "with the erstwhile signing of its charter in October 2002 in Moldova");
    const created = await call(clustersRoute, "POST", "/api/clusters?project=csto", { name: "Charter signed", claimIds: [inForce, signed] });
    const id = created.json.cluster.id;
    expect((await call(clusterPatchRoute, "PATCH", `/api/clusters/${id}`, { event: "charter signed" }, { id })).status).toBe(200);
    const dateOf = async (claimId: string) => (await cluster(id)).members.find((m: { claimId: string }) => m.claimId === claimId).values.date;
    expect((await cluster(id)).contradictions).toEqual([expect.objectContaining({ basis: "dates", figures: [expect.objectContaining({ a: expect.stringMatching(/^(September 2003|October 2002)$/) })] })]);

    // The researcher judges the quote's September 2003 to be when it took force, not when it was signed.
    const put = await putValue(inForce, { date: { start: "2002-10-01", end: "2002-10-31", precision: "MONTH" } });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    expect(await dateOf(inForce)).toEqual({ start: "2002-10-01", end: "2002-10-31", precision: "month", text: "set by a researcher", corrected: true });
    expect((await cluster(id)).contradictions).toEqual([]);
    const row = await t.db.claim.findUniqueOrThrow({ where: { id: inForce } });
    expect([row.claimDateStart?.toISOString().slice(0, 10), row.claimDateEnd?.toISOString().slice(0, 10), row.claimDatePrecision]).toEqual(["2002-10-01", "2002-10-31", "MONTH"]);
    expect(await t.db.history.count({ where: { entityId: inForce, action: "claim date set" } })).toBe(1);

    // A correction of the figure alone leaves the date as it is.
    expect((await putValue(inForce, { event: "charter signed" })).status).toBe(200);
    expect(await dateOf(inForce)).toMatchObject({ start: "2002-10-01", corrected: true });

    expect((await putValue(inForce, { date: null })).status).toBe(200);
    expect(await dateOf(inForce)).toMatchObject({ start: "2003-09-01", end: "2003-09-30", precision: "month", corrected: false });
    expect((await cluster(id)).contradictions).toHaveLength(1);
  });
});

describe("a figure's correction", () => {
  it("is stored and wins over the parse, and clearing it lets the parse speak again", async () => {
    const essay = await mark("000_dfd454984cb772b8.txt", "about 3,000 paratroopers");
    const counterpunch = await mark("003_87eb5ab265d9726a.txt", "2,500 of its troops entered Kazakhstan");
    const created = await call(clustersRoute, "POST", "/api/clusters?project=csto", { name: "Kazakhstan deployment", claimIds: [essay, counterpunch] });
    const id = created.json.cluster.id;
    expect((await cluster(id)).contradictions).toEqual([
      { aId: essay, bId: counterpunch, basis: "figures", figures: [{ a: "about 3,000 paratroopers", b: "2,500 troops" }] },
    ]);
    const figureOf = async (claimId: string) => (await cluster(id)).members.find((m: { claimId: string }) => m.claimId === claimId).values.figure;

    // A wider "about" (±20%) reaches 2,400: the two can both be true.
    const put = await putValue(essay, { tolerance: 0.2 });
    expect(put.status).toBe(200);
    expect(await figureOf(essay)).toMatchObject({ intervalText: "[2,400, 3,600]", corrected: true, quantity: "troops", part: "paratroopers" });
    expect((await cluster(id)).contradictions).toEqual([]);

    expect((await putValue(essay, { lower: 2000, upper: 4000, upperOpen: true, quantity: "troops", unit: "soldiers" })).status).toBe(200);
    expect(await figureOf(essay)).toMatchObject({ intervalText: "[2,000, 4,000)", lower: 2000, upper: 4000, upperOpen: true, quantity: "troops", part: null, unit: "soldiers" });
    expect((await putValue(essay, {})).status).toBe(200);
    expect(await figureOf(essay)).toMatchObject({ intervalText: "[2,700, 3,300]", corrected: false });
    expect(await t.db.claimValue.count({ where: { claimId: essay } })).toBe(0);
  });

  it.each([
    [{ lower: 5000, upper: 4000 }, /lower bound must not be above the upper bound/],
    [{ unit: "widgets" }, /not a unit the app knows/],
    [{ value: 1e300 }, /must be at most/],
    [{ value: "NaN" }, /must be a number/],
    [{ value: 5, lower: 10 }, /value must lie between the bounds/],
    [{ tolerance: 2 }, /at most 1/],
    [{ tolerance: "wide" }, /tolerance: must be a number/],
    [{ colour: "red" }, /colour/],
    [{ date: { start: "2022-02-31", end: "2022-02-31", precision: "DAY" } }, /not a real day/],
    [{ date: { start: "2022-03-02", end: "2022-03-01", precision: "DAY" } }, /start must not be after end/],
    [{ date: { start: "March 2022", end: "2022-03-31", precision: "MONTH" } }, /must be a date \(yyyy-mm-dd\)/],
    [{ date: { start: "2022-03-01", end: "2022-03-31", precision: "WEEK" } }, /precision: must be one of DAY, MONTH, YEAR/],
  ])("refuses %j with a 400 and writes nothing", async (body, message) => {
    const claim = await t.db.claim.findFirstOrThrow({ where: { quote: "about 3,000 paratroopers" } });
    const before = await databaseFingerprint(t.db);
    const r = await putValue(claim.id, body);
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(message);
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it("answers 404 for a claim that does not exist", async () => {
    const r = await putValue("no-such-claim", { value: 3 });
    expect(r.status).toBe(404);
  });
});
