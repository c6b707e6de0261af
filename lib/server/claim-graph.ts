// Loads the overview's claims-and-links graph: every live link with its two claims, then
// lib/overview shapes (caps) and lays it out. Cost: one query, O(links) rows; the layout is
// bounded by the node cap (lib/overview/claim-graph.ts).
import "server-only";
import type { Db } from "./db";
import { SEE_EVERYTHING, visibleClaimsWhere, type ClaimVisibility } from "./rounds";
import { shapeClaimGraph } from "../overview/claim-graph";
import { layoutClaimGraph } from "../overview/graph-layout";
import type { ClaimGraphView, OverviewSource } from "../types";

const claimFields = { id: true, sourceId: true, kind: true, quote: true } as const;

/** The graph of one project's claims (`sources` are the project's, from its overview), as the
 *  reader may see them (lib/server/rounds.ts). */
export async function loadClaimGraph(db: Db, projectId: string, sources: OverviewSource[], visibility: ClaimVisibility = SEE_EVERYTHING): Promise<ClaimGraphView> {
  const inProject = { deletedAt: null, source: { projectId }, ...visibleClaimsWhere(visibility) };
  const [links, claimCount] = await Promise.all([
    db.claimLink.findMany({
      where: { deletedAt: null, from: inProject, to: inProject },
      select: { id: true, relation: true, from: { select: claimFields }, to: { select: claimFields } },
    }),
    db.claim.count({ where: inProject }),
  ]);
  return layoutClaimGraph(shapeClaimGraph({ sources, links, claimCount }));
}
