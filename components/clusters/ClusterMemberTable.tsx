// The cluster page's table of members: where each claim comes from, who says it, how, what it
// rests on, its figures, their intervals (correctable) and the members it contradicts. A server
// component; one row per member. Seven columns, so it fits a 1280 px screen: the source's
// author, date and the claim's kind are lines under the source, and speaker, attribution and
// origin are one "Who says it" cell whose lines are labelled terms of a list.
import type { ReactNode } from "react";
import { ProjectLink } from "@/components/shell/ProjectContext";
import { Quote } from "@/components/Quote";
import { RemoveClusterMember } from "@/components/clusters/ClusterActions";
import { ValueCorrectionForm } from "@/components/clusters/ValueActions";
import { formatDateInterval } from "@/lib/quantities/date-intervals";
import { ProvenanceEntries } from "@/components/provenance/ProvenanceFacts";
import type { ClusterDetail } from "@/lib/server/clusters";
import "./cluster-members.css";

export function ClusterMemberTable({ cluster, number }: { cluster: Pick<ClusterDetail, "id" | "members">; number: Map<string, number> }) {
  return (
    <div className="member-table-scroll">
      <table className="cluster-table" aria-label="Claims in this cluster">
        <thead>
          <tr>
            <th scope="col">#</th><th scope="col">Source</th><th scope="col">Quote</th><th scope="col">Who says it</th>
            <th scope="col">Values</th><th scope="col">Contradicts</th><th scope="col"><span className="muted">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {cluster.members.map((m) => (
            <tr key={m.claimId} data-claim-id={m.claimId} className={m.contradicts.length ? "contradicted" : undefined}>
              <td>{number.get(m.claimId)}</td>
              <td className="member-source">
                <ProjectLink to={`/sources/${m.sourceId}`}>{m.sourceTitle}</ProjectLink>
                <span className="member-line">by {m.author ?? "unknown author"}</span>
                <span className="member-line">{m.date ?? "undated"} · {m.kind.toLowerCase()}</span>
              </td>
              <td className="member-quote"><Quote text={m.quote} /></td>
              <td className="member-provenance"><dl className="member-facts"><ProvenanceEntries provenance={m.provenance} /></dl></td>
              <td><div className="values-tools">
                <span>{m.figures.length ? m.figures.map((f) => <span key={f.text} className="figure">{f.text}</span>).reduce<ReactNode[]>((acc, el, i) => (i ? [...acc, ", ", el] : [el]), []) : <span className="muted">no figure</span>}</span>
                {m.values.figure && <span>{m.values.figure.intervalText} of {m.values.figure.quantity}{m.values.figure.part ? ` (${m.values.figure.part})` : ""}{m.values.figure.corrected ? " · corrected" : ""}</span>}
                {m.values.date && <span>{formatDateInterval(m.values.date)}{m.values.event ? ` · ${m.values.event}` : ""}{m.values.date.corrected ? " · corrected" : ""}</span>}
                <ValueCorrectionForm claimId={m.claimId} number={number.get(m.claimId)!} correction={m.values.correction} date={m.values.date} />
              </div></td>
              <td>{m.contradicts.length ? <span className="conflict-note">⚠ #{m.contradicts.map((id) => number.get(id) ?? 0).sort((x, y) => x - y).join(", #")}</span> : <span className="muted">—</span>}</td>
              <td><RemoveClusterMember clusterId={cluster.id} claimId={m.claimId} quote={m.quote} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
