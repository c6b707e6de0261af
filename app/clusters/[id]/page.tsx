import type { Metadata } from "next";
import Link from "@/components/Link";
import { notFound } from "next/navigation";
import { getCluster } from "@/lib/server/clusters";
import { db } from "@/lib/server/db";
import { AddClusterMember, DeleteCluster, RemoveClusterMember } from "@/components/clusters/ClusterActions";
import "@/components/compare/compare.css";
import { ProvenanceGraph } from "@/components/provenance/ProvenanceGraph";
import { clusterProvenanceGraph } from "@/lib/server/provenance";
import { Quote } from "@/components/Quote";
import { LiveRefresh } from "@/components/live/LiveChanges";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const cluster = await getCluster(db(), (await params).id);
  return { title: cluster ? cluster.name : "Cluster not found" };
}

export default async function ClusterPage({ params }: Props) {
  const cluster = await getCluster(db(), (await params).id);
  if (!cluster) notFound();
  const number = new Map(cluster.members.map((m, i) => [m.claimId, i + 1]));
  const provenance = cluster.members.length ? await clusterProvenanceGraph(db(), cluster.id) : null;
  const sourceIds = [...new Set(cluster.members.map((m) => m.sourceId))];
  return (
    <>
      <h1>{cluster.name}</h1>
      <LiveRefresh entities={["CLUSTER", "CLAIM", "LINK"]} />
      {cluster.note && <p>{cluster.note}</p>}
      <p>
        {cluster.members.length} claims from {sourceIds.length} sources
        {sourceIds.length >= 2 && sourceIds.length <= 5 && <> · <Link href={`/compare?ids=${sourceIds.join(",")}`}>Compare these sources</Link></>}
      </p>
      {cluster.members.length === 0 ? <p className="muted">No claims yet: add some by search below.</p> : (
        <table className="cluster-table" aria-label="Claims in this cluster">
          <thead>
            <tr><th scope="col">#</th><th scope="col">Source</th><th scope="col">Author</th><th scope="col">Date</th><th scope="col">Kind</th><th scope="col">Quote</th><th scope="col">Values</th><th scope="col">Contradicts</th><th scope="col"><span className="muted">Actions</span></th></tr>
          </thead>
          <tbody>
            {cluster.members.map((m) => (
              <tr key={m.claimId} data-claim-id={m.claimId} className={m.contradicts.length ? "contradicted" : undefined}>
                <td>{number.get(m.claimId)}</td>
                <td><Link href={`/sources/${m.sourceId}`}>{m.sourceTitle}</Link></td>
                <td>{m.author ?? "unknown"}</td>
                <td>{m.date ?? "undated"}</td>
                <td>{m.kind.toLowerCase()}</td>
                <td><Quote text={m.quote} /></td>
                <td>{m.figures.length ? m.figures.map((f) => <span key={f.text} className="figure">{f.text}</span>).reduce<React.ReactNode[]>((acc, el, i) => (i ? [...acc, ", ", el] : [el]), []) : <span className="muted">none</span>}</td>
                <td>{m.contradicts.length ? <span className="conflict-note">⚠ #{m.contradicts.map((id) => number.get(id) ?? 0).sort((x, y) => x - y).join(", #")}</span> : <span className="muted">—</span>}</td>
                <td><RemoveClusterMember clusterId={cluster.id} claimId={m.claimId} quote={m.quote} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cluster.contradictions.length > 0 && (
        <section aria-label="Contradictions">
          <h2>Contradictions</h2>
          <ul className="plain-list">
            {cluster.contradictions.map((c) => (
              <li key={`${c.basis}-${c.aId}-${c.bId}`} className="suggestion">
                #{number.get(c.aId)} and #{number.get(c.bId)}:{" "}
                {c.basis === "link" ? "linked as contradicting" : `the figures cannot both be true (${c.figures.map((f) => `${f.a} vs ${f.b}`).join("; ")})`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {provenance && <ProvenanceGraph graph={provenance} title="Provenance" />}
      <h2>Add claims</h2>
      <AddClusterMember clusterId={cluster.id} memberIds={cluster.members.map((m) => m.claimId)} />
      <p style={{ marginTop: "1.5rem" }}><DeleteCluster clusterId={cluster.id} name={cluster.name} /></p>
    </>
  );
}
