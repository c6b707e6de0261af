import type { Metadata } from "next";
import Link from "@/components/Link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getCluster } from "@/lib/server/clusters";
import { claimVisibility } from "@/lib/server/rounds";
import { db } from "@/lib/server/db";
import { AddClusterMember, DeleteCluster } from "@/components/clusters/ClusterActions";
import { ClusterMemberTable } from "@/components/clusters/ClusterMemberTable";
import "@/components/compare/compare.css";
import { ProvenanceGraph } from "@/components/provenance/ProvenanceGraph";
import { clusterProvenanceGraph } from "@/lib/server/provenance";
import { LiveRefresh } from "@/components/live/LiveChanges";
import { Quote } from "@/components/Quote";
import { SOURCE_COLOURS, ValuesPicture, type PictureNote } from "@/components/clusters/ValuesPicture";
import { ClusterEventForm, LinkMembersForm } from "@/components/clusters/ValueActions";
import { RELATION_LABELS } from "@/lib/labels";
import { formatDateInterval } from "@/lib/quantities/date-intervals";
import { projectPath } from "@/lib/roles";
import { pageProject } from "@/app/_lib/project-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ project: string; id: string }> };

// generateMetadata and the page both need the cluster: one read per request. Another project's
// cluster is not found here.
const loadCluster = cache(async (slug: string, id: string) => {
  const page = await pageProject({ params: Promise.resolve({ project: slug }) });
  return { page, cluster: await getCluster(db(), page.project.id, id, await claimVisibility(db(), page.viewer)) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project, id } = await params;
  const { cluster } = await loadCluster(project, id);
  return { title: cluster ? cluster.name : "Cluster not found" };
}

export default async function ClusterPage({ params }: Props) {
  const { project: slug, id } = await params;
  const { page, cluster } = await loadCluster(slug, id);
  if (!cluster) notFound();
  const { project } = page;
  const number = new Map(cluster.members.map((m, i) => [m.claimId, i + 1]));
  const provenance = cluster.members.length ? await clusterProvenanceGraph(db(), project.id, cluster.id) : null;
  const sourceIds = [...new Set(cluster.members.map((m) => m.sourceId))];
  const sourceColour = new Map(sourceIds.map((id, i) => [id, SOURCE_COLOURS[i % SOURCE_COLOURS.length]!]));
  const pictureMembers = cluster.members.map((m) => ({ ...m, number: number.get(m.claimId)! }));
  // What each row of the pictures says beside it: whom it contradicts, what link settled a conflict.
  const notes: PictureNote[] = [];
  for (const c of cluster.contradictions) {
    notes.push({ claimId: c.aId, text: `⚠ contradicts #${number.get(c.bId)}`, conflict: true }, { claimId: c.bId, text: `⚠ contradicts #${number.get(c.aId)}`, conflict: true });
  }
  for (const l of cluster.links) {
    if (l.relation === "CONTRADICTS") continue;
    notes.push({ claimId: l.fromId, text: `${RELATION_LABELS[l.relation].out} #${number.get(l.toId)}`, conflict: false });
  }
  const hasFigures = cluster.members.some((m) => m.values.figure);
  const hasDates = cluster.members.some((m) => m.values.date);
  return (
    <>
      <h1>{cluster.name}</h1>
      <LiveRefresh entities={["CLUSTER", "CLAIM", "LINK"]} />
      {cluster.note && <p>{cluster.note}</p>}
      <p>
        {cluster.members.length} claims from {sourceIds.length} sources
        {sourceIds.length >= 2 && sourceIds.length <= 5 && <> · <Link href={projectPath(project.slug, `/compare?ids=${sourceIds.join(",")}`)}>Compare these sources</Link></>}
      </p>
      {cluster.members.length === 0 ? <p className="muted">No claims yet: add some by search below.</p> : (
        <ClusterMemberTable cluster={cluster} number={number} />
      )}
      {cluster.members.length > 0 && <ClusterEventForm clusterId={cluster.id} event={cluster.event} />}
      {hasFigures && <ValuesPicture kind="figures" members={pictureMembers} sourceColour={sourceColour} notes={notes} />}
      {hasDates && <ValuesPicture kind="dates" members={pictureMembers} sourceColour={sourceColour} notes={notes} />}
      {cluster.contradictions.length > 0 && (
        <section aria-label="Contradictions">
          <h2>Contradictions</h2>
          <ul className="plain-list">
            {cluster.contradictions.map((c) => (
              <li key={`${c.basis}-${c.aId}-${c.bId}`} className="suggestion">
                #{number.get(c.aId)} and #{number.get(c.bId)}:{" "}
                {c.basis === "link" ? "linked as contradicting" : `the ${c.basis === "dates" ? "dates of one event" : "figures"} cannot both be true (${c.figures.map((f) => `${f.a} vs ${f.b}`).join("; ")})`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {cluster.settled.length > 0 && (
        <section aria-label="Settled by links">
          <h2>Settled by links</h2>
          <ul className="plain-list">
            {cluster.settled.map((c) => (
              <li key={`${c.aId}-${c.bId}-${c.basis}`}>
                #{number.get(c.aId)} and #{number.get(c.bId)}: {c.figures.map((f) => `${f.a} vs ${f.b}`).join("; ")} is not a contradiction: linked as {RELATION_LABELS[c.relation].out} by {c.by}
              </li>
            ))}
          </ul>
        </section>
      )}
      {cluster.members.length >= 2 && (
        <section aria-label="Links among these claims">
          <h2>Links among these claims</h2>
          {cluster.links.length ? (
            <ul className="plain-list">
              {cluster.links.map((l) => <li key={l.id}>#{number.get(l.fromId)} {RELATION_LABELS[l.relation].out} #{number.get(l.toId)} <span className="muted">(by {l.authorName})</span></li>)}
            </ul>
          ) : <p className="muted">None yet.</p>}
          <LinkMembersForm members={cluster.members.map((m) => ({ claimId: m.claimId, number: number.get(m.claimId)!, quote: m.quote }))} />
        </section>
      )}
      {provenance && <ProvenanceGraph graph={provenance} title="Provenance" />}
      <h2>Add claims</h2>
      <AddClusterMember clusterId={cluster.id} memberIds={cluster.members.map((m) => m.claimId)} />
      <p style={{ marginTop: "1.5rem" }}><DeleteCluster clusterId={cluster.id} name={cluster.name} /></p>
    </>
  );
}
