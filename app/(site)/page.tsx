import type { Metadata } from "next";
import { redirect } from "next/navigation";
import Link from "@/components/Link";
import { NewProjectForm } from "@/components/projects/NewProjectForm";
import { roleLabel } from "@/lib/labels";
import { projectPath } from "@/lib/roles";
import { authMode } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { projectsOf } from "@/lib/server/projects";
import { pageViewer } from "@/app/_lib/project-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Projects" };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** The reader's projects; a reader with one project (a single-user installation) goes straight to it. */
export default async function ProjectsPage() {
  const viewer = await pageViewer();
  if (!viewer) {
    return (
      <>
        <h1>Claim provenance</h1>
        <p>Researchers mark the claims in news and analysis, link them across sources and trace where they come from, in projects shared with their team.</p>
        <p><Link href="/signin">Sign in</Link> to see your projects. A new researcher signs up there too; an owner of a project then adds them to it.</p>
      </>
    );
  }
  const projects = await projectsOf(db(), viewer);
  if (projects.length === 1) redirect(projectPath(projects[0]!.slug));
  const accounts = authMode() === "accounts";
  return (
    <>
      <h1>Projects</h1>
      {projects.length === 0 ? (
        <p>You are not a member of any project yet. Start one below, or ask an owner of a project to add you.</p>
      ) : (
        <ul className="source-list" aria-label="Projects">
          {projects.map((p) => (
            <li key={p.id} className="source-card">
              <h2><Link href={projectPath(p.slug)}>{p.name}</Link></h2>
              <p className="muted">
                {roleLabel(p.role)} · {plural(p.sources, "source", "sources")}
                {accounts ? ` · ${plural(p.members, "member", "members")}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>New project</h2>
      <NewProjectForm />
    </>
  );
}
