// Named groups of claims that speak of the same fact, and what their members say side by side:
// the figures each quote gives and which members contradict each other.
import "server-only";
import { SEE_EVERYTHING, visibleClaimsWhere, type ClaimVisibility } from "./rounds";
import { formatQuantity, pairKey, significantWords, suggestContradictions, type ContradictionSuggestion, type FigureConflict } from "../suggestions/contradictions";
import { judgeConflicts, valueConflicts, type ValueConflict } from "../quantities/value-conflicts";
import { toValuesView, valuesOfClaim } from "./values";
import type { Db, Tx } from "./db";
import { listLinksBetween } from "./links";
import { badRequest, conflict, notFound } from "../errors";
import { extractQuantities } from "../quantities/scan";
import type { Qualifier } from "../quantities/vocabulary";
import { checkClusterChange } from "./permissions";
import type { CreateClusterInput } from "../schemas";
import { toSourceMeta } from "./sources";
import type { Actor } from "./users";
import { requireRole } from "./projects";
import { citationDate, displayTitle, type ClaimKind, type ClaimProvenance, type ClaimValuesView, type ClusterSummary, type LinkRelation } from "../types";
import { provenanceSelect, toProvenance } from "./provenance-fields";

const { speaker, restsOnClaim, restsOnSource, restsOnReference } = provenanceSelect;
const provenanceRelations = { speaker, restsOnClaim, restsOnSource, restsOnReference };

export interface ClusterFigure {
  text: string;
  value: number;
  qualifier: Qualifier | null;
  unit: string | null;
}

export interface ClusterMemberView {
  claimId: string;
  sourceId: string;
  sourceTitle: string;
  author: string | null;
  date: string | null;
  kind: ClaimKind;
  quote: string;
  figures: ClusterFigure[];
  /** The figure and date it states, as intervals, with the researcher's correction. */
  values: ClaimValuesView;
  /** Other members this one contradicts, by figures or by a CONTRADICTS link. */
  contradicts: string[];
  /** Who says it, how, and what it rests on. */
  provenance: ClaimProvenance;
}

export interface ClusterContradiction {
  aId: string;
  bId: string;
  /** "figures": the counts cannot both be true; "dates": the same event is dated apart; "link": someone linked them as contradicting. */
  basis: "figures" | "dates" | "link";
  figures: FigureConflict[];
}

/** A value conflict a researcher's SUPPORTS or REFINES link settled. */
export interface SettledContradiction extends ClusterContradiction {
  relation: "SUPPORTS" | "REFINES";
  by: string;
}

export interface ClusterLink {
  id: string;
  fromId: string;
  toId: string;
  relation: LinkRelation;
  authorName: string;
}

export interface ClusterDetail extends Omit<ClusterSummary, "memberCount"> {
  /** The event its members' dates are of, or null: then only members naming their own event compare dates. */
  event: string | null;
  members: ClusterMemberView[];
  contradictions: ClusterContradiction[];
  settled: SettledContradiction[];
  /** Links among the members, any relation. */
  links: ClusterLink[];
}

/** The claims exist, are live and belong to the cluster's project (a claim of another project is
 *  "does not exist" to this one). */
async function requireLiveClaims(tx: Tx, projectId: string, ids: string[]) {
  const rows = await tx.claim.findMany({ where: { id: { in: ids } }, select: { id: true, deletedAt: true, source: { select: { projectId: true } } } });
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    if (!row || row.source.projectId !== projectId) throw notFound(`Claim ${id} does not exist`);
    if (row.deletedAt) throw badRequest(`Claim ${id} was deleted and cannot join a cluster`);
  }
}

/** The cluster, if `actor` may change it (lib/server/permissions.ts). */
async function requireCluster(tx: Tx, id: string, actor: Actor) {
  const row = await tx.cluster.findUnique({ where: { id }, include: { author: { select: { name: true } } } });
  if (!row) throw notFound(`Cluster ${id} does not exist`);
  const role = await requireRole(tx, actor, row.projectId, "ANNOTATOR", "change clusters");
  checkClusterChange(actor, role, row);
  return row;
}

function memberHistory(clusterId: string, claimId: string, action: "member added" | "member removed", actor: Actor) {
  return { entity: "CLUSTER" as const, entityId: clusterId, claimId, action, after: { clusterId, claimId }, actorId: actor.id };
}

