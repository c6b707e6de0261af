// Projects and their members (lib/roles.ts says what each role may do). Every read of a project's
// data starts from `projectAccess` (the page's or request's project, and the reader's role in it),
// every write checks `requireRole` inside its own transaction, so a role removed a moment ago is
// never acted on. Membership changes lock the project's row: two owners demoting each other at
// once leave one owner, not none.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Db, Tx } from "./db";
import { badRequest, conflict, forbidden, notFound } from "../errors";
import { nameKey } from "../names";
import { roleLabel } from "../labels";
import { mayManageMembers, PROJECT_SLUG, roleAtLeast, type ProjectRole } from "../roles";
import type { Actor } from "./users";
import type { MembershipEventView, MemberView } from "../types";

export interface ProjectRef {
  id: string;
  slug: string;
  name: string;
}

export interface ProjectAccess {
  project: ProjectRef;
  /** The reader's role; "OWNER" for the one person of single-user mode. */
  role: ProjectRole;
}

const NOT_A_MEMBER = (slug: string) => `There is no project "${slug}" among yours`;

/** The researcher's role in the project, or null. Single-user mode's researcher owns every project
 *  (no membership rows: there are no accounts then). One primary-key read. */
export async function roleIn(db: Db | Tx, actor: Actor | null, projectId: string): Promise<ProjectRole | null> {
  if (!actor) return null;
  if (actor.mayEditAll) return "OWNER";
  const row = await db.projectMember.findUnique({ where: { projectId_userId: { projectId, userId: actor.id } }, select: { role: true } });
  return row?.role ?? null;
}

/** The project named in a URL and the reader's role in it; 404 when it does not exist or the
 *  reader is not a member (a stranger cannot tell the two apart). */
export async function projectAccess(db: Db, actor: Actor | null, slug: string): Promise<ProjectAccess> {
  if (!PROJECT_SLUG.test(slug)) throw notFound(NOT_A_MEMBER(slug.slice(0, 60)));
  const project = await db.project.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  const role = project ? await roleIn(db, actor, project.id) : null;
  if (!project || !role) throw notFound(NOT_A_MEMBER(slug));
  return { project, role };
}

/** Inside a write's transaction: the actor's role, or 403 (a member short of `need`) / 404 (not a
 *  member). `what` completes "Your role … does not allow you to …". */
export async function requireRole(tx: Tx, actor: Actor, projectId: string, need: ProjectRole, what: string): Promise<ProjectRole> {
  const role = await roleIn(tx, actor, projectId);
  if (!role) throw notFound("This belongs to a project you are not a member of");
  if (!roleAtLeast(role, need)) throw forbidden(`As ${article(role)} ${roleLabel(role).toLowerCase()} of this project you cannot ${what}`);
  return role;
}

/** Speakers and outside references are shared by every project: making one needs the right to
 *  annotate in some project (a viewer only, or a member of none, gets 403: no project's data is
 *  named, so there is nothing to hide behind a 404). One indexed read. */
export async function requireAnnotatorAnywhere(db: Db | Tx, actor: Actor, what: string): Promise<void> {
  if (actor.mayEditAll) return;
  const row = await db.projectMember.findFirst({ where: { userId: actor.id, role: { not: "VIEWER" } }, select: { projectId: true } });
  if (!row) throw forbidden(`Only an annotator of a project can ${what}, and you annotate in none`);
}

/** The ids of the projects the researcher is a member of (any role); null: every project (single-user mode). */
export async function memberProjectIds(db: Db | Tx, actor: Actor): Promise<string[] | null> {
  if (actor.mayEditAll) return null;
  return (await db.projectMember.findMany({ where: { userId: actor.id }, select: { projectId: true } })).map((m) => m.projectId);
}

const article = (role: ProjectRole) => (role === "OWNER" || role === "ANNOTATOR" ? "an" : "a");

/** The project of a source, claim or cluster (null when it does not exist). */
export async function projectOfSource(db: Db | Tx, sourceId: string): Promise<string | null> {
  return (await db.source.findUnique({ where: { id: sourceId }, select: { projectId: true } }))?.projectId ?? null;
}

export async function projectOfClaim(db: Db | Tx, claimId: string): Promise<string | null> {
  return (await db.claim.findUnique({ where: { id: claimId }, select: { source: { select: { projectId: true } } } }))?.source.projectId ?? null;
}

export async function projectOfCluster(db: Db | Tx, clusterId: string): Promise<string | null> {
  return (await db.cluster.findUnique({ where: { id: clusterId }, select: { projectId: true } }))?.projectId ?? null;
}

