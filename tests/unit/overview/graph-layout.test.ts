import { describe, expect, it } from "vitest";
import { shapeClaimGraph, type GraphClaimRow, type GraphLinkRow } from "@/lib/overview/claim-graph";
import { GRAPH_HEIGHT, GRAPH_WIDTH, layoutClaimGraph, NODE_RADIUS } from "@/lib/overview/graph-layout";
import { LayoutCache, layoutKey } from "@/lib/overview/layout-cache";

const sources = [1, 2, 3, 4, 5].map((i) => ({ id: `s${i}`, title: `Source ${i}` }));
// 60 claims over five sources, each linked to the next in its source and to one in the next source.
const claims: GraphClaimRow[] = Array.from({ length: 60 }, (_, i) => ({ id: `c${String(i).padStart(2, "0")}`, sourceId: `s${(i % 5) + 1}`, kind: "FACT", quote: `claim ${i}` }));
const links: GraphLinkRow[] = claims.flatMap((c, i) => [
  ...(i + 5 < claims.length ? [{ id: `w${i}`, relation: "SUPPORTS" as const, from: c, to: claims[i + 5] }] : []),
  ...(i + 1 < claims.length && i % 3 === 0 ? [{ id: `x${i}`, relation: "CONTRADICTS" as const, from: c, to: claims[i + 1] }] : []),
]);
const shaped = shapeClaimGraph({ sources, links, claimCount: 60 });

describe("claim graph layout", () => {
  it("places the same graph the same way every time", () => {
    const first = layoutClaimGraph(shaped);
    const second = layoutClaimGraph(structuredClone(shaped));
    expect(second.nodes.map((n) => [n.id, n.x, n.y])).toEqual(first.nodes.map((n) => [n.id, n.x, n.y]));
  });

  it("keeps every claim inside the picture, apart from the others", () => {
    const { nodes, width, height } = layoutClaimGraph(shaped);
    expect([width, height]).toEqual([GRAPH_WIDTH, GRAPH_HEIGHT]);
    for (const n of nodes) {
      expect(n.x).toBeGreaterThanOrEqual(NODE_RADIUS);
      expect(n.x).toBeLessThanOrEqual(width - NODE_RADIUS);
      expect(n.y).toBeGreaterThanOrEqual(NODE_RADIUS);
      expect(n.y).toBeLessThanOrEqual(height - NODE_RADIUS);
    }
    let closest = Infinity;
    for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) closest = Math.min(closest, Math.hypot(nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y));
    expect(closest).toBeGreaterThan(NODE_RADIUS);
  });

  it("groups each source's claims: a claim is nearer its own source's centre than any other's", () => {
    const { nodes } = layoutClaimGraph(shaped);
    const centre = new Map(sources.map((s) => {
      const own = nodes.filter((n) => n.sourceId === s.id);
      return [s.id, { x: own.reduce((t, n) => t + n.x, 0) / own.length, y: own.reduce((t, n) => t + n.y, 0) / own.length }];
    }));
    const misplaced = nodes.filter((n) => {
      const own = Math.hypot(n.x - centre.get(n.sourceId)!.x, n.y - centre.get(n.sourceId)!.y);
      return [...centre.entries()].some(([id, c]) => id !== n.sourceId && Math.hypot(n.x - c.x, n.y - c.y) < own);
    });
    expect(misplaced).toEqual([]);
  });

  it("centres a lone pair and draws nothing for no links", () => {
    const pair = shapeClaimGraph({ sources, links: [links[0]], claimCount: 2 });
    const { nodes } = layoutClaimGraph(pair);
    expect(nodes).toHaveLength(2);
    expect((nodes[0].x + nodes[1].x) / 2).toBeCloseTo(GRAPH_WIDTH / 2, 0);
    expect(layoutClaimGraph(shapeClaimGraph({ sources, links: [], claimCount: 0 })).nodes).toEqual([]);
  });
});

describe("layout cache", () => {
  const places = (view: { nodes: { id: string; x: number; y: number }[] }) => view.nodes.map((n) => [n.id, n.x, n.y]);

  it("lays out the same graph once and gives the same places again, with the quotes and relations of the graph asked for", () => {
    const cache = new LayoutCache();
    const first = cache.layout(shaped);
    // Same nodes and ends, other words and relations: the places do not depend on them.
    const reworded = { ...shaped, nodes: shaped.nodes.map((n) => ({ ...n, quote: `${n.quote}, reworded` })), edges: shaped.edges.map((e) => ({ ...e, relation: "REFINES" as const })) };
    const again = cache.layout(reworded);
    expect(cache.counts).toEqual({ computed: 1, reused: 1 });
    expect(places(again)).toEqual(places(first));
    expect(places(first)).toEqual(places(layoutClaimGraph(shaped)));
    expect(again.nodes[0]!.quote).toBe(`${shaped.nodes[0]!.quote}, reworded`);
    expect(again.edges.every((e) => e.relation === "REFINES")).toBe(true);
  });

  it("lays out a changed graph anew: a link more, a claim fewer", () => {
    const cache = new LayoutCache();
    const first = cache.layout(shaped);
    const linked = shapeClaimGraph({ sources, links: [...links, { id: "y0", relation: "SUPPORTS", from: claims[0]!, to: claims[59]! }], claimCount: 60 });
    const second = cache.layout(linked);
    expect(cache.counts).toEqual({ computed: 2, reused: 0 });
    expect(places(second)).toEqual(places(layoutClaimGraph(linked)));
    expect(places(second)).not.toEqual(places(first));
    const fewer = shapeClaimGraph({ sources, links: links.filter((l) => l.from.id !== "c00" && l.to.id !== "c00"), claimCount: 60 });
    expect(cache.layout(fewer).nodes.map((n) => n.id)).not.toContain("c00");
    expect(cache.counts.computed).toBe(3);
  });

  it("keys a layout by the picture's nodes, their sources and the links' ends, not by the words", () => {
    expect(layoutKey(shaped)).toBe(layoutKey(structuredClone(shaped)));
    const moved = { ...shaped, nodes: shaped.nodes.map((n, i) => (i === 0 ? { ...n, sourceId: "s5" } : n)) };
    expect(layoutKey(moved)).not.toBe(layoutKey(shaped));
    const turned = { ...shaped, edges: shaped.edges.map((e, i) => (i === 0 ? { ...e, fromId: e.toId, toId: e.fromId } : e)) };
    expect(layoutKey(turned)).not.toBe(layoutKey(shaped));
  });

  it("keeps only the most recently used layouts", () => {
    const cache = new LayoutCache(1);
    const other = shapeClaimGraph({ sources, links: links.slice(0, 10), claimCount: 60 });
    cache.layout(shaped);
    cache.layout(other);
    cache.layout(shaped);
    expect(cache.counts).toEqual({ computed: 3, reused: 0 });
    cache.layout(shaped);
    expect(cache.counts).toEqual({ computed: 3, reused: 1 });
  });
});
