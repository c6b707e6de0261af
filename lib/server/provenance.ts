// The provenance view of a claim or a cluster: every chain from the claims through what they rest
// on to the earliest known origins, and the "N claims in M sources resting on K independent
// origins" summary. The graph is derived here on each request (lib/provenance/origins.ts), never
// stored. Cost: one recursive query over the chains' length, then O(claims in the chains).
import "server-only";
import type { Db } from "./db";
import { notFound } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { originChains, originGraph, originKey, provenanceSummary, type OriginRef, type RestsOnEdge } from "../provenance/origins";
import { attributionLabel } from "../labels";
import { displayTitle, type ProvenanceGraphView, type ProvenanceNode } from "../types";
import { provenanceSelect, toProvenance } from "./provenance-fields";

/** The claims `seedIds` rest on, directly or through other claims, with themselves. */
async function chainClaimIds(db: Db, seedIds: string[]): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE up(id) AS (
      SELECT unnest(${seedIds}::text[])
      UNION SELECT c."restsOnClaimId" FROM "Claim" c JOIN up ON c."id" = up.id WHERE c."restsOnClaimId" IS NOT NULL
    ) SELECT id FROM up`;
  return rows.map((r) => r.id);
}

export async function provenanceGraph(db: Db, seedIds: string[]): Promise<ProvenanceGraphView> {
  const ids = await chainClaimIds(db, seedIds);
  const rows = await db.claim.findMany({
    where: { id: { in: ids } },
    select: { id: true, sourceId: true, quote: true, restsOnClaimId: true, restsOnSourceId: true, restsOnReferenceId: true, source: { select: { title: true, suggestedTitle: true } }, ...provenanceSelect },
  });
  const edges: RestsOnEdge[] = rows.flatMap((r): RestsOnEdge[] => {
    const to: OriginRef | null = r.restsOnClaimId ? { kind: "claim", id: r.restsOnClaimId } : r.restsOnSourceId ? { kind: "source", id: r.restsOnSourceId } : r.restsOnReferenceId ? { kind: "reference", id: r.restsOnReferenceId } : null;
    return to ? [{ from: r.id, to }] : [];
  });
  const graph = originGraph(rows.map((r) => ({ id: r.id, sourceId: r.sourceId })), edges);
  const chains = seedIds.flatMap((id) => originChains(graph, id));

  const nodes = new Map<string, ProvenanceNode>();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const chain of chains) {
    chain.forEach((ref, depth) => {
      const key = originKey(ref);
      const known = nodes.get(key);
      if (known) { known.depth = Math.max(known.depth, depth); return; }
      nodes.set(key, { key, kind: ref.kind, id: ref.id, depth, ...describe(ref, byId) });
    });
  }
  return {
    nodes: [...nodes.values()],
    edges: edges.filter((e) => nodes.has(`claim:${e.from}`) && nodes.has(originKey(e.to))).map((e) => ({ from: `claim:${e.from}`, to: originKey(e.to) })),
    chains: chains.map((c) => c.map(originKey)),
    summary: provenanceSummary(graph, seedIds),
  };
}

type Row = { id: string; quote: string; source: { title: string | null; suggestedTitle: string | null } } & Parameters<typeof toProvenance>[0];

/** Words for a node; a source or reference is named from the claim that cites it. */
function describe(ref: OriginRef, byId: Map<string, Row>): { label: string; detail: string } {
  if (ref.kind === "claim") {
    const r = byId.get(ref.id);
    if (!r) return { label: ref.id, detail: "" };
    const p = toProvenance(r);
    return { label: r.quote.trim(), detail: [displayTitle(r.source), p.speaker?.name, attributionLabel(p.attributionType)].filter(Boolean).join(" · ") };
  }
  for (const r of byId.values()) {
    const p = toProvenance(r);
    if (p.restsOn && p.restsOn.kind === ref.kind && p.restsOn.id === ref.id) {
      return { label: p.restsOn.label, detail: ref.kind === "source" ? "source in the app" : p.restsOn.kind === "reference" ? (p.restsOn.reference.url ?? "outside reference") : "" };
    }
  }
  return { label: ref.id, detail: "" };
}

/** A live claim of the project and its chains (another project's claim is a 404, like a missing one). */
export async function claimProvenanceGraph(db: Db, projectId: string, claimId: string): Promise<ProvenanceGraphView> {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: { deletedAt: true, source: { select: { projectId: true } } } });
  if (!claim || claim.deletedAt || claim.source.projectId !== projectId) throw notFound(`Claim ${claimId} does not exist or was deleted`);
  return provenanceGraph(db, [claimId]);
}

// Members in the order they joined, then in the order their claims were made: the chains are
// listed in it (without an order, the plan decides, and an index can change it).
const MEMBERS_IN_ORDER: Prisma.ClusterMemberOrderByWithRelationInput[] = [{ addedAt: "asc" }, { claim: { createdAt: "asc" } }, { claimId: "asc" }];

export async function clusterProvenanceGraph(db: Db, projectId: string, clusterId: string): Promise<ProvenanceGraphView> {
  const cluster = await db.cluster.findUnique({ where: { id: clusterId, projectId }, select: { members: { where: { claim: { deletedAt: null } }, select: { claimId: true }, orderBy: MEMBERS_IN_ORDER } } });
  if (!cluster) throw notFound(`Cluster ${clusterId} does not exist`);
  return provenanceGraph(db, cluster.members.map((m) => m.claimId));
}
