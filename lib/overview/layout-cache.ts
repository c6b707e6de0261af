// The overview's graph layouts, kept per process so the same graph is laid out once rather than on
// each load (a layout costs 165–424 ms for 150 nodes, the hash below well under a millisecond).
// A cache only: each process builds its own, and the database stays the truth. Separate from
// graph-layout.ts, which the browser's bundle imports for NODE_RADIUS.
import { createHash } from "node:crypto";
import type { ClaimGraphView } from "../types";
import type { ShapedClaimGraph } from "./claim-graph";
import { GRAPH_HEIGHT, GRAPH_WIDTH, layoutClaimGraph } from "./graph-layout";

/** What a layout depends on, and only that: the picture's size, the drawn sources' order (their
 *  anchors), each node's id and source in order, and each edge's ends in order. Quotes, kinds,
 *  relations and edge ids change the drawing, not the places. O(nodes + edges) to hash. */
export function layoutKey(graph: ShapedClaimGraph, size = { width: GRAPH_WIDTH, height: GRAPH_HEIGHT }): string {
  const hash = createHash("sha256").update(`${size.width}x${size.height}\n`);
  for (const n of graph.nodes) hash.update(`${n.id}\t${n.sourceId}\n`);
  hash.update("--\n");
  for (const e of graph.edges) hash.update(`${e.fromId}\t${e.toId}\n`);
  return hash.digest("base64url");
}

/** Layouts by layoutKey, the `max` most recently used kept (a Map iterates in insertion order);
 *  an entry is the places of up to 150 nodes, under 10 kB. */
export class LayoutCache {
  private readonly entries = new Map<string, { x: number; y: number }[]>();
  /** Layouts computed (misses) and served from the cache (hits), for tests and the bench. */
  readonly counts = { computed: 0, reused: 0 };
  constructor(private readonly max = 16) {}

  layout(graph: ShapedClaimGraph, size = { width: GRAPH_WIDTH, height: GRAPH_HEIGHT }): ClaimGraphView {
    const key = layoutKey(graph, size);
    const places = this.entries.get(key);
    if (places) {
      this.counts.reused++;
      this.entries.delete(key);
      this.entries.set(key, places);
      return { sources: graph.sources, nodes: graph.nodes.map((n, i) => ({ ...n, ...places[i]! })), edges: graph.edges, width: size.width, height: size.height, hidden: graph.hidden };
    }
    this.counts.computed++;
    const view = layoutClaimGraph(graph, size);
    this.entries.set(key, view.nodes.map((n) => ({ x: n.x, y: n.y })));
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return view;
  }
}

const sharedLayouts = new LayoutCache();

/** layoutClaimGraph through this process's cache: the same graph is laid out once, not on each load. */
export const layoutClaimGraphCached = (graph: ShapedClaimGraph) => sharedLayouts.layout(graph);
