// Project membership (lib/server/projects.ts) under concurrency and at its edges: membership
// changes lock the project's row, so two owners demoting each other at once leave one owner, two
// first sign-ups at once give a project exactly one owner, and adding one member twice at once is
// one member and one 409. Outcomes are read as the routes would answer them (status, message).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseFailureAnswer } from "@/lib/db-errors";
import { DomainError } from "@/lib/errors";
import { registerUser } from "@/lib/server/auth";
import { createCluster } from "@/lib/server/clusters";
import { addMember, changeMemberRole, createProject, removeMember } from "@/lib/server/projects";
import type { Actor } from "@/lib/server/users";
import { CSTO } from "../helpers/members";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";

const ROUNDS = 6;
const PASSWORD = "correct horse battery";

/** What a route would answer for this call: its status (2xx: 200) and message. */
async function outcome(call: Promise<unknown>): Promise<{ status: number; message: string | null }> {
  try {
    await call;
    return { status: 200, message: null };
  } catch (err) {
    if (err instanceof DomainError) return { status: err.status, message: err.message };
    const answer = databaseFailureAnswer(err);
    return answer ? { status: answer.status, message: answer.message } : { status: 500, message: String(err) };
  }
}

describe("project membership", () => {
  let t: TestDatabase;
  let people = 0;
  const register = (name: string) => registerUser(t.db, { action: "register", name, address: null }, PASSWORD);
  const owners = async (projectId: string) =>
    (await t.db.projectMember.findMany({ where: { projectId, role: "OWNER" }, select: { userId: true } })).map((m) => m.userId);

  beforeAll(async () => {
    t = await createTestDatabase("projects");
  });
  afterAll(async () => t?.drop());

  it("two first sign-ups at once: exactly one owns the seeded project, the other is not a member", async () => {
    const [first, second] = await Promise.all([register("Ivy First"), register("Jon First")]);
    const members = await t.db.projectMember.findMany({ where: { projectId: CSTO }, select: { userId: true, role: true } });
    expect(members).toHaveLength(1);
    expect(members[0]!.role).toBe("OWNER");
    expect([first.id, second.id]).toContain(members[0]!.userId);
    expect(await t.db.history.count({ where: { projectId: CSTO, action: "member added" } })).toBe(1);
  });

  it("two sign-ups at once, again and again: every ownerless project gets exactly one owner", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const project = await t.db.project.create({ data: { id: `p_ownerless${round}`, slug: `ownerless${round}`, name: `Ownerless ${round}` } });
      const made = await Promise.all([register(`Kim Round ${round}`), register(`Lee Round ${round}`)]);
      const owner = await owners(project.id);
      expect(owner, `round ${round}`).toHaveLength(1);
      expect(made.map((u) => u.id)).toContain(owner[0]);
      expect(await t.db.projectMember.count({ where: { projectId: project.id } })).toBe(1);
    }
  });

  it("two owners demoting each other at once leave exactly one owner; the other is told they no longer may", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const a = await register(`Ann Owner ${round}`);
      const b = await register(`Ben Owner ${round}`);
      const project = await createProject(t.db, a, { slug: `duel${round}`, name: `Duel ${round}` });
      await addMember(t.db, a, project.id, { name: b.name, role: "OWNER" });
      const answers = await Promise.all([
        outcome(changeMemberRole(t.db, a, project.id, b.id, "ANNOTATOR")),
        outcome(changeMemberRole(t.db, b, project.id, a.id, "ANNOTATOR")),
      ]);
      expect(answers.map((x) => x.status).sort(), `round ${round}`).toEqual([200, 403]);
      expect(answers.find((x) => x.status === 403)!.message).toBe("Only an owner of the project can add, change or remove members");
      const left = await owners(project.id);
      expect(left).toHaveLength(1);
      // The winner is the one whose change was made: the loser is now an annotator.
      const winner = answers[0]!.status === 200 ? a : b;
      expect(left).toEqual([winner.id]);
      expect(await t.db.history.count({ where: { projectId: project.id, action: "role changed" } })).toBe(1);
    }
  });

  it("two owners removing each other at once leave exactly one owner", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const a = await register(`Cat Owner ${round}`);
      const b = await register(`Dan Owner ${round}`);
      const project = await createProject(t.db, a, { slug: `purge${round}`, name: `Purge ${round}` });
      await addMember(t.db, a, project.id, { name: b.name, role: "OWNER" });
      const answers = await Promise.all([outcome(removeMember(t.db, a, project.id, b.id)), outcome(removeMember(t.db, b, project.id, a.id))]);
      // The loser is no longer a member at all: to them the project is not there.
      expect(answers.map((x) => x.status).sort(), `round ${round}`).toEqual([200, 404]);
      expect(await owners(project.id)).toHaveLength(1);
      expect(await t.db.projectMember.count({ where: { projectId: project.id } })).toBe(1);
    }
  });

  it("adding the same member twice at once: one is added, the other is told they are a member already", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const owner = await register(`Eve Owner ${round}`);
      const newcomer = await register(`Fay Newcomer ${round}`);
      const project = await createProject(t.db, owner, { slug: `twice${round}`, name: `Twice ${round}` });
      const answers = await Promise.all([
        outcome(addMember(t.db, owner, project.id, { name: newcomer.name, role: "ANNOTATOR" })),
        outcome(addMember(t.db, owner, project.id, { name: newcomer.name.toUpperCase(), role: "VIEWER" })),
      ]);
      expect(answers.map((x) => x.status).sort(), `round ${round}`).toEqual([200, 409]);
      expect(answers.find((x) => x.status === 409)!.message).toMatch(new RegExp(`^${newcomer.name} is already a member \\((annotator|viewer)\\)$`));
      expect(await t.db.projectMember.count({ where: { projectId: project.id, userId: newcomer.id } })).toBe(1);
      expect(await t.db.history.count({ where: { projectId: project.id, action: "member added" } })).toBe(1);
    }
  });

  it("a role changed or removed a moment ago is what the next write sees", async () => {
    const owner = await register(`Max Owner ${++people}`);
    const member = await register(`Nia Member ${people}`);
    const project = await createProject(t.db, owner, { slug: "fickle", name: "Fickle" });
    await addMember(t.db, owner, project.id, { name: member.name, role: "ANNOTATOR" });
    expect(await outcome(createCluster(t.db, member, project.id, { name: "While an annotator" }))).toEqual({ status: 200, message: null });
    await changeMemberRole(t.db, owner, project.id, member.id, "VIEWER");
    expect(await outcome(createCluster(t.db, member, project.id, { name: "As a viewer" }))).toEqual({ status: 403, message: "As a viewer of this project you cannot make clusters" });
    await removeMember(t.db, owner, project.id, member.id);
    expect(await outcome(createCluster(t.db, member, project.id, { name: "Gone" }))).toEqual({ status: 404, message: "This belongs to a project you are not a member of" });
    expect((await t.db.cluster.findMany({ where: { projectId: project.id }, select: { name: true } })).map((c) => c.name)).toEqual(["While an annotator"]);
    expect((await t.db.history.findMany({ where: { projectId: project.id, entity: "PROJECT" }, orderBy: { id: "asc" }, select: { action: true } })).map((h) => h.action)).toEqual([
      "project created", "member added", "role changed", "member removed",
    ]);
  });

  it("keeps its last owner, lets only owners manage members, and hides a project from strangers; nothing written when refused", async () => {
    const owner = await register(`Gus Owner ${++people}`);
    const curator = await register(`Hal Curator ${people}`);
    const stranger: Actor = await register(`Ida Stranger ${people}`);
    const project = await createProject(t.db, owner, { slug: "edges", name: "Edges" });
    await addMember(t.db, owner, project.id, { name: curator.name, role: "CURATOR" });
    const before = await databaseFingerprint(t.db);
    const refusals: [string, () => Promise<unknown>, number, RegExp][] = [
      ["demote the last owner", () => changeMemberRole(t.db, owner, project.id, owner.id, "CURATOR"), 409, /keeps at least one owner/],
      ["remove the last owner", () => removeMember(t.db, owner, project.id, owner.id), 409, /keeps at least one owner/],
      ["a curator adds", () => addMember(t.db, curator, project.id, { name: stranger.name, role: "VIEWER" }), 403, /Only an owner/],
      ["a curator promotes themself", () => changeMemberRole(t.db, curator, project.id, curator.id, "OWNER"), 403, /Only an owner/],
      ["a stranger adds themself", () => addMember(t.db, stranger, project.id, { name: stranger.name, role: "OWNER" }), 404, /not a member/],
      ["nobody by that name", () => addMember(t.db, owner, project.id, { name: "No Such Person", role: "VIEWER" }), 404, /no researcher named "No Such Person"/],
      ["not a member", () => changeMemberRole(t.db, owner, project.id, stranger.id, "VIEWER"), 404, /not a member of the project/],
    ];
    for (const [what, call, status, message] of refusals) {
      const answer = await outcome(call());
      expect({ what, status: answer.status }).toEqual({ what, status });
      expect(answer.message, what).toMatch(message);
    }
    expect(await databaseFingerprint(t.db)).toBe(before);
  });
});
