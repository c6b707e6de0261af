// Provenance through the real route handlers: the default attribution of a new claim, changing
// speaker, attribution, origin and claim date (with history), refusals, speakers and references,
// the suggestions and the provenance graph with its independent origins.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/claims/route";
import { PATCH as patchRoute, DELETE as deleteRoute } from "@/app/api/claims/[id]/route";
import { GET as historyRoute } from "@/app/api/claims/[id]/history/route";
import { GET as claimProvenanceRoute } from "@/app/api/claims/[id]/provenance/route";
import { GET as suggestionsRoute } from "@/app/api/claims/[id]/provenance-suggestions/route";
import { GET as clusterProvenanceRoute } from "@/app/api/clusters/[id]/provenance/route";
import { POST as clustersRoute } from "@/app/api/clusters/route";
import { GET as speakersRoute, POST as createSpeakerRoute } from "@/app/api/speakers/route";
import { GET as referencesRoute, POST as createReferenceRoute } from "@/app/api/references/route";
import { POST as createSourceRoute } from "@/app/api/sources/route";
import { seedCorpus } from "@/lib/server/seed";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";

let t: TestDatabase;
let source: { id: string; body: string };

async function call(handler: RouteHandler, method: string, url: string, body?: unknown, params: Record<string, string> = {}) {
  const response = await callRoute(handler, { method, path: url, body, params });
  return { status: response.status, json: await response.json() };
}
async function mark(sourceId: string, body: string, phrase: string, after = 0) {
  const start = body.indexOf(phrase, after);
  if (start < 0) throw new Error(`not in the source: ${phrase}`);
  const r = await call(createRoute as RouteHandler, "POST", "/api/claims", { sourceId, start, end: start + phrase.length, kind: "FACT" });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.claim;
}
const patch = (id: string, body: Record<string, unknown>) => call(patchRoute as RouteHandler, "PATCH", `/api/claims/${id}`, body, { id });
async function newSource(body: string, meta: Record<string, string> = {}) {
  const r = await call(createSourceRoute as RouteHandler, "POST", "/api/sources?project=csto", { body, ...meta });
  expect(r.status).toBe(201);
  return { id: r.json.source.id as string, body };
}

beforeAll(async () => {
  t = await createTestDatabase("provenance_api");
  await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
  useDatabaseForRoutes(t.url);
  source = await t.db.source.findUniqueOrThrow({ where: { seedKey: "001_368f92058b86ed85.txt" }, select: { id: true, body: true } });
});
afterAll(async () => t?.drop());

describe("a new claim's attribution", () => {
  it("is the author's own voice in the article, and a reader comment with no speaker in the comments", async () => {
    const own = await mark(source.id, source.body, "Rafael Sattarov");
    expect(own.provenance.attributionType).toBe("OWN_VOICE");
    expect(own.provenance.speaker.name).toBe("Kanat Altynbayev");
    const comment = await mark(source.id, source.body, "The Russian army has been utterly disgraced in Ukraine", source.body.indexOf("Do you like this article?"));
    expect(comment.provenance).toMatchObject({ attributionType: "READER_COMMENT", speaker: null });
    const stored = await t.db.claim.findUniqueOrThrow({ where: { id: comment.id }, select: { attributionType: true, speakerId: true } });
    expect(stored).toEqual({ attributionType: "READER_COMMENT", speakerId: null });
  });

  it("reuses one speaker record for the author across claims", async () => {
    await mark(source.id, source.body, "Michael Andersen");
    expect(await t.db.speaker.count({ where: { name: { equals: "kanat altynbayev", mode: "insensitive" } } })).toBe(1);
  });
});

