import type { Metadata } from "next";
import Link from "@/components/Link";
import { db } from "@/lib/server/db";
import { overview } from "@/lib/server/stats";
import { kindLabel, relationLabel } from "@/lib/labels";
import { CLAIM_KINDS, LINK_RELATIONS } from "@/lib/types";
import { LiveRefresh } from "@/components/live/LiveChanges";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

export default async function StatsPage() {
  const o = await overview(db());
  const total = CLAIM_KINDS.reduce((n, k) => n + o.byKind[k], 0);
  return (
    <>
      <h1>Overview</h1>
      <LiveRefresh entities={["CLAIM", "LINK", "CLUSTER", "SOURCE"]} />
      {total === 0 && <p>No claims yet. Open a <Link href="/">source</Link>, select a sentence and press F, O or P to mark it.</p>}
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
              <th scope="row"><Link href={`/sources/${s.id}`}>{s.title}</Link></th>
              {CLAIM_KINDS.map((k) => <td key={k}>{s.byKind[k]}</td>)}
              <td>{s.links}</td>
              <td>{s.orphaned}</td>
              <td>{s.unreviewedSuggestions} of {s.suggestions}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>

      <div className="table-scroll" role="region" aria-label="Contradiction matrix, scrollable" tabIndex={0}>
      <table className="data-table matrix">
        <caption>Which sources contradict which (CONTRADICTS links between their claims)</caption>
        <thead>
          <tr>
            <td />
            {o.sources.map((s, j) => <th key={s.id} scope="col" title={s.title}>S{j + 1}</th>)}
          </tr>
        </thead>
        <tbody>
          {o.sources.map((s, i) => (
            <tr key={s.id}>
              <th scope="row">S{i + 1} {s.title}</th>
              {o.sources.map((t, j) => (
                <td key={t.id} className={o.contradictions[i][j] ? "hot" : undefined} aria-label={`${s.title} and ${t.title}: ${o.contradictions[i][j]} contradictions`}>
                  {o.contradictions[i][j] || ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </>
  );
}