export interface ProjectSummary extends ProjectRef {
  role: ProjectRole;
  sources: number;
  members: number;
}

/** The projects a researcher sees: theirs (every project in single-user mode), by name. One query
 *  plus two grouped counts. */
export async function projectsOf(db: Db, actor: Actor | null): Promise<ProjectSummary[]> {
  if (!actor) return [];
  const rows = actor.mayEditAll
    ? (await db.project.findMany({ select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } })).map((p) => ({ ...p, role: "OWNER" as ProjectRole }))
    : (
        await db.projectMember.findMany({ where: { userId: actor.id }, select: { role: true, project: { select: { id: true, slug: true, name: true } } }, orderBy: { project: { name: "asc" } } })
      ).map((m) => ({ ...m.project, role: m.role }));
  const ids = rows.map((r) => r.id);
  const [sources, members] = await Promise.all([
    db.source.groupBy({ by: ["projectId"], where: { projectId: { in: ids } }, _count: { _all: true } }),
    db.projectMember.groupBy({ by: ["projectId"], where: { projectId: { in: ids } }, _count: { _all: true } }),
  ]);
  const counted = (list: { projectId: string; _count: { _all: number } }[]) => new Map(list.map((r) => [r.projectId, r._count._all]));
  const [sourceCounts, memberCounts] = [counted(sources), counted(members)];
  return rows.map((r) => ({ ...r, sources: sourceCounts.get(r.id) ?? 0, members: memberCounts.get(r.id) ?? 0 }));
}

/** A new project; its maker is its owner. The unique slug decides between two at once. */
export async function createProject(db: Db, actor: Actor, input: { slug: string; name: string; note?: string }): Promise<ProjectRef> {
  if (!PROJECT_SLUG.test(input.slug)) throw badRequest("slug: lower-case letters, digits and inner hyphens, 1 to 40 characters");
  return db.$transaction(async (tx) => {
    const project = await tx.project.create({
      data: { id: `p${randomBytes(12).toString("hex")}`, slug: input.slug, name: input.name.trim(), note: input.note ?? "" },
      select: { id: true, slug: true, name: true },
    });
    if (!actor.mayEditAll) await tx.projectMember.create({ data: { projectId: project.id, userId: actor.id, role: "OWNER" } });
    await tx.history.create({
      data: { entity: "PROJECT", entityId: project.id, projectId: project.id, action: "project created", after: { slug: project.slug, name: project.name }, actorId: actor.id },
    });
    return project;
  });
}

export async function membersOf(db: Db, projectId: string): Promise<MemberView[]> {
  const rows = await db.projectMember.findMany({
    where: { projectId },
    select: { userId: true, role: true, addedAt: true, user: { select: { name: true } } },
    orderBy: [{ addedAt: "asc" }, { userId: "asc" }],
  });
  return rows.map((r) => ({ userId: r.userId, name: r.user.name, role: r.role, addedAt: r.addedAt.toISOString() }));
}

/** Locks the project's row for the rest of the transaction (membership changes take turns) and
 *  checks the actor owns it. */
async function lockAsOwner(tx: Tx, actor: Actor, projectId: string): Promise<void> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Project" WHERE "id" = ${projectId} FOR UPDATE`;
  if (!locked.length) throw notFound("The project does not exist");
  const role = await roleIn(tx, actor, projectId);
  if (!role) throw notFound("This belongs to a project you are not a member of");
  if (!mayManageMembers(role)) throw forbidden("Only an owner of the project can add, change or remove members");
}

async function ownerCount(tx: Tx, projectId: string): Promise<number> {
  return tx.projectMember.count({ where: { projectId, role: "OWNER" } });
}

const memberHistory = (projectId: string, actor: Actor, action: string, before: object | null, after: object | null) => ({
  entity: "PROJECT" as const,
  entityId: projectId,
  projectId,
  action,
  ...(before ? { before } : {}),
  ...(after ? { after } : {}),
  actorId: actor.id,
});

