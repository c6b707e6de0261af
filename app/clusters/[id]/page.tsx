import type { Metadata } from "next";
import Link from "@/components/Link";
import { notFound } from "next/navigation";
import { getCluster } from "@/lib/server/clusters";
import { db } from "@/lib/server/db";
import { AddClusterMember, DeleteCluster } from "@/components/clusters/ClusterActions";
import { ClusterMemberTable } from "@/components/clusters/ClusterMemberTable";
import "@/components/compare/compare.css";
import { ProvenanceGraph } from "@/components/provenance/ProvenanceGraph";
import { clusterProvenanceGraph } from "@/lib/server/provenance";
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
        <ClusterMemberTable cluster={cluster} number={number} />
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
