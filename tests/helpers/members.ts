// Researchers as members of a project. Since projects (commit 7f3f0d5) every write checks the
// actor's role in the project of what it changes; a test that acts through lib functions makes
// its researcher a member first. A test database made from the migrated template has the seeded
// project (p_csto, slug csto) and no members.
import type { Db } from "@/lib/server/db";
import { ensureUser, type Actor } from "@/lib/server/users";
import type { ProjectRole } from "@/lib/roles";

/** The seeded project's id (its slug is csto: prisma/migrations/20261202100000_projects, lib/server/projects.ts). */
export const CSTO = "p_csto";

/** The researcher `name` (created if missing, as in single-user mode's ensureUser), made a member
 *  of `projectId` with `role` (default: annotator of the seeded project); an existing membership
 *  gets that role. */
export async function member(db: Db, name: string, role: ProjectRole = "ANNOTATOR", projectId: string = CSTO): Promise<Actor> {
  const actor = await ensureUser(db, name);
  await db.projectMember.upsert({
    where: { projectId_userId: { projectId, userId: actor.id } },
    create: { projectId, userId: actor.id, role },
    update: { role },
  });
  return actor;
}
