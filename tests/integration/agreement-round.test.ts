// Issue 17: a round of independent annotation with three annotators on a corpus article, through
// the route handlers in accounts mode: what each annotator can see while the round is open, the
// agreement figures (checked against values worked out by hand below), curation (one decision
// per unit, also when two curators decide at once), exports of the curated set and of one
// annotator, and bad input answered with a 4xx that leaves the database as it was.
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedCorpus } from "@/lib/server/seed";
import { addMember, createProject, SEED_PROJECT } from "@/lib/server/projects";
import type { Actor } from "@/lib/server/users";
import type { CurationUnitView, ReaderClaim, RoundAgreementView, RoundView } from "@/lib/types";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";

type Routes = Record<string, RouteHandler>;
type Who = "olga" | "ann" | "bo" | "cy" | "cu" | "zed";

// The sentences of corpus article 001 the annotators tag (found in the seeded body by text).
const P1 = "Russia's invasion of Ukraine has in recent months brought into question the value of Central Asian countries' membership";
const P2 = "Russian forces have been accused of killing hundreds of Ukrainian civilians";
const P2_SHORT = "forces have been accused of killing hundreds of Ukrainian civilians"; // Bo leaves out "Russian "
const P3 = "Moscow's aggression has also unleashed a worldwide shock";
const P4 = "Sweden and Finland, two traditionally Nordic countries, are now taking steps towards fast-track membership of NATO";

