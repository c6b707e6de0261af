// The overview's claims-and-links graph on the bench database (every link loaded, the most
// linked claims kept up to the cap, then laid out): the whole load, and the layout alone.
import { SEED_PROJECT } from "@/lib/server/projects";
import { shapeClaimGraph } from "@/lib/overview/claim-graph";
import { layoutClaimGraph } from "@/lib/overview/graph-layout";
import { loadClaimGraph } from "@/lib/server/claim-graph";
import { timed, type BenchRow, type BenchSection } from "./harness";

export const overviewSection: BenchSection = {
  name: "overview",
  async run({ db, claimCount }) {
    const rows: BenchRow[] = [];
    const sources = (await db.source.findMany({ select: { id: true, title: true } })).map((s) => ({ id: s.id, title: s.title ?? s.id }));
    const times: number[] = [];
    let drawn = "";
    for (let run = 0; run < 5; run++) {
      const { value, ms } = await timed(() => loadClaimGraph(db, SEED_PROJECT.id, sources));
      times.push(ms);
      drawn = `${value.nodes.length} claims, ${value.edges.length} links drawn; ${value.hidden.overCap} linked and ${value.hidden.unlinked} unlinked left out`;
    }
    rows.push({ section: "overview", step: `claims-and-links graph: load, cap, lay out (${claimCount} claims)`, ms: times.sort((a, b) => a - b)[2]!, detail: `median of 5; ${drawn}` });
    const links = await db.claimLink.findMany({ select: { id: true, relation: true, from: { select: { id: true, sourceId: true, kind: true, quote: true } }, to: { select: { id: true, sourceId: true, kind: true, quote: true } } } });
    const shaped = shapeClaimGraph({ sources, links, claimCount });
    const layout: number[] = [];
    for (let run = 0; run < 5; run++) layout.push((await timed(async () => layoutClaimGraph(shaped))).ms);
    rows.push({ section: "overview", step: "graph layout alone (d3-force, 200 ticks)", ms: layout.sort((a, b) => a - b)[2]!, detail: `median of 5; ${shaped.nodes.length} nodes` });
    return rows;
  },
};