export async function createCluster(db: Db, actor: Actor, projectId: string, input: CreateClusterInput): Promise<ClusterSummary> {
  const claimIds = [...new Set(input.claimIds ?? [])];
  return db.$transaction(async (tx) => {
    await requireRole(tx, actor, projectId, "ANNOTATOR", "make clusters");
    const twin = await tx.cluster.findUnique({ where: { projectId_name: { projectId, name: input.name } }, select: { id: true } });
    if (twin) throw conflict(`A cluster named "${input.name}" already exists`, { clusterId: twin.id });
    await requireLiveClaims(tx, projectId, claimIds);
    const row = await tx.cluster.create({
      data: { projectId, name: input.name, note: input.note ?? "", authorId: actor.id, members: { create: claimIds.map((claimId) => ({ claimId })) } },
    });
    await tx.history.create({ data: { entity: "CLUSTER", entityId: row.id, action: "created", after: { name: row.name, note: row.note, claimIds }, actorId: actor.id } });
    if (claimIds.length) await tx.history.createMany({ data: claimIds.map((claimId) => memberHistory(row.id, claimId, "member added", actor)) });
    return { id: row.id, name: row.name, note: row.note, memberCount: claimIds.length, createdAt: row.createdAt.toISOString() };
  });
}

/** A project's clusters by name. */
export async function listClusters(db: Db, projectId: string): Promise<ClusterSummary[]> {
  const rows = await db.cluster.findMany({
    where: { projectId },
    include: { _count: { select: { members: { where: { claim: { deletedAt: null } } } } } },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, note: r.note, memberCount: r._count.members, createdAt: r.createdAt.toISOString() }));
}

export async function addClusterMember(db: Db, actor: Actor, clusterId: string, claimId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const cluster = await requireCluster(tx, clusterId, actor);
    await requireLiveClaims(tx, cluster.projectId, [claimId]);
    const existing = await tx.clusterMember.findUnique({ where: { clusterId_claimId: { clusterId, claimId } } });
    if (existing) throw conflict(`Claim ${claimId} is already in this cluster`);
    await tx.clusterMember.create({ data: { clusterId, claimId } });
    await tx.history.create({ data: memberHistory(clusterId, claimId, "member added", actor) });
  });
}

export async function removeClusterMember(db: Db, actor: Actor, clusterId: string, claimId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await requireCluster(tx, clusterId, actor);
    const removed = await tx.clusterMember.deleteMany({ where: { clusterId, claimId } });
    if (!removed.count) throw notFound(`Claim ${claimId} is not in this cluster`);
    await tx.history.create({ data: memberHistory(clusterId, claimId, "member removed", actor) });
  });
}

/** Removes the group only: its claims and their links stay. */
export async function deleteCluster(db: Db, actor: Actor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await requireCluster(tx, id, actor);
    const members = await tx.clusterMember.findMany({ where: { clusterId: id }, select: { claimId: true } });
    await tx.cluster.delete({ where: { id } });
    await tx.history.create({
      data: { entity: "CLUSTER", entityId: id, projectId: row.projectId, action: "deleted", before: { name: row.name, note: row.note, claimIds: members.map((m) => m.claimId) }, actorId: actor.id },
    });
  });
}

const VALUED_CLAIM = { source: true, valueCorrection: true } as const;

/** A value conflict as the cluster shows it. */
function asContradiction(c: ValueConflict): ClusterContradiction {
  return { aId: c.aId, bId: c.bId, basis: c.kind === "figure" ? "figures" : "dates", figures: [{ a: c.a, b: c.b }] };
}

/**
 * The cluster with each live member's source, values and contradictions, in source then text order.
 * A SUPPORTS or REFINES link between two members settles their value conflict: it moves to `settled`
 * with the link that settled it. Cost: members² comparisons of parsed values.
 */
