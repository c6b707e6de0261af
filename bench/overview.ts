// The overview on the bench database: its totals and heat maps, a page of its per-source table in
// each order, and the claims-and-links graph (the most linked claims kept up to the cap, then laid
// out): the whole load, the layout alone, and the layout served from its cache.
import { SEED_PROJECT } from "@/lib/server/projects";
import { shapeClaimGraph } from "@/lib/overview/claim-graph";
import { layoutClaimGraph } from "@/lib/overview/graph-layout";
import { LayoutCache } from "@/lib/overview/layout-cache";
import { overview, SOURCE_STATS_ORDERS, sourceStatsPage } from "@/lib/server/stats";
import { loadClaimGraph } from "@/lib/server/claim-graph";
import { timed, type BenchRow, type BenchSection } from "./harness";

export const overviewSection: BenchSection = {
  name: "overview",
  async run({ db, claimCount }) {
    const rows: BenchRow[] = [];
    const median = async (run: () => Promise<unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < 5; i++) ms.push((await timed(run)).ms);
      return ms.sort((a, b) => a - b)[2]!;
    };
    rows.push({ section: "overview", step: `totals, sources and heat maps (${claimCount} claims)`, ms: await median(() => overview(db, SEED_PROJECT.id)), detail: "median of 5" });
    for (const order of SOURCE_STATS_ORDERS) {
      rows.push({ section: "overview", step: `per-source table, first 25 by ${order}`, ms: await median(() => sourceStatsPage(db, SEED_PROJECT.id, { order, limit: 25 })), detail: "median of 5" });
    }
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
    const cache = new LayoutCache();
    cache.layout(shaped);
    rows.push({ section: "overview", step: "graph layout, the same graph again (from the cache)", ms: await median(async () => cache.layout(shaped)), detail: "median of 5; keyed by a hash of the nodes and links" });
    return rows;
  },
};
