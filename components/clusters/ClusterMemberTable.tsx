// The cluster page's table of members: where each claim comes from, who says it, how, what it
// rests on, its figures, their intervals (correctable) and the members it contradicts. A server component; one row per member.
import type { ReactNode } from "react";
import Link from "@/components/Link";
import { Quote } from "@/components/Quote";
import { RemoveClusterMember } from "@/components/clusters/ClusterActions";
import { ValueCorrectionForm } from "@/components/clusters/ValueActions";
import { formatDateInterval } from "@/lib/quantities/date-intervals";
import { AttributionText, OriginText, SpeakerText } from "@/components/provenance/ProvenanceFacts";
import type { ClusterDetail } from "@/lib/server/clusters";
import "./cluster-members.css";

export function ClusterMemberTable({ cluster, number }: { cluster: Pick<ClusterDetail, "id" | "members">; number: Map<string, number> }) {
  return (
    <div className="member-table-scroll">
      <table className="cluster-table" aria-label="Claims in this cluster">
        <thead>
          <tr>
            <th scope="col">#</th><th scope="col">Source</th><th scope="col">Author</th><th scope="col">Date</th><th scope="col">Kind</th><th scope="col">Quote</th>
            <th scope="col">Speaker</th><th scope="col">Attribution</th><th scope="col">Origin</th>
            <th scope="col">Values</th><th scope="col">As an interval</th><th scope="col">Contradicts</th><th scope="col"><span className="muted">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {cluster.members.map((m) => (
            <tr key={m.claimId} data-claim-id={m.claimId} className={m.contradicts.length ? "contradicted" : undefined}>
              <td>{number.get(m.claimId)}</td>
              <td><Link href={`/sources/${m.sourceId}`}>{m.sourceTitle}</Link></td>
              <td>{m.author ?? "unknown"}</td>
              <td>{m.date ?? "undated"}</td>
              <td>{m.kind.toLowerCase()}</td>
              <td className="member-quote"><Quote text={m.quote} /></td>
              <td><SpeakerText provenance={m.provenance} /></td>
              <td><AttributionText provenance={m.provenance} /></td>
              <td className="member-origin"><OriginText restsOn={m.provenance.restsOn} /></td>
              <td>{m.figures.length ? m.figures.map((f) => <span key={f.text} className="figure">{f.text}</span>).reduce<ReactNode[]>((acc, el, i) => (i ? [...acc, ", ", el] : [el]), []) : <span className="muted">none</span>}</td>
              <td className="values-tools">
                {m.values.figure && <span>{m.values.figure.intervalText} of {m.values.figure.quantity}{m.values.figure.part ? ` (${m.values.figure.part})` : ""}{m.values.figure.corrected ? " · corrected" : ""}</span>}
                {m.values.date && <span>{formatDateInterval(m.values.date)}{m.values.event ? ` · ${m.values.event}` : ""}</span>}
                {!m.values.figure && !m.values.date && <span className="muted">none</span>}
                <ValueCorrectionForm claimId={m.claimId} number={number.get(m.claimId)!} correction={m.values.correction} date={m.values.date} />
              </td>
              <td>{m.contradicts.length ? <span className="conflict-note">⚠ #{m.contradicts.map((id) => number.get(id) ?? 0).sort((x, y) => x - y).join(", #")}</span> : <span className="muted">—</span>}</td>
              <td><RemoveClusterMember clusterId={cluster.id} claimId={m.claimId} quote={m.quote} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
