// Who may change what, beyond claims and links (lib/server/claims.ts, lib/server/links.ts). The
// rules, also in README ("Projects, roles and who may change what"); lib/roles.ts has the roles:
// - a cluster (its members, its existence) is changed by the researcher who made it, or a curator;
// - a source's metadata by any annotator of its project; its text by the researcher who added it,
//   a curator, or anyone while no other researcher's claims sit on it (new text re-anchors, and may
//   orphan, their claims);
// - single-user mode: the one person at the keyboard owns every project.
import "server-only";
import type { Tx } from "./db";
import { forbidden } from "../errors";
import { mayChangeWork, mayCurate, type ProjectRole } from "../roles";
import type { Actor } from "./users";

export function checkClusterChange(actor: Actor, role: ProjectRole, cluster: { name: string; authorId: string; author: { name: string } }): void {
  if (mayChangeWork(role, actor.id, cluster.authorId)) return;
  throw forbidden(`The cluster "${cluster.name}" was made by ${cluster.author.name}: only they or a curator can change or delete it`);
}

/** One indexed query: the first live claim of another researcher on the source. */
export async function checkSourceTextChange(tx: Tx, actor: Actor, role: ProjectRole, source: { id: string; createdById: string | null }): Promise<void> {
  if (mayCurate(role) || source.createdById === actor.id) return;
  const other = await tx.claim.findFirst({
    where: { sourceId: source.id, deletedAt: null, authorId: { not: actor.id } },
    select: { author: { select: { name: true } } },
  });
  if (other) throw forbidden(`Claims of ${other.author.name} sit on this text: only the researcher who added the source or a curator can change its text (its details can still be corrected)`);
}
