import { describe, expect, it } from "vitest";
import { claimHref, shapeClaimGraph, type GraphClaimRow, type GraphLinkRow } from "@/lib/overview/claim-graph";
import type { LinkRelation } from "@/lib/types";

const sources = [
  { id: "s1", title: "One" },
  { id: "s2", title: "Two" },
  { id: "s3", title: "Three" },
];
const claim = (id: string, sourceId: string, quote = `quote ${id}`): GraphClaimRow => ({ id, sourceId, kind: "FACT", quote });
const link = (id: string, from: GraphClaimRow, to: GraphClaimRow, relation: LinkRelation = "CONTRADICTS"): GraphLinkRow => ({ id, relation, from, to });

const a = claim("a", "s2");
const b = claim("b", "s1");
const c = claim("c", "s1");
const d = claim("d", "s2");

describe("claim graph shape", () => {
  it("draws only linked claims, in source order, and counts the unlinked ones", () => {
    const graph = shapeClaimGraph({ sources, links: [link("l2", a, b, "SUPPORTS"), link("l1", c, a, "REFINES")], claimCount: 7 });
    expect(graph.nodes.map((n) => n.id)).toEqual(["b", "c", "a"]);
    expect(graph.edges).toEqual([
      { id: "l1", fromId: "c", toId: "a", relation: "REFINES" },
      { id: "l2", fromId: "a", toId: "b", relation: "SUPPORTS" },
    ]);
    expect(graph.hidden).toEqual({ unlinked: 4, overCap: 0 });
    // Only the drawn claims' sources, numbered by their place in the whole list (S2 is the heat maps' S2).
    expect(graph.sources).toEqual([{ id: "s1", title: "One", number: 1 }, { id: "s2", title: "Two", number: 2 }]);
    const later = shapeClaimGraph({ sources, links: [link("l3", claim("e", "s3"), claim("f", "s3"))], claimCount: 2 });
    expect(later.sources).toEqual([{ id: "s3", title: "Three", number: 3 }]);
  });

  it("past the cap keeps the most linked claims and only links between kept claims", () => {
    const links = [link("l1", a, b), link("l2", a, c), link("l3", a, d), link("l4", b, c)];
    const graph = shapeClaimGraph({ sources, links, claimCount: 4, maxNodes: 3 });
    // a has 3 links, b and c 2, d 1: d goes.
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(["a", "b", "c"]);
    expect(graph.edges.map((e) => e.id)).toEqual(["l1", "l2", "l4"]);
    expect(graph.hidden).toEqual({ unlinked: 0, overCap: 1 });
  });

  it("breaks ties by id, so the same links always keep the same claims", () => {
    const links = [link("l1", a, b), link("l2", c, d)];
    const once = shapeClaimGraph({ sources, links, claimCount: 4, maxNodes: 2 });
    const reversed = shapeClaimGraph({ sources, links: [...links].reverse(), claimCount: 4, maxNodes: 2 });
    expect(once.nodes.map((n) => n.id)).toEqual(["b", "a"]);
    expect(reversed).toEqual(once);
  });

  it("cuts long quotes and is empty without links", () => {
    const long = claim("e", "s3", "x".repeat(500));
    const graph = shapeClaimGraph({ sources, links: [link("l1", long, a)], claimCount: 2 });
    expect(graph.nodes.find((n) => n.id === "e")!.quote).toHaveLength(200);
    expect(shapeClaimGraph({ sources, links: [], claimCount: 5 })).toEqual({ sources: [], nodes: [], edges: [], hidden: { unlinked: 5, overCap: 0 } });
  });

  it("links a claim to the reader with the claim selected", () => {
    expect(claimHref({ id: "c1", sourceId: "s 1" })).toBe("/sources/s%201#claim-c1");
  });
});