describe("changing a claim's provenance", () => {
  it("sets speaker by name, attribution type, an outside origin and a claim date, each in the history", async () => {
    const claim = await mark(source.id, source.body, "expanding Russian military influence");
    const r = await patch(claim.id, {
      version: claim.version, speakerName: "Michael Andersen", speakerRole: "Danish journalist", attributionType: "PARAPHRASE",
      restsOn: { kind: "newReference", reference: { title: "Interview with Michael Andersen", publisher: "Caravanserai", url: "https://example.org/andersen", date: "2022-05-10" } },
      claimDate: { start: "2022-01-01", end: "2022-12-31", precision: "YEAR" },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.claim.provenance).toMatchObject({
      speaker: { name: "Michael Andersen", role: "Danish journalist" }, attributionType: "PARAPHRASE",
      restsOn: { kind: "reference", label: "Interview with Michael Andersen, Caravanserai, 2022-05-10" },
      claimDate: { start: "2022-01-01", end: "2022-12-31", precision: "YEAR" },
    });
    const history = await call(historyRoute as RouteHandler, "GET", `/api/claims/${claim.id}/history`, undefined, { id: claim.id });
    expect(history.json.history.at(-1).action).toBe("attributed+sourced+dated");
    expect(history.json.history.at(-1).after).toMatchObject({ speaker: "Michael Andersen", attributionType: "PARAPHRASE", claimDate: { precision: "YEAR" } });
  });

  it("refuses bad provenance with a 4xx and writes nothing", async () => {
    const a = await mark(source.id, source.body, "Uzbek political analyst");
    const b = await mark(source.id, source.body, "Belarusification");
    expect((await patch(b.id, { version: 1, restsOn: { kind: "claim", id: a.id } })).status).toBe(200);
    const gone = await mark(source.id, source.body, "Vladimir Putin's wishes");
    const removed = await call(deleteRoute as RouteHandler, "DELETE", `/api/claims/${gone.id}?version=1`, undefined, { id: gone.id });
    expect(removed.status).toBe(200);
    const before = await databaseFingerprint(t.db);
    const refusals: [Record<string, unknown>, number, RegExp][] = [
      [{ version: 1, restsOn: { kind: "claim", id: b.id } }, 409, /lead back/],
      [{ version: 1, restsOn: { kind: "claim", id: a.id } }, 409, /lead back/],
      [{ version: 1, restsOn: { kind: "claim", id: gone.id } }, 400, /deleted/],
      [{ version: 1, restsOn: { kind: "source", id: "no-such-source" } }, 400, /does not exist/],
      [{ version: 1, attributionType: "RUMOUR" }, 400, /attributionType/],
      [{ version: 1, speakerName: "   " }, 400, /must not be empty/],
      [{ version: 1, speakerId: "no-such-speaker" }, 400, /does not exist/],
      [{ version: 1, claimDate: { start: "2022-02-30", end: "2022-02-30", precision: "DAY" } }, 400, /not a real day/],
      [{ version: 1, claimDate: { start: "soon", end: "later", precision: "DAY" } }, 400, /date/],
      [{ version: 1, claimDate: { start: "2022-03-01", end: "2022-02-01", precision: "MONTH" } }, 400, /after/],
    ];
    for (const [body, status, message] of refusals) {
      const r = await patch(a.id, body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.json.error.message).toMatch(message);
    }
    expect(await databaseFingerprint(t.db)).toBe(before);
  });
});

describe("speakers and references", () => {
  it("makes a speaker once whatever the case, and finds it by an alias", async () => {
    const made = await call(createSpeakerRoute as RouteHandler, "POST", "/api/speakers", { name: "Collective Security Treaty Organization", aliases: ["CSTO"] });
    expect(made.status).toBe(201);
    const again = await call(createSpeakerRoute as RouteHandler, "POST", "/api/speakers", { name: "collective security treaty organization" });
    expect(again.status).toBe(200);
    expect(again.json.speaker.id).toBe(made.json.speaker.id);
    const found = await call(speakersRoute as RouteHandler, "GET", "/api/speakers?q=cst");
    expect(found.json.speakers.map((s: { name: string }) => s.name)).toEqual(["Collective Security Treaty Organization"]);
    expect((await call(createSpeakerRoute as RouteHandler, "POST", "/api/speakers", { name: "" })).status).toBe(400);
  });

  it("keeps outside references and lists them by title", async () => {
    const made = await call(createReferenceRoute as RouteHandler, "POST", "/api/references", { title: "TASS wire report", publisher: "TASS", date: "2022-01-06" });
    expect(made.status).toBe(201);
    const found = await call(referencesRoute as RouteHandler, "GET", "/api/references?q=tass");
    expect(found.json.references[0]).toMatchObject({ title: "TASS wire report", date: "2022-01-06" });
    expect((await call(createReferenceRoute as RouteHandler, "POST", "/api/references", { title: "x", date: "next week" })).status).toBe(400);
  });
});

describe("suggestions", () => {
  it("offers the speaker of an attribution phrase, and saves nothing", async () => {
    const claim = await mark(source.id, source.body, "The violent crackdown could lead the Kazakh leadership and elites into a process");
    const before = await databaseFingerprint(t.db);
    const r = await call(suggestionsRoute as RouteHandler, "GET", `/api/claims/${claim.id}/provenance-suggestions`, undefined, { id: claim.id });
    expect(r.status).toBe(200);
    expect(r.json.attributions[0]).toMatchObject({ speakerName: "Rafael Sattarov", attributionType: "REPORTED" });
    expect(await databaseFingerprint(t.db)).toBe(before);
  });
});

describe("provenance graph", () => {
  it("three sources resting on one origin and one independent source: 2 independent origins", async () => {
    const wire = await newSource("TASS reported that 2,500 CSTO troops arrived in Almaty on 6 January 2022.", { title: "TASS wire", publisher: "TASS" });
    const origin = await mark(wire.id, wire.body, "2,500 CSTO troops arrived in Almaty");
    const members = [];
    for (const outlet of ["Outlet A", "Outlet B", "Outlet C"]) {
      const s = await newSource(`${outlet} says 2,500 CSTO troops arrived in Almaty, citing TASS.`, { title: outlet, publisher: outlet });
      const c = await mark(s.id, s.body, "2,500 CSTO troops arrived in Almaty");
      expect((await patch(c.id, { version: c.version, restsOn: { kind: "claim", id: origin.id }, attributionType: "REPORTED" })).status).toBe(200);
      members.push(c.id);
    }
    const own = await newSource("Our reporter counted about 2,000 troops at the airport.", { title: "Independent reporter", publisher: "Independent" });
    members.push((await mark(own.id, own.body, "about 2,000 troops at the airport")).id);
    const cluster = await call(clustersRoute as RouteHandler, "POST", "/api/clusters?project=csto", { name: "Troops in Almaty", claimIds: members });
    expect(cluster.status).toBe(201);
    const id = cluster.json.cluster.id;
    const r = await call(clusterProvenanceRoute as RouteHandler, "GET", `/api/clusters/${id}/provenance`, undefined, { id });
    expect(r.json.provenance.summary.sentence).toBe("4 claims in 4 sources resting on 2 independent origins");
    expect(r.json.provenance.chains).toHaveLength(4);
    expect(r.json.provenance.chains[0]).toEqual([`claim:${members[0]}`, `claim:${origin.id}`]);
    const one = await call(claimProvenanceRoute as RouteHandler, "GET", `/api/claims/${members[1]}/provenance`, undefined, { id: members[1] });
    expect(one.json.provenance.nodes.map((n: { label: string; depth: number }) => [n.label, n.depth])).toEqual([
      ["2,500 CSTO troops arrived in Almaty", 0], ["2,500 CSTO troops arrived in Almaty", 1],
    ]);
    expect(one.json.provenance.summary.sentence).toBe("1 claim in 1 source resting on 1 independent origin");
  });
});
