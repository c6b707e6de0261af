import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "@/lib/server/auth";
import { openRound } from "@/lib/server/rounds";
import { addMemberInput, changeMemberInput, createProjectInput, curationDecisionInput, openRoundInput } from "@/lib/schemas";
import { type MalformedCase, expectEveryCaseRefused, junkIds, malformedBodies, oddValueBodies, refusedBy } from "../helpers/malformed";
import { useAccountsMode } from "../helpers/auth-mode";
import { member } from "../helpers/members";
import { useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { seedWithClaims } from "../helpers/seeded-claims";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";

// The endpoints projects and rounds brought (projects, members, rounds, curation decisions) get
// 200+ malformed requests each, sent by their owner (the one role every write of theirs admits):
// never a 500, always a 4xx with a message, and the database unchanged.
const CASES = 210;
const JUNK_IDS = junkIds("u" + "0".repeat(24));


describe("malformed writes to the projects, members and rounds endpoints", () => {
  useAccountsMode();
  let t: TestDatabase;
  let cookie = "";
  const ids = { source: "", annotatorA: "", annotatorB: "", round: "" };
  const load = async (p: string) => (await import(p)) as unknown as Record<string, RouteHandler>;

  beforeAll(async () => {
    t = await createTestDatabase("fuzz_projects");
    const { source } = await seedWithClaims(t);
    ids.source = source.id;
    const owner = await member(t.db, "Fuzz Owner", "OWNER");
    ids.annotatorA = (await member(t.db, "Fuzz Ann")).id;
    ids.annotatorB = (await member(t.db, "Fuzz Bo")).id;
    ids.round = (await openRound(t.db, owner, { sourceId: ids.source, annotatorIds: [ids.annotatorA, ids.annotatorB] })).id;
    cookie = `cp_session=${(await createSession(t.db, owner.id)).token}`;
    useDatabaseForRoutes(t.url);
  });
  afterAll(async () => t?.drop());

  const send = (handler: RouteHandler, method: string, path: string, params: Record<string, string>, cases: MalformedCase[]) => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    return expectEveryCaseRefused(t.db, handler, { method, path, params, headers: { cookie } }, cases);
  };
  const idCases = (make: (id: string) => Record<string, unknown>) =>
    Array.from({ length: 21 }, (_, i) => ({ label: `ids #${i}`, rawBody: JSON.stringify(make(JUNK_IDS[i % JUNK_IDS.length]!)) }));

  it("POST /api/projects", async () => {
    const { POST } = await load("@/app/api/projects/route");
    const valid = { slug: "fuzzed", name: "Fuzzed project", note: "n" };
    const cases = [
      ...refusedBy(createProjectInput, malformedBodies(valid, CASES, 31, ["note"])),
      ...refusedBy(createProjectInput, oddValueBodies(valid)),
      // The seeded project's slug is taken: 409, nothing made.
      { label: "taken slug", rawBody: JSON.stringify({ ...valid, slug: "csto" }) },
    ];
    await send(POST, "POST", "/api/projects", {}, cases);
  });

  it("POST /api/projects/:project/members, PATCH and DELETE /api/projects/:project/members/:userId", async () => {
    const members = await load("@/app/api/projects/[project]/members/route");
    const one = await load("@/app/api/projects/[project]/members/[userId]/route");
    const add = { name: "Fuzz Ann", role: "VIEWER" };
    await send(members.POST!, "POST", "/api/projects/csto/members", { project: "csto" }, [
      ...refusedBy(addMemberInput, malformedBodies(add, CASES, 32)),
      ...refusedBy(addMemberInput, oddValueBodies(add)),
      // An existing member (409), a researcher nobody signed up as (404), an unknown project (404).
      { label: "already a member", rawBody: JSON.stringify(add) },
      ...idCases(() => ({ name: "Nobody Signed Up", role: "VIEWER" })),
    ]);
    await send(members.POST!, "POST", "/api/projects/x/members", { project: "no-such-project" }, [{ label: "unknown project", rawBody: JSON.stringify({ name: "Fuzz Owner", role: "VIEWER" }) }].concat(
      refusedBy(addMemberInput, malformedBodies(add, CASES, 33)),
    ));
    await send(one.PATCH!, "PATCH", "/api/projects/csto/members/x", { project: "csto", userId: ids.annotatorA }, [
      ...refusedBy(changeMemberInput, malformedBodies({ role: "CURATOR" }, CASES, 34)),
      ...refusedBy(changeMemberInput, oddValueBodies({ role: "CURATOR" })),
    ]);
    // Researchers who are not members, or not researchers at all: 404 to a change and to a removal.
    for (const userId of [...JUNK_IDS, "unknown-user"]) {
      const request = { path: "/api/projects/csto/members/x", params: { project: "csto", userId }, headers: { cookie } };
      await expectEveryCaseRefused(t.db, one.PATCH!, { method: "PATCH", ...request }, [{ label: `member ${userId}`, rawBody: JSON.stringify({ role: "CURATOR" }) }]);
      await expectEveryCaseRefused(t.db, one.DELETE!, { method: "DELETE", ...request }, [{ label: `member ${userId}`, rawBody: "" }]);
    }
  });

  it("POST /api/rounds and POST /api/rounds/:id/decisions", async () => {
    const rounds = await load("@/app/api/rounds/route");
    const decisions = await load("@/app/api/rounds/[id]/decisions/route");
    const open = { sourceId: ids.source, annotatorIds: [ids.annotatorA, ids.annotatorB] };
    await send(rounds.POST!, "POST", "/api/rounds?project=csto", {}, [
      ...refusedBy(openRoundInput, malformedBodies(open, CASES, 36)),
      ...refusedBy(openRoundInput, oddValueBodies(open, ["sourceId"])),
      // A second open round on the source (409); junk sources and annotators (404).
      { label: "second round", rawBody: JSON.stringify(open) },
      ...idCases((junk) => ({ sourceId: junk, annotatorIds: [ids.annotatorA, ids.annotatorB] })),
      ...idCases((junk) => ({ sourceId: ids.source, annotatorIds: [ids.annotatorA, junk] })),
    ]);
    const decide = { unit: ["c1", "c2"], decision: "accept", claimId: "c1" };
    await send(decisions.POST!, "POST", "/api/rounds/x/decisions", { id: ids.round }, [
      ...refusedBy(curationDecisionInput, malformedBodies(decide, CASES, 37, ["claimId"])),
      ...refusedBy(curationDecisionInput, oddValueBodies(decide, ["claimId"])),
      // The round is open and nobody is done: no decision yet (409), whatever the ids.
      ...idCases((junk) => ({ unit: [junk], decision: "reject" })),
    ]);
  });
});
