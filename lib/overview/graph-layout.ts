// Places the claims-and-links graph with d3-force: each source's claims are pulled towards their
// own point on an ellipse, links pull their ends together, claims push each other apart. The
// simulation runs a fixed number of ticks from fixed starting points (d3-force's random source is
// seeded), so the same graph always gets the same picture, on the server, before it is sent.
// Cost: O(ticks · (nodes · log nodes + links)), bounded by the 150-node cap whatever the number of
// claims: 165–424 ms for 150 nodes on the bench's machine, so the overview keeps each layout in a
// cache keyed by what decides it (./layout-cache.ts) and runs it again only when that changes.
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from "d3-force";
import type { ClaimGraphNode, ClaimGraphView } from "../types";
import type { ShapedClaimGraph } from "./claim-graph";

export const GRAPH_WIDTH = 1100;
export const GRAPH_HEIGHT = 560;
/** A node's radius; the layout keeps nodes this far from each other and from the edges. */
export const NODE_RADIUS = 11;
const TICKS = 200;

interface SimNode extends SimulationNodeDatum {
  id: string;
  anchor: { x: number; y: number };
}

export function layoutClaimGraph(graph: ShapedClaimGraph, size = { width: GRAPH_WIDTH, height: GRAPH_HEIGHT }): ClaimGraphView {
  const { width, height } = size;
  const drawn = graph.sources.filter((s) => graph.nodes.some((n) => n.sourceId === s.id));
  // One anchor per drawn source, round an ellipse from the top, clockwise.
  const anchors = new Map(drawn.map((s, i) => {
    if (drawn.length === 1) return [s.id, { x: 0, y: 0 }];
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / drawn.length;
    return [s.id, { x: Math.cos(angle) * width * 0.3, y: Math.sin(angle) * height * 0.3 }];
  }));
  const perSource = new Map<string, number>();
  const simNodes: SimNode[] = graph.nodes.map((n) => {
    const anchor = anchors.get(n.sourceId)!;
    // Start on a small sunflower spiral round the anchor, so no two nodes start on one spot.
    const k = perSource.get(n.sourceId) ?? 0;
    perSource.set(n.sourceId, k + 1);
    const r = NODE_RADIUS * Math.sqrt(k + 0.5) * 1.6;
    const a = k * Math.PI * (3 - Math.sqrt(5));
    return { id: n.id, anchor, x: anchor.x + r * Math.cos(a), y: anchor.y + r * Math.sin(a) };
  });
  const simLinks: SimulationLinkDatum<SimNode>[] = graph.edges.map((e) => ({ source: e.fromId, target: e.toId }));
  const simulation = forceSimulation(simNodes)
    .force("link", forceLink<SimNode, SimulationLinkDatum<SimNode>>(simLinks).id((d) => d.id).distance(70).strength(0.15))
    .force("charge", forceManyBody<SimNode>().strength(-45).distanceMax(250))
    .force("collide", forceCollide<SimNode>(NODE_RADIUS * 1.5))
    .force("x", forceX<SimNode>((d) => d.anchor.x).strength(0.12))
    .force("y", forceY<SimNode>((d) => d.anchor.y).strength(0.12))
    // Cool down over exactly TICKS ticks (d3's default takes 300).
    .alphaDecay(1 - Math.pow(0.001, 1 / TICKS))
    .stop();
  for (let i = 0; i < TICKS; i++) simulation.tick();

  // Fit the result into the picture, keeping its proportions.
  const margin = NODE_RADIUS * 3;
  const xs = simNodes.map((n) => n.x!);
  const ys = simNodes.map((n) => n.y!);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // A small graph is spread over the picture (up to 2.5×) rather than left as a knot in its middle.
  const scale = Math.min(2.5, (width - 2 * margin) / Math.max(1, maxX - minX), (height - 2 * margin) / Math.max(1, maxY - minY));
  const offsetX = (width - (maxX - minX) * scale) / 2;
  const offsetY = (height - (maxY - minY) * scale) / 2;
  const round = (v: number) => Math.round(v * 10) / 10;
  const nodes: ClaimGraphNode[] = graph.nodes.map((n, i) => ({
    ...n,
    x: round(offsetX + (simNodes[i].x! - minX) * scale),
    y: round(offsetY + (simNodes[i].y! - minY) * scale),
  }));
  return { sources: graph.sources, nodes, edges: graph.edges, width, height, hidden: graph.hidden };
}

