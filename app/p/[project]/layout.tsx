import { LiveChanges } from "@/components/live/LiveChanges";
import { ProjectProvider } from "@/components/shell/ProjectContext";
import { SiteHeader } from "@/components/shell/SiteHeader";
import { liveStart } from "@/lib/server/live/viewer";
import { pageProject, type ProjectParams } from "@/app/_lib/project-page";

/** Every page of a project: its header (name, the reader's role, its pages), and its live updates. */
export default async function ProjectLayout({ params, children }: ProjectParams & { children: React.ReactNode }) {
  const [{ project, role, viewer }, live] = await Promise.all([pageProject({ params }), liveStart()]);
  const current = { slug: project.slug, name: project.name, role };
  return (
    <ProjectProvider project={current}>
      <LiveChanges project={project.slug} after={live.after} viewerId={viewer.id}>
        <SiteHeader project={current} />
        <main id="main">{children}</main>
      </LiveChanges>
    </ProjectProvider>
  );
}
