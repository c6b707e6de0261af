// Suggestions a researcher dismissed (suggested contradictions, sentences offered as claims):
// kept per researcher in the database, so a judgement follows them to any browser and one
// researcher's dismissals never hide a suggestion from another.
import "server-only";
import type { Db } from "./db";
import { notFound } from "../errors";
import type { Actor } from "./users";
import { memberProjectIds } from "./projects";

/** The suggestions, each flagged with whether this researcher (or nobody, signed out) dismissed it. */
export async function withDismissed<T>(db: Db, viewer: Actor | null, suggestions: T[], keyOf: (suggestion: T) => string): Promise<(T & { dismissed: boolean })[]> {
  const keys = suggestions.map(keyOf);
  const rows = viewer && keys.length ? await db.dismissal.findMany({ where: { userId: viewer.id, key: { in: keys } }, select: { key: true } }) : [];
  const dismissed = new Set(rows.map((r) => r.key));
  return suggestions.map((s, i) => ({ ...s, dismissed: dismissed.has(keys[i]!) }));
}

/** Refuses keys naming claims or sources that do not exist (or claims that were deleted). A claim
 *  or source of a project the researcher is not a member of does not exist for them (any role may
 *  dismiss: it changes only their own view). */
async function checkTargets(db: Db, actor: Actor, keys: string[]): Promise<void> {
  const claimIds = new Set<string>();
  const sourceIds = new Set<string>();
  for (const key of keys) {
    const [kind, rest] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
    if (kind === "contradiction") rest.split("|").forEach((id) => claimIds.add(id));
    else sourceIds.add(rest.split(":")[0]!);
  }
  const projects = await memberProjectIds(db, actor);
  const inProjects = projects === null ? {} : { projectId: { in: projects } };
  const [claims, sources] = await Promise.all([
    db.claim.findMany({ where: { id: { in: [...claimIds] }, deletedAt: null, source: inProjects }, select: { id: true } }),
    db.source.findMany({ where: { id: { in: [...sourceIds] }, ...inProjects }, select: { id: true } }),
  ]);
  const liveClaims = new Set(claims.map((c) => c.id));
  const knownSources = new Set(sources.map((s) => s.id));
  const missingClaim = [...claimIds].find((id) => !liveClaims.has(id));
  if (missingClaim) throw notFound(`Claim ${missingClaim} does not exist or was deleted`);
  const missingSource = [...sourceIds].find((id) => !knownSources.has(id));
  if (missingSource) throw notFound(`Source ${missingSource} does not exist`);
}

/** Dismisses the suggestions for this researcher; dismissing one twice is no change. */
export async function dismiss(db: Db, actor: Actor, keys: string[]): Promise<number> {
  await checkTargets(db, actor, keys);
  const { count } = await db.dismissal.createMany({ data: keys.map((key) => ({ userId: actor.id, key })), skipDuplicates: true });
  return count;
}

/** Shows the suggestions to this researcher again. */
export async function undismiss(db: Db, actor: Actor, keys: string[]): Promise<number> {
  const { count } = await db.dismissal.deleteMany({ where: { userId: actor.id, key: { in: keys } } });
  return count;
}