/** An owner adds a researcher, by name, with a role. */
export async function addMember(db: Db, actor: Actor, projectId: string, input: { name: string; role: ProjectRole }): Promise<MemberView> {
  return db.$transaction(async (tx) => {
    await lockAsOwner(tx, actor, projectId);
    const user = await tx.user.findUnique({ where: { nameKey: nameKey(input.name) }, select: { id: true, name: true } });
    if (!user) throw notFound(`There is no researcher named "${input.name.trim().slice(0, 100)}": they sign up first, then an owner adds them`);
    const existing = await tx.projectMember.findUnique({ where: { projectId_userId: { projectId, userId: user.id } }, select: { role: true } });
    if (existing) throw conflict(`${user.name} is already a member (${roleLabel(existing.role).toLowerCase()})`);
    const row = await tx.projectMember.create({ data: { projectId, userId: user.id, role: input.role }, select: { addedAt: true } });
    await tx.history.create({ data: memberHistory(projectId, actor, "member added", null, { userId: user.id, name: user.name, role: input.role }) });
    return { userId: user.id, name: user.name, role: input.role, addedAt: row.addedAt.toISOString() };
  });
}

/** An owner changes a member's role; the last owner stays an owner. */
export async function changeMemberRole(db: Db, actor: Actor, projectId: string, userId: string, role: ProjectRole): Promise<MemberView> {
  return db.$transaction(async (tx) => {
    await lockAsOwner(tx, actor, projectId);
    const member = await tx.projectMember.findUnique({ where: { projectId_userId: { projectId, userId } }, select: { role: true, addedAt: true, user: { select: { name: true } } } });
    if (!member) throw notFound("This researcher is not a member of the project");
    if (member.role === "OWNER" && role !== "OWNER" && (await ownerCount(tx, projectId)) === 1) {
      throw conflict("A project keeps at least one owner: make another member an owner first");
    }
    if (member.role !== role) {
      await tx.projectMember.update({ where: { projectId_userId: { projectId, userId } }, data: { role } });
      await tx.history.create({ data: memberHistory(projectId, actor, "role changed", { userId, name: member.user.name, role: member.role }, { userId, name: member.user.name, role }) });
    }
    return { userId, name: member.user.name, role, addedAt: member.addedAt.toISOString() };
  });
}

/** An owner removes a member (their claims stay, under their name); the last owner stays. */
export async function removeMember(db: Db, actor: Actor, projectId: string, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockAsOwner(tx, actor, projectId);
    const member = await tx.projectMember.findUnique({ where: { projectId_userId: { projectId, userId } }, select: { role: true, user: { select: { name: true } } } });
    if (!member) throw notFound("This researcher is not a member of the project");
    if (member.role === "OWNER" && (await ownerCount(tx, projectId)) === 1) throw conflict("A project keeps at least one owner: make another member an owner first");
    await tx.projectMember.delete({ where: { projectId_userId: { projectId, userId } } });
    await tx.history.create({ data: memberHistory(projectId, actor, "member removed", { userId, name: member.user.name, role: member.role }, null) });
  });
}

/** The project's membership history, newest first (one index range scan). */
export async function membershipHistory(db: Db, projectId: string, limit = 200): Promise<MembershipEventView[]> {
  const rows = await db.history.findMany({
    where: { projectId, entity: "PROJECT" },
    select: { id: true, action: true, before: true, after: true, createdAt: true, actor: { select: { name: true } } },
    orderBy: { id: "desc" },
    take: limit,
  });
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    actorName: r.actor?.name ?? null,
    before: r.before as MembershipEventView["before"],
    after: r.after as MembershipEventView["after"],
    at: r.createdAt.toISOString(),
  }));
}

/** Accounts mode: the first researcher to sign up owns every project that has no owner yet (the
 *  seeded corpus, on a new installation). The lock makes two sign-ups at once take turns, so a
 *  project gets exactly one such owner. */
export async function adoptOwnerlessProjects(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Project" ORDER BY "id" FOR UPDATE`;
  // A new statement: it sees an owner committed by a sign-up that held the lock first.
  const adopted = await tx.$queryRaw<{ projectId: string }[]>`
    INSERT INTO "ProjectMember" ("projectId", "userId", "role")
    SELECT p."id", ${userId}, 'OWNER'::"ProjectRole" FROM "Project" p
    WHERE NOT EXISTS (SELECT 1 FROM "ProjectMember" m WHERE m."projectId" = p."id" AND m."role" = 'OWNER')
    ON CONFLICT DO NOTHING
    RETURNING "projectId"`;
  if (adopted.length) {
    await tx.history.createMany({
      data: adopted.map(({ projectId }) => ({ entity: "PROJECT" as const, entityId: projectId, projectId, action: "member added", after: { userId, role: "OWNER", reason: "first researcher of a project without an owner" }, actorId: userId })),
    });
  }
}

/** The seeded project (the shipped corpus lands in it). */
export const SEED_PROJECT = { id: "p_csto", slug: "csto", name: "CSTO corpus" } as const;