export async function getCluster(db: Db, projectId: string, id: string, visibility: ClaimVisibility = SEE_EVERYTHING): Promise<ClusterDetail | null> {
  // Null for another project's cluster too: a page or request of one project never shows another's.
  const row = await db.cluster.findUnique({
    where: { id, projectId },
    include: {
      members: {
        where: { claim: { deletedAt: null, ...visibleClaimsWhere(visibility) } },
        // One join per provenance relation per member, and its stored value correction.
        include: { claim: { include: { ...VALUED_CLAIM, ...provenanceRelations } } },
        orderBy: [{ claim: { source: { seedKey: "asc" } } }, { claim: { start: "asc" } }],
      },
    },
  });
  if (!row) return null;
  const claims = row.members.map((m) => m.claim);
  const ids = claims.map((c) => c.id);
  const linkRows = await db.claimLink.findMany({
    where: { deletedAt: null, fromId: { in: ids }, toId: { in: ids } },
    select: { id: true, fromId: true, toId: true, relation: true, author: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const links: ClusterLink[] = linkRows.map((l) => ({ id: l.id, fromId: l.fromId, toId: l.toId, relation: l.relation, authorName: l.author.name }));
  const valued = claims.map((c) => ({ claim: c, ...valuesOfClaim(c, row.event) }));
  const { open, settled } = judgeConflicts(valueConflicts(valued.map((v) => ({ id: v.claim.id, values: v.values }))), links);
  const contradictions: ClusterContradiction[] = open.map(asContradiction);
  for (const l of links) if (l.relation === "CONTRADICTS") contradictions.push({ aId: l.fromId, bId: l.toId, basis: "link", figures: [] });
  const members: ClusterMemberView[] = valued.map(({ claim: c, values, correction }) => {
    const meta = toSourceMeta(c.source);
    const contradicts = new Set(contradictions.flatMap((x) => (x.aId === c.id ? [x.bId] : x.bId === c.id ? [x.aId] : [])));
    return {
      claimId: c.id, sourceId: c.sourceId, sourceTitle: displayTitle(meta), author: meta.author, date: citationDate(meta),
      kind: c.kind, quote: c.quote,
      figures: extractQuantities(c.quote).map((q) => ({ text: formatQuantity(q), value: q.value, qualifier: q.qualifier, unit: q.unit })),
      values: toValuesView(values, correction),
      contradicts: [...contradicts],
      provenance: toProvenance(c),
    };
  });
  return {
    id: row.id, name: row.name, note: row.note, event: row.event, createdAt: row.createdAt.toISOString(), members, contradictions, links,
    settled: settled.map((c) => ({ ...asContradiction(c), relation: c.link.relation as "SUPPORTS" | "REFINES", by: c.link.authorName })),
  };
}

/**
 * Candidate contradictions among a project's live claims (optionally of some of its sources only), not yet linked:
 * figures the quotes give that cannot both be true, and the value conflicts of every cluster's
 * members (a cluster says its claims speak of one thing, so its dates of one event are compared).
 * Cost: one read of each claim's figures plus the pairs that share a bucket (suggestContradictions),
 * plus members² per cluster.
 */
export async function contradictionSuggestions(db: Db, projectId: string, sourceIds?: string[], visibility: ClaimVisibility = SEE_EVERYTHING): Promise<ContradictionSuggestion[]> {
  const claims = await db.claim.findMany({
    where: { deletedAt: null, source: { projectId }, ...visibleClaimsWhere(visibility), ...(sourceIds ? { sourceId: { in: sourceIds } } : {}) },
    select: { id: true, sourceId: true, quote: true },
    orderBy: [{ source: { createdAt: "asc" } }, { sourceId: "asc" }, { start: "asc" }],
  });
  // A pair reads in the order the sources are shown (compare's columns, left first), then by
  // place in the text: "2003 vs 14 May 2002" always names the left column's figure first.
  if (sourceIds) {
    const column = new Map(sourceIds.map((id, i) => [id, i]));
    claims.sort((a, b) => column.get(a.sourceId)! - column.get(b.sourceId)!);
  }
  const position = new Map(claims.map((c, i) => [c.id, i]));
  const ids = claims.map((c) => c.id);
  // Only links within the scope can settle a pair of it: at 3,000 claims the links touching any
  // of them (an OR of two IN lists) took 0.4–1.2 s, those between them take ~10 ms.
  const links = await listLinksBetween(db, ids);
  const suggestions = suggestContradictions(claims, links);
  const clusters = await db.cluster.findMany({
    where: { projectId, members: { some: { claimId: { in: ids } } } },
    select: { event: true, members: { where: { claim: { deletedAt: null } }, select: { claim: { include: { valueCorrection: true } } } } },
  });
  const inScope = new Map(claims.map((c) => [c.id, c]));
  const linked = new Set(links.map((l) => pairKey(l.fromId, l.toId)));
  const byKey = new Map(suggestions.map((s) => [s.key, s]));
  for (const cluster of clusters) {
    const members = cluster.members.map((m) => m.claim).filter((c) => inScope.has(c.id)).sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    const conflicts = valueConflicts(members.map((c) => ({ id: c.id, values: valuesOfClaim(c, cluster.event).values })));
    for (const c of conflicts) {
      const [a, b] = [inScope.get(c.aId)!, inScope.get(c.bId)!];
      const key = pairKey(a.id, b.id);
      if (a.sourceId === b.sourceId || linked.has(key)) continue;
      const known = byKey.get(key);
      if (known) {
        if (!known.conflicts.some((f) => f.a === c.a && f.b === c.b)) known.conflicts.push({ a: c.a, b: c.b });
        continue;
      }
      const sharedWords = [...significantWords(a.quote)].filter((w) => significantWords(b.quote).has(w)).sort();
      const suggestion = { key, fromId: a.id, toId: b.id, conflicts: [{ a: c.a, b: c.b }], sharedWords, score: 1 + sharedWords.length };
      byKey.set(key, suggestion);
      suggestions.push(suggestion);
    }
  }
  return suggestions.sort((x, y) => y.score - x.score || x.key.localeCompare(y.key));
}
