// Loads the overview's claims-and-links graph: PostgreSQL ranks the linked claims by their number
// of live links and keeps the GRAPH_MAX_NODES most linked (one grouped pass over the project's
// live links, O(links) in the database), then only the links touching those claims are read
// with their claims, and lib/overview shapes them and lays them out (once per graph: the layout is
// cached by what decides it, lib/overview/layout-cache.ts). Rows read: bounded by the node
// cap and those claims' links, not by the project's links.
import "server-only";
import type { Db } from "./db";
import { SEE_EVERYTHING, visibleClaimsWhere, type ClaimVisibility } from "./rounds";
import { GRAPH_MAX_NODES, shapeClaimGraph } from "../overview/claim-graph";
import { layoutClaimGraphCached } from "../overview/layout-cache";
import type { ClaimGraphView, OverviewSource } from "../types";

const claimFields = { id: true, sourceId: true, kind: true, quote: true } as const;

/** The graph of one project's claims (`sources` are the project's, from its overview: given as a
 *  promise, they are awaited only to shape the graph, so its queries run alongside the overview's),
 *  as the reader may see them (lib/server/rounds.ts): a claim hidden from them may be ranked below,
 *  but its links are not read, so it is not drawn. */
export async function loadClaimGraph(db: Db, projectId: string, sources: OverviewSource[] | Promise<OverviewSource[]>, visibility: ClaimVisibility = SEE_EVERYTHING): Promise<ClaimGraphView> {
  const inProject = { deletedAt: null, source: { projectId }, ...visibleClaimsWhere(visibility) };
  const shown = Promise.resolve(sources);
  shown.catch(() => undefined); // awaited below; a failure of the overview is reported by its own caller

  // The same ranking as shapeClaimGraph (most links first, ties by id in code-unit order), so a
  // claim it would keep is among these; its links are all read below, so it ranks the same there.
  const [ranked, claimCount] = await Promise.all([
    db.$queryRaw<{ id: string; linked: number }[]>`
      WITH live AS (
        SELECT l."fromId", l."toId" FROM "ClaimLink" l
        JOIN "Claim" f ON f.id = l."fromId" JOIN "Claim" t ON t.id = l."toId"
        JOIN "Source" fs ON fs.id = f."sourceId" JOIN "Source" ts ON ts.id = t."sourceId"
        WHERE l."deletedAt" IS NULL AND f."deletedAt" IS NULL AND t."deletedAt" IS NULL AND fs."projectId" = ${projectId} AND ts."projectId" = ${projectId}
      ), degree AS (
        SELECT id, count(*) AS n FROM (SELECT "fromId" AS id FROM live UNION ALL SELECT "toId" FROM live) ends GROUP BY id
      )
      SELECT id, (SELECT count(*) FROM degree)::int AS linked FROM degree ORDER BY n DESC, id COLLATE "C" LIMIT ${GRAPH_MAX_NODES}`,
    db.claim.count({ where: inProject }),
  ]);
  const kept = ranked.map((r) => r.id);
  const links = kept.length
    ? await db.claimLink.findMany({
        where: { deletedAt: null, from: inProject, to: inProject, OR: [{ fromId: { in: kept } }, { toId: { in: kept } }] },
        select: { id: true, relation: true, from: { select: claimFields }, to: { select: claimFields } },
      })
    : [];
  return layoutClaimGraphCached(shapeClaimGraph({ sources: await shown, links, claimCount, linkedClaims: ranked[0]?.linked ?? 0 }));
}
