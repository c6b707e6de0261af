// Named groups of claims that speak of the same fact, and what their members say side by side:
// the figures each quote gives and which members contradict each other.
import "server-only";
import { conflictingQuantities, formatQuantity, suggestContradictions, type ContradictionSuggestion, type FigureConflict } from "../suggestions/contradictions";
import type { Db, Tx } from "./db";
import { badRequest, conflict, notFound } from "../errors";
import { extractQuantities } from "../quantities/scan";
import type { Qualifier } from "../quantities/vocabulary";
import { checkClusterChange } from "./permissions";
import type { CreateClusterInput } from "../schemas";
import { toSourceMeta } from "./sources";
import type { Actor } from "./users";
import { citationDate, displayTitle, type ClaimKind, type ClaimProvenance, type ClusterSummary } from "../types";
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
  /** Other members this one contradicts, by figures or by a CONTRADICTS link. */
  contradicts: string[];
  /** Who says it, how, and what it rests on. */
  provenance: ClaimProvenance;
}

export interface ClusterContradiction {
  aId: string;
  bId: string;
  /** "figures": the quantities cannot both be true; "link": someone linked them as contradicting. */
  basis: "figures" | "link";
  figures: FigureConflict[];
}

export interface ClusterDetail extends Omit<ClusterSummary, "memberCount"> {
  members: ClusterMemberView[];
  contradictions: ClusterContradiction[];
}

async function requireLiveClaims(tx: Tx, ids: string[]) {
  const rows = await tx.claim.findMany({ where: { id: { in: ids } }, select: { id: true, deletedAt: true } });
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound(`Claim ${id} does not exist`);
    if (row.deletedAt) throw badRequest(`Claim ${id} was deleted and cannot join a cluster`);
  }
}

/** The cluster, if `actor` may change it (lib/permissions.ts). */
async function requireCluster(tx: Tx, id: string, actor: Actor) {
  const row = await tx.cluster.findUnique({ where: { id }, include: { author: { select: { name: true } } } });
  if (!row) throw notFound(`Cluster ${id} does not exist`);
  checkClusterChange(actor, row);
  return row;
}

function memberHistory(clusterId: string, claimId: string, action: "member added" | "member removed", actor: Actor) {
  return { entity: "CLUSTER" as const, entityId: clusterId, claimId, action, after: { clusterId, claimId }, actorId: actor.id };
}

export async function createCluster(db: Db, actor: Actor, input: CreateClusterInput): Promise<ClusterSummary> {
  const claimIds = [...new Set(input.claimIds ?? [])];
  return db.$transaction(async (tx) => {
    const twin = await tx.cluster.findUnique({ where: { name: input.name }, select: { id: true } });
    if (twin) throw conflict(`A cluster named "${input.name}" already exists`, { clusterId: twin.id });
    await requireLiveClaims(tx, claimIds);
    const row = await tx.cluster.create({
      data: { name: input.name, note: input.note ?? "", authorId: actor.id, members: { create: claimIds.map((claimId) => ({ claimId })) } },
    });
    await tx.history.create({ data: { entity: "CLUSTER", entityId: row.id, action: "created", after: { name: row.name, note: row.note, claimIds }, actorId: actor.id } });
    if (claimIds.length) await tx.history.createMany({ data: claimIds.map((claimId) => memberHistory(row.id, claimId, "member added", actor)) });
    return { id: row.id, name: row.name, note: row.note, memberCount: claimIds.length, createdAt: row.createdAt.toISOString() };
  });
}

export async function listClusters(db: Db): Promise<ClusterSummary[]> {
  const rows = await db.cluster.findMany({
    include: { _count: { select: { members: { where: { claim: { deletedAt: null } } } } } },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, note: r.note, memberCount: r._count.members, createdAt: r.createdAt.toISOString() }));
}

export async function addClusterMember(db: Db, actor: Actor, clusterId: string, claimId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await requireCluster(tx, clusterId, actor);
    await requireLiveClaims(tx, [claimId]);
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
      data: { entity: "CLUSTER", entityId: id, action: "deleted", before: { name: row.name, note: row.note, claimIds: members.map((m) => m.claimId) }, actorId: actor.id },
    });
  });
}

/** The cluster with each live member's source, figures and contradictions, in source then text order. */
export async function getCluster(db: Db, id: string): Promise<ClusterDetail | null> {
  const row = await db.cluster.findUnique({
    where: { id },
    include: {
      members: {
        where: { claim: { deletedAt: null } },
        // One join per provenance relation per member.
        include: { claim: { include: { source: true, ...provenanceRelations } } },
        orderBy: [{ claim: { source: { seedKey: "asc" } } }, { claim: { start: "asc" } }],
      },
    },
  });
  if (!row) return null;
  const claims = row.members.map((m) => m.claim);
  const ids = claims.map((c) => c.id);
  const links = await db.claimLink.findMany({
    where: { deletedAt: null, relation: "CONTRADICTS", fromId: { in: ids }, toId: { in: ids } },
    select: { fromId: true, toId: true },
  });
  const contradictions: ClusterContradiction[] = [];
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const [a, b] = [claims[i], claims[j]];
      const figures = conflictingQuantities(a.quote, b.quote);
      if (figures.length) contradictions.push({ aId: a.id, bId: b.id, basis: "figures", figures });
    }
  }
  for (const l of links) contradictions.push({ aId: l.fromId, bId: l.toId, basis: "link", figures: [] });
  const members: ClusterMemberView[] = claims.map((c) => {
    const meta = toSourceMeta(c.source);
    const contradicts = new Set(contradictions.flatMap((x) => (x.aId === c.id ? [x.bId] : x.bId === c.id ? [x.aId] : [])));
    return {
      claimId: c.id, sourceId: c.sourceId, sourceTitle: displayTitle(meta), author: meta.author, date: citationDate(meta),
      kind: c.kind, quote: c.quote,
      figures: extractQuantities(c.quote).map((q) => ({ text: formatQuantity(q), value: q.value, qualifier: q.qualifier, unit: q.unit })),
      contradicts: [...contradicts],
      provenance: toProvenance(c),
    };
  });
  return { id: row.id, name: row.name, note: row.note, createdAt: row.createdAt.toISOString(), members, contradictions };
}

/** Candidate contradictions among live claims (optionally of some sources only), not yet linked. */
export async function contradictionSuggestions(db: Db, sourceIds?: string[]): Promise<ContradictionSuggestion[]> {
  const claims = await db.claim.findMany({
    where: { deletedAt: null, ...(sourceIds ? { sourceId: { in: sourceIds } } : {}) },
    select: { id: true, sourceId: true, quote: true },
    orderBy: [{ sourceId: "asc" }, { start: "asc" }],
  });
  const ids = claims.map((c) => c.id);
  const links = await db.claimLink.findMany({
    where: { deletedAt: null, OR: [{ fromId: { in: ids } }, { toId: { in: ids } }] },
    select: { fromId: true, toId: true },
  });
  return suggestContradictions(claims, links);
}