describe("a round of independent annotation with three annotators", () => {
  let t: TestDatabase;
  let boClaim = "";
  let r: Record<"register" | "claims" | "claim" | "sourceClaims" | "rounds" | "round" | "close" | "done" | "agreement" | "disagreements" | "decisions" | "exporter", Routes>;
  const cookies = {} as Record<Who, string>;
  const actors = {} as Record<Who, Actor>;
  let source: { id: string; body: string };
  let otherSource: { id: string; body: string };
  let round: RoundView;

  beforeAll(async () => {
    process.env.CP_AUTH = "accounts";
    t = await createTestDatabase("agreement_round");
    await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
    useDatabaseForRoutes(t.url);
    const load = async (p: string) => (await import(p)) as unknown as Routes;
    r = {
      register: await load("@/app/api/auth/register/route"),
      claims: await load("@/app/api/claims/route"),
      claim: await load("@/app/api/claims/[id]/route"),
      sourceClaims: await load("@/app/api/sources/[id]/claims/route"),
      rounds: await load("@/app/api/rounds/route"),
      round: await load("@/app/api/rounds/[id]/route"),
      close: await load("@/app/api/rounds/[id]/close/route"),
      done: await load("@/app/api/rounds/[id]/done/route"),
      agreement: await load("@/app/api/rounds/[id]/agreement/route"),
      disagreements: await load("@/app/api/rounds/[id]/disagreements/route"),
      decisions: await load("@/app/api/rounds/[id]/decisions/route"),
      exporter: await load("@/app/api/export/[format]/route"),
    };
    // Olga signs up first and so owns the seeded project; the others join it.
    const names: Record<Who, string> = { olga: "Olga", ann: "Ann", bo: "Bo", cy: "Cy", cu: "Cu", zed: "Zed" };
    for (const who of ["olga", "ann", "bo", "cy", "cu", "zed"] as const) {
      const response = await callRoute(r.register.POST, { method: "POST", path: "/api/auth/register", body: { name: names[who], password: "correct horse battery" } });
      expect(response.status).toBe(201);
      cookies[who] = response.headers.get("set-cookie")!.split(";")[0]!;
      const user = await t.db.user.findUniqueOrThrow({ where: { name: names[who] } });
      actors[who] = { id: user.id, name: user.name };
    }
    for (const who of ["ann", "bo", "cy"] as const) await addMember(t.db, actors.olga, SEED_PROJECT.id, { name: names[who], role: "ANNOTATOR" });
    await addMember(t.db, actors.olga, SEED_PROJECT.id, { name: "Cu", role: "CURATOR" });
    // Zed owns another project and is no member of this one.
    await createProject(t.db, actors.zed, { slug: "elsewhere", name: "Elsewhere" });
    const s = await t.db.source.findFirstOrThrow({ where: { seedKey: { startsWith: "001" } } });
    source = { id: s.id, body: s.body };
    const o = await t.db.source.findFirstOrThrow({ where: { seedKey: { startsWith: "002" } } });
    otherSource = { id: o.id, body: o.body };
  });
  beforeEach(() => {
    process.env.CP_AUTH = "accounts";
  });
  afterEach(() => {
    delete process.env.CP_AUTH;
  });
  afterAll(async () => t?.drop());

  const as = (who: Who) => ({ cookie: cookies[who] });
  const json = async (response: Response) => ({ status: response.status, body: await response.json() });
  const get = (handler: RouteHandler, who: Who, p: string, params: Record<string, string> = {}) => callRoute(handler, { method: "GET", path: p, headers: as(who), params });
  const post = (handler: RouteHandler, who: Who, p: string, body: unknown, params: Record<string, string> = {}) => callRoute(handler, { method: "POST", path: p, headers: as(who), body, params });

  async function mark(who: Who, on: { id: string; body: string }, phrase: string, kind: "FACT" | "OPINION" | "PREDICTION") {
    const start = on.body.indexOf(phrase);
    expect(start).toBeGreaterThanOrEqual(0);
    const response = await json(await post(r.claims.POST, who, "/api/claims", { sourceId: on.id, start, end: start + phrase.length, kind }));
    expect(response.status).toBe(201);
    return response.body.claim.id as string;
  }
  const readerQuotes = async (who: Who) => {
    const { body } = await json(await get(r.sourceClaims.GET, who, `/api/sources/${source.id}/claims`, { id: source.id }));
    return (body.claims as ReaderClaim[]).map((c) => `${c.authorName}:${c.quote}`).sort();
  };
  const listAuthors = async (who: Who, query: string) => {
    const { body } = await json(await get(r.claims.GET, who, `/api/claims?project=csto&${query}`));
    return [...new Set((body.claims as { authorName: string }[]).map((c) => c.authorName))].sort();
  };
  const exportCsv = async (who: Who, query: string) => {
    const response = await get(r.exporter.GET, who, `/api/export/csv?project=csto&${query}`, { format: "csv" });
    expect(response.status).toBe(200);
    return parse(await response.text(), { columns: true, bom: true }) as Record<string, string>[];
  };

  it("lets an owner open a round for chosen members, and each annotator's claims carry it", async () => {
    const opened = await json(await post(r.rounds.POST, "olga", "/api/rounds", { sourceId: source.id, annotatorIds: [actors.ann.id, actors.bo.id, actors.cy.id] }));
    expect(opened.status).toBe(201);
    round = opened.body.round;
    expect(round.state).toBe("OPEN");
    expect(round.annotators.map((a) => a.name)).toEqual(["Ann", "Bo", "Cy"]);

    // The hand-computed example below rests on these twelve marks (the same words by several
    // annotators: the span invariant allows one per span per annotator within a round).
    await mark("ann", source, P1, "FACT");
    await mark("ann", source, P2, "FACT");
    await mark("ann", source, P3, "OPINION");
    await mark("ann", source, P4, "PREDICTION");
    await mark("bo", source, P1, "FACT");
    await mark("bo", source, P2_SHORT, "OPINION");
    boClaim = await mark("bo", source, P3, "OPINION");
    await mark("cy", source, P1, "FACT");
    await mark("cy", source, P2, "FACT");
    await mark("cy", source, P3, "OPINION");
    await mark("cy", source, P4, "PREDICTION");
    expect(await t.db.claim.count({ where: { roundId: round.id, deletedAt: null } })).toBe(11);
    // Twice the same span by one annotator is still refused.
    const start = source.body.indexOf(P1);
    const twin = await post(r.claims.POST, "ann", "/api/claims", { sourceId: source.id, start, end: start + P1.length, kind: "OPINION" });
    expect(twin.status).toBe(409);
  });

  it("hides the others' claims from an annotator until they mark their work done (reader, list, search, export)", async () => {
    expect(await readerQuotes("ann")).toEqual([P1, P2, P3, P4].map((q) => `Ann:${q}`).sort());
    expect(await listAuthors("ann", `sourceId=${source.id}`)).toEqual(["Ann"]);
    // Bo's claim asked for by its id (live notices carry ids): as if it did not exist.
    expect((await get(r.claim.GET, "ann", `/api/claims/${boClaim}`, { id: boClaim })).status).toBe(404);
    expect((await get(r.claim.GET, "olga", `/api/claims/${boClaim}`, { id: boClaim })).status).toBe(200);
    // Full-text search for words only Bo's and Cy's claims (and Ann's) hold: still only Ann's.
    expect(await listAuthors("ann", "q=civilians")).toEqual(["Ann"]);
    expect((await exportCsv("ann", `sourceId=${source.id}`)).map((row) => row.quote).sort()).toEqual([P1, P2, P3, P4].sort());
    // The owner, who runs the round and is not one of its annotators, sees everything.
    expect(await listAuthors("olga", `sourceId=${source.id}`)).toEqual(["Ann", "Bo", "Cy"]);
    // Results are withheld from an annotator who is not done.
    expect((await get(r.agreement.GET, "ann", `/api/rounds/${round.id}/agreement`, { id: round.id })).status).toBe(403);

    const done = await json(await post(r.done.POST, "ann", `/api/rounds/${round.id}/done`, {}, { id: round.id }));
    expect(done.status).toBe(200);
    expect(done.body.round.annotators.find((a: { name: string }) => a.name === "Ann").doneAt).not.toBeNull();
    expect(await listAuthors("ann", `sourceId=${source.id}`)).toEqual(["Ann", "Bo", "Cy"]);
    expect((await readerQuotes("ann")).length).toBe(11);
    expect((await get(r.claim.GET, "ann", `/api/claims/${boClaim}`, { id: boClaim })).status).toBe(200);
    // Bo has not marked done: he still sees only his own.
    expect(await readerQuotes("bo")).toEqual([P1, P2_SHORT, P3].map((q) => `Bo:${q}`).sort());
    expect((await exportCsv("bo", `sourceId=${source.id}`)).length).toBe(3);
    // Curation waits until everyone is done or the round is closed.
    const early = await json(await post(r.decisions.POST, "olga", `/api/rounds/${round.id}/decisions`, { unit: ["x"], decision: "reject" }, { id: round.id }));
    expect(early.status).toBe(409);

    const closed = await json(await post(r.close.POST, "olga", `/api/rounds/${round.id}/close`, {}, { id: round.id }));
    expect(closed.status).toBe(200);
    expect(closed.body.round.state).toBe("CLOSED");
    expect((await readerQuotes("bo")).length).toBe(11);
  });

  it("computes span F1, Cohen's kappa and Krippendorff's alpha as worked out by hand", async () => {
    const { status, body } = await json(await get(r.agreement.GET, "cu", `/api/rounds/${round.id}/agreement`, { id: round.id }));
    expect(status).toBe(200);
    const a = body.agreement as RoundAgreementView;
    const pair = (x: string, y: string) => a.pairs.find((p) => p.referenceName === x && p.otherName === y)!;

    // Ann (reference) and Bo. Spans matched by overlap of at least half the shorter span:
    // P1-P1, P2-P2_SHORT (Bo's lies inside Ann's), P3-P3; Ann's P4 has no partner.
    //   overlap: matched 3; precision 3/3 (Bo's spans matched) = 1; recall 3/4 = 0.75;
    //            F1 = 2·3 / (4 + 3) = 6/7 ≈ 0.857.
    //   exact:   P1 and P3 only: precision 2/3, recall 2/4, F1 = 2·2 / 7 = 4/7 ≈ 0.571.
    //   kappa over the 3 matched pairs (F,F), (F,O), (O,O): po = 2/3;
    //     Ann's kinds F 2/3, O 1/3; Bo's F 1/3, O 2/3; pe = 2/3·1/3 + 1/3·2/3 = 4/9;
    //     kappa = (2/3 − 4/9) / (1 − 4/9) = (2/9) / (5/9) = 0.4.
    const annBo = pair("Ann", "Bo");
    expect(annBo.overlap.matched).toBe(3);
    expect(annBo.overlap.precision).toBe(1);
    expect(annBo.overlap.recall).toBe(0.75);
    expect(annBo.overlap.f1).toBeCloseTo(6 / 7, 12);
    expect(annBo.exact.precision).toBeCloseTo(2 / 3, 12);
    expect(annBo.exact.recall).toBe(0.5);
    expect(annBo.exact.f1).toBeCloseTo(4 / 7, 12);
    expect(annBo.kappa).toBeCloseTo(0.4, 12);
    // Confusion (rows Ann, columns Bo; FACT, OPINION, PREDICTION): one F-F, one F-O, one O-O.
    expect(annBo.confusion).toEqual([[1, 1, 0], [0, 1, 0], [0, 0, 0]]);
    expect(annBo.perKind.find((k) => k.kind === "PREDICTION")).toMatchObject({ f1: 0, reference: 1, other: 0 });

    // Ann and Cy marked the same four spans with the same kinds: every F1 is 1 and kappa is 1
    // (po = 1, pe = (2/4)² + (1/4)² + (1/4)² = 0.375, kappa = (1 − 0.375) / (1 − 0.375) = 1).
    const annCy = pair("Ann", "Cy");
    expect([annCy.exact.f1, annCy.overlap.f1, annCy.kappa]).toEqual([1, 1, 1]);

    // Bo (reference) and Cy: the mirror of Ann and Bo. Precision 3/4 (Cy's P4 unmatched),
    // recall 3/3, F1 6/7; kappa over (F,F), (O,F), (O,O) again 0.4.
    const boCy = pair("Bo", "Cy");
    expect(boCy.overlap.precision).toBe(0.75);
    expect(boCy.overlap.recall).toBe(1);
    expect(boCy.overlap.f1).toBeCloseTo(6 / 7, 12);
    expect(boCy.kappa).toBeCloseTo(0.4, 12);

    // Krippendorff's alpha (nominal) over the four units, values per annotator (Ann, Bo, Cy):
    //   P1 (F,F,F), P2 (F,O,F), P3 (O,O,O), P4 (P,–,P). n = 3 + 3 + 3 + 2 = 11 pairable values.
    //   Coincidences (each ordered pair in a unit of m values weighs 1/(m−1)):
    //     P1: o_FF += 6·½ = 3;  P2: o_FF += 2·½ = 1, o_FO += 1, o_OF += 1;  P3: o_OO += 3;  P4: o_PP += 2.
    //   Σ o_cc = 3 + 1 + 3 + 2 = 9; marginals n_F = 5, n_O = 4, n_P = 2.
    //   alpha = 1 − (n − 1)(n − Σo_cc) / (n² − Σ n_c²) = 1 − 10·2 / (121 − 25 − 16 − 4) = 1 − 20/76 ≈ 0.737.
    expect(a.alpha.alpha).toBeCloseTo(1 - 20 / 76, 12);
    expect(a.alpha.pairableValues).toBe(11);
    expect(a.alpha.units).toBe(4);
    expect(a.alpha.unmatchedSpans).toBe(0);
    expect(a.matchingRule).toMatch(/at least half of the shorter span/);
  });

  let units: CurationUnitView[];

  it("lists the disagreements: the same words tagged differently, spans only some marked, spans that overlap but differ", async () => {
    const { status, body } = await json(await get(r.disagreements.GET, "cu", `/api/rounds/${round.id}/disagreements`, { id: round.id }));
    expect(status).toBe(200);
    units = body.units;
    // P1 and P3 are agreed by all three and are not listed; P2 differs in kind and span; P4 was
    // marked by Ann and Cy only.
    expect(units.map((u) => [u.claims[0]!.quote === P4 ? "P4" : "P2", [...u.issues].sort()])).toEqual([
      ["P2", ["kinds", "spans"]],
      ["P4", ["only-one"]],
    ]);
    const all = await json(await get(r.disagreements.GET, "cu", `/api/rounds/${round.id}/disagreements?all=1`, { id: round.id }));
    expect(all.body.units).toHaveLength(4);
  });

  it("records one decision when two curators decide the same unit at once, and the curated claim with its history", async () => {
    const p2 = units.find((u) => u.issues.includes("kinds"))!;
    const annsVersion = p2.claims.find((c) => c.authorName === "Ann")!;
    const before = await t.db.claim.count();
    const both = await Promise.all([
      post(r.decisions.POST, "olga", `/api/rounds/${round.id}/decisions`, { unit: p2.claims.map((c) => c.id), decision: "accept", claimId: annsVersion.id }, { id: round.id }),
      post(r.decisions.POST, "cu", `/api/rounds/${round.id}/decisions`, { unit: p2.claims.map((c) => c.id), decision: "edit", claimId: annsVersion.id, kind: "OPINION" }, { id: round.id }),
    ]);
    expect(both.map((b) => b.status).sort()).toEqual([201, 409]);
    const loser = await json(both.find((b) => b.status === 409)!);
    expect(loser.body.error.message).toMatch(/already decided/);
    expect(await t.db.curationDecision.count({ where: { roundId: round.id } })).toBe(1);
    expect(await t.db.claim.count()).toBe(before + 1);
    const decision = await t.db.curationDecision.findFirstOrThrow({ where: { roundId: round.id }, include: { claims: true, resultClaim: true } });
    expect(decision.claims.map((c) => c.claimId).sort()).toEqual(p2.claims.map((c) => c.id).sort());
    expect(decision.resultClaim).toMatchObject({ quote: P2, roundId: null, deletedAt: null });
    const history = await t.db.history.findMany({ where: { entity: "ROUND", entityId: round.id, action: { startsWith: "curation" } } });
    expect(history).toHaveLength(1);
    expect(history[0]!.claimId).toBe(decision.resultClaimId);

    // Reject the P4 unit: a decision with no claim.
    const p4 = units.find((u) => u.issues.includes("only-one"))!;
    const rejected = await json(await post(r.decisions.POST, "cu", `/api/rounds/${round.id}/decisions`, { unit: p4.claims.map((c) => c.id), decision: "reject" }, { id: round.id }));
    expect(rejected.status).toBe(201);
    expect(rejected.body.decision).toMatchObject({ decision: "REJECT", resultClaimId: null });
    const listed = await json(await get(r.disagreements.GET, "cu", `/api/rounds/${round.id}/disagreements`, { id: round.id }));
    expect(listed.body.units.map((u: CurationUnitView) => u.decision?.decision)).toEqual([decision.decision, "REJECT"]);
  });

  it("exports the curated set, and one annotator's claims", async () => {
    const curated = await exportCsv("olga", `set=curated`);
    expect(curated.map((row) => row.quote)).toEqual([P2]);
    const bos = await exportCsv("olga", `author=${actors.bo.id}`);
    expect(bos.map((row) => row.quote).sort()).toEqual([P1, P2_SHORT, P3].sort());
  });

  it("answers bad input with a 4xx and leaves the database unchanged", async () => {
    const fingerprint = await databaseFingerprint(t.db);
    // A round with one annotator.
    const one = await json(await post(r.rounds.POST, "olga", "/api/rounds", { sourceId: otherSource.id, annotatorIds: [actors.ann.id, actors.ann.id] }));
    expect(one.status).toBe(400);
    expect(one.body.error.message).toMatch(/two different annotators/);
    // An annotator opening a round; a viewer-less stranger opening one on our source.
    expect((await post(r.rounds.POST, "ann", "/api/rounds", { sourceId: otherSource.id, annotatorIds: [actors.ann.id, actors.bo.id] })).status).toBe(403);
    expect((await post(r.rounds.POST, "zed", "/api/rounds", { sourceId: otherSource.id, annotatorIds: [actors.ann.id, actors.bo.id] })).status).toBe(404);
    // Curation of a round that does not exist (a source not in a round).
    const none = await json(await post(r.decisions.POST, "cu", "/api/rounds/rnothing/decisions", { unit: ["c1"], decision: "reject" }, { id: "rnothing" }));
    expect(none.status).toBe(404);
    expect(none.body.error.message).toMatch(/Round rnothing does not exist/);
    // A curator (here: owner) of another project acting on this one's round: 404, as for a stranger.
    const p1 = units.length ? (await t.db.claim.findFirstOrThrow({ where: { roundId: round.id, quote: P1 } })).id : "";
    expect((await post(r.decisions.POST, "zed", `/api/rounds/${round.id}/decisions`, { unit: [p1], decision: "reject" }, { id: round.id })).status).toBe(404);
    expect((await get(r.agreement.GET, "zed", `/api/rounds/${round.id}/agreement`, { id: round.id })).status).toBe(404);
    // An annotator deciding: 403. A claim outside the round in the unit: 400.
    expect((await post(r.decisions.POST, "ann", `/api/rounds/${round.id}/decisions`, { unit: [p1], decision: "reject" }, { id: round.id })).status).toBe(403);
    expect((await post(r.decisions.POST, "cu", `/api/rounds/${round.id}/decisions`, { unit: [p1, "cnotthere"], decision: "reject" }, { id: round.id })).status).toBe(400);
    // An edit that changes nothing: 400.
    expect((await post(r.decisions.POST, "cu", `/api/rounds/${round.id}/decisions`, { unit: [p1], decision: "edit" }, { id: round.id })).status).toBe(400);
    expect(await databaseFingerprint(t.db)).toBe(fingerprint);
  });

  it("answers 422 for agreement when fewer than two annotators have claims", async () => {
    const opened = await json(await post(r.rounds.POST, "olga", "/api/rounds", { sourceId: otherSource.id, annotatorIds: [actors.ann.id, actors.bo.id] }));
    expect(opened.status).toBe(201);
    const second: RoundView = opened.body.round;
    // A second open round on the same source is refused by the database's partial unique index.
    expect((await post(r.rounds.POST, "olga", "/api/rounds", { sourceId: otherSource.id, annotatorIds: [actors.ann.id, actors.cy.id] })).status).toBe(409);
    const empty = await json(await get(r.agreement.GET, "olga", `/api/rounds/${second.id}/agreement`, { id: second.id }));
    expect(empty.status).toBe(422);
    expect(empty.body.error.message).toMatch(/at least two annotators.*nobody has/);
    await mark("ann", otherSource, otherSource.body.slice(0, 40).trim(), "FACT");
    const fingerprint = await databaseFingerprint(t.db);
    const one = await json(await get(r.agreement.GET, "olga", `/api/rounds/${second.id}/agreement`, { id: second.id }));
    expect(one.status).toBe(422);
    expect(one.body.error.message).toMatch(/only Ann has/);
    expect(await databaseFingerprint(t.db)).toBe(fingerprint);
  });
});
