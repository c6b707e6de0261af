// Who may change what, beyond claims and links (lib/claims.ts, lib/links.ts). The rules, also in
// README ("Researchers and who may change what"):
// - a cluster (its members, its existence) is changed by the researcher who made it;
// - a source's metadata by anyone signed in; its text by the researcher who added it, or by anyone
//   while no other researcher's claims sit on it (new text re-anchors, and may orphan, their claims);
// - single-user mode (Actor.mayEditAll): the one person at the keyboard may change everything.
import "server-only";
import type { Tx } from "./db";
import { forbidden } from "../errors";
import type { Actor } from "./users";

export function checkClusterChange(actor: Actor, cluster: { name: string; authorId: string; author: { name: string } }): void {
  if (actor.mayEditAll || cluster.authorId === actor.id) return;
  throw forbidden(`The cluster "${cluster.name}" was made by ${cluster.author.name}: only they can change or delete it`);
}

/** One indexed query: the first live claim of another researcher on the source. */
export async function checkSourceTextChange(tx: Tx, actor: Actor, source: { id: string; createdById: string | null }): Promise<void> {
  if (actor.mayEditAll || source.createdById === actor.id) return;
  const other = await tx.claim.findFirst({
    where: { sourceId: source.id, deletedAt: null, authorId: { not: actor.id } },
    select: { author: { select: { name: true } } },
  });
  if (other) throw forbidden(`Claims of ${other.author.name} sit on this text: only the researcher who added the source can change its text (its details can still be corrected)`);
}
