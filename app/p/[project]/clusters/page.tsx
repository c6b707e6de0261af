import type { Metadata } from "next";
import Link from "@/components/Link";
import { listClusters } from "@/lib/server/clusters";
import { db } from "@/lib/server/db";
import { CreateClusterForm } from "@/components/clusters/CreateClusterForm";
import "@/components/compare/compare.css";
import { LiveRefresh } from "@/components/live/LiveChanges";
import { projectPath } from "@/lib/roles";
import { pageProject, type ProjectParams } from "@/app/_lib/project-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Clusters" };

export default async function ClustersPage(props: ProjectParams) {
  const { project } = await pageProject(props);
  const clusters = await listClusters(db(), project.id);
  return (
    <>
      <h1>Clusters</h1>
      <LiveRefresh entities={["CLUSTER", "CLAIM"]} />
      <p className="muted">Groups of claims about one fact, compared side by side. Group claims from the <Link href={projectPath(project.slug, "/compare")}>compare view</Link>, or start an empty cluster here and add claims by search.</p>
      {clusters.length === 0 ? <p>No clusters yet.</p> : (
        <ul className="source-list" aria-label="Clusters">
          {clusters.map((c) => (
            <li key={c.id} className="source-card">
              <h2><Link href={projectPath(project.slug, `/clusters/${c.id}`)}>{c.name}</Link></h2>
              <p className="muted">{c.memberCount} claim{c.memberCount === 1 ? "" : "s"}{c.note ? ` · ${c.note}` : ""}</p>
            </li>
          ))}
        </ul>
      )}
      <h2>New cluster</h2>
      <CreateClusterForm openAfter />
    </>
  );
}
