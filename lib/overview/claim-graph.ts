// The overview's claims-and-links graph, shaped from the live links: only claims with a link are
// drawn, and past a cap the least linked claims are left out (and counted), because a force
// layout and an SVG of thousands of nodes are neither fast nor readable. Cost: O(links · log links)
// to rank claims by their number of links.
import type { ClaimGraphEdge, ClaimKind, LinkRelation, NumberedSource, OverviewSource } from "../types";

export interface GraphLinkRow {
  id: string;
  relation: LinkRelation;
  from: GraphClaimRow;
  to: GraphClaimRow;
}

export interface GraphClaimRow {
  id: string;
  sourceId: string;
  kind: ClaimKind;
  quote: string;
}

export interface ShapedClaimGraph {
  /** The sources of the drawn claims, numbered by their place in the source list. */
  sources: NumberedSource[];
  nodes: GraphClaimRow[];
  edges: ClaimGraphEdge[];
  hidden: { unlinked: number; overCap: number };
}

/** The most claims the overview draws; the rest are counted in `hidden.overCap`. */
export const GRAPH_MAX_NODES = 150;
/** Quotes are cut to this length: the graph shows them only as labels and tooltips. */
const QUOTE_MAX = 200;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function shapeClaimGraph(input: {
  /** The project's sources in the list's order (their numbers are their places in it). */
  sources: OverviewSource[];
  links: GraphLinkRow[];
  /** Live claims in all (linked or not), to say how many are not drawn. */
  claimCount: number;
  /** Claims with a live link in all, when `links` holds only those touching the claims to draw
   *  (lib/server/claim-graph.ts ranks them in SQL); by default, the claims `links` names. */
  linkedClaims?: number;
  maxNodes?: number;
}): ShapedClaimGraph {
  const maxNodes = input.maxNodes ?? GRAPH_MAX_NODES;
  const sourceOrder = new Map(input.sources.map((s, i) => [s.id, i]));
  const claims = new Map<string, GraphClaimRow>();
  const degree = new Map<string, number>();
  for (const link of input.links) {
    for (const end of [link.from, link.to]) {
      claims.set(end.id, end);
      degree.set(end.id, (degree.get(end.id) ?? 0) + 1);
    }
  }
  // Most linked first; ties by id, so the same links always keep the same claims.
  const ranked = [...claims.keys()].sort((a, b) => degree.get(b)! - degree.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const kept = new Set(ranked.slice(0, maxNodes));
  const nodes = [...kept]
    .map((id) => ({ ...claims.get(id)!, quote: clip(claims.get(id)!.quote, QUOTE_MAX) }))
    .sort((a, b) => (sourceOrder.get(a.sourceId) ?? Infinity) - (sourceOrder.get(b.sourceId) ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const edges = input.links
    .filter((l) => kept.has(l.from.id) && kept.has(l.to.id))
    .map((l) => ({ id: l.id, fromId: l.from.id, toId: l.to.id, relation: l.relation }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const drawn = new Set(nodes.map((n) => n.sourceId));
  return {
    // Only the drawn claims' sources go to the browser; their numbers are those of the whole list,
    // so S7 names the same source as in the heat maps.
    sources: input.sources.flatMap(({ id, title }, i) => (drawn.has(id) ? [{ id, title, number: i + 1 }] : [])),
    nodes,
    edges,
    hidden: { unlinked: Math.max(0, input.claimCount - (input.linkedClaims ?? claims.size)), overCap: (input.linkedClaims ?? claims.size) - kept.size },
  };
}

/** The reader's deep link inside the project (projectPath puts /p/<slug> before it): the source
 *  opens with the claim selected. */
export const claimHref = (claim: { id: string; sourceId: string }) => `/sources/${encodeURIComponent(claim.sourceId)}#claim-${encodeURIComponent(claim.id)}`;
