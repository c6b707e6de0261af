import type { Metadata } from "next";
import Link from "@/components/Link";
import { db } from "@/lib/server/db";
import { overview } from "@/lib/server/stats";
import { claimVisibility } from "@/lib/server/rounds";
import { loadClaimGraph } from "@/lib/server/claim-graph";
import { sourcePairMatrices } from "@/lib/overview/source-matrix";
import { SourceHeatMap } from "@/components/overview/SourceHeatMap";
import { ClaimGraph } from "@/components/overview/ClaimGraph";
import { kindLabel, relationLabel } from "@/lib/labels";
import { CLAIM_KINDS, LINK_RELATIONS } from "@/lib/types";
import { LiveRefresh } from "@/components/live/LiveChanges";
import { projectPath } from "@/lib/roles";
import { pageProject, type ProjectParams } from "@/app/_lib/project-page";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

export default async function StatsPage(props: ProjectParams) {
  const { project, viewer } = await pageProject(props);
  const visibility = await claimVisibility(db(), viewer);
  // The graph's queries run alongside the overview's; it waits for the overview's sources only to shape itself.
  const figures = overview(db(), project.id);
  const [o, graph] = await Promise.all([figures, loadClaimGraph(db(), project.id, figures.then((f) => f.sources), visibility)]);
  const total = CLAIM_KINDS.reduce((n, k) => n + o.byKind[k], 0);
  const unscanned = o.sources.filter((s) => !s.scanned).length;
  return (
    <>
      <h1>Overview</h1>
      <LiveRefresh entities={["CLAIM", "LINK", "CLUSTER", "SOURCE"]} />
      {total === 0 && <p>No claims yet. Open a <Link href={projectPath(project.slug)}>source</Link>, select a sentence and press F, O or P to mark it.</p>}
      <div className="stats-cards">
        {CLAIM_KINDS.map((k) => (
          <div key={k} className={`stat-card kind-${k.toLowerCase()}`}>
            <span className="stat-value" data-testid={`count-${k}`}>{o.byKind[k]}</span> {kindLabel(k)} claims
          </div>
        ))}
        {LINK_RELATIONS.map((r) => (
          <div key={r} className="stat-card">
            <span className="stat-value" data-testid={`count-${r}`}>{o.byRelation[r]}</span> {relationLabel(r)} links
          </div>
        ))}
      </div>

      <p>How reliably the team tags: <Link href={projectPath(project.slug, "/rounds")}>rounds of independent annotation</Link>, with the agreement between annotators and curation.</p>

      <div className="table-scroll" role="region" aria-label="Per source, scrollable" tabIndex={0}>
      <table className="data-table">
        <caption>Per source</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            {CLAIM_KINDS.map((k) => <th key={k} scope="col">{kindLabel(k)}</th>)}
            <th scope="col">Links</th>
            <th scope="col">Orphaned</th>
            <th scope="col">Unreviewed suggestions</th>
          </tr>
        </thead>
        <tbody>
          {o.sources.map((s) => (
            <tr key={s.id}>
              <th scope="row"><Link href={projectPath(project.slug, `/sources/${s.id}`)}>{s.title}</Link></th>
              {CLAIM_KINDS.map((k) => <td key={k}>{s.byKind[k]}</td>)}
              <td>{s.links}</td>
              <td>{s.orphaned}</td>
              <td>{s.scanned ? `${s.unreviewedSuggestions} of ${s.suggestions}` : "not yet scanned"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {unscanned > 0 && (
        <p role="note">
          Suggestions are not counted yet for {unscanned} of {o.sources.length} sources, whose texts were added before suggestions were stored: a
          few more texts are scanned each time this page is opened.
        </p>
      )}

      <h2>Which sources contradict or support which</h2>
      <div className="overview-pictures">
        {sourcePairMatrices(o).map((matrix) => <SourceHeatMap key={matrix.relation} matrix={matrix} />)}
      </div>

      <h2>Claims and their links</h2>
      <ClaimGraph graph={graph} />
    </>
  );
}
