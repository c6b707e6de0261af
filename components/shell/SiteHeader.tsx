// The header of every page. Inside a project it names the project (a link to its sources) and the
// reader's role in it, and offers the project's pages; elsewhere (the projects, sign-in, account)
// only the way home and the reader's account.
import Link from "@/components/Link";
import { ShortcutHelp } from "@/components/ShortcutHelp";
import { UserMenu } from "@/components/UserMenu";
import { roleLabel } from "@/lib/labels";
import { projectPath } from "@/lib/roles";
import { MainNav } from "./MainNav";
import type { CurrentProject } from "./ProjectContext";

export function SiteHeader({ project }: { project?: CurrentProject }) {
  return (
    <header className="site-header">
      <Link href="/" className="brand">Claim provenance</Link>
      {project && (
        <p className="project-badge" aria-label="Project">
          <Link href={projectPath(project.slug)} className="project-name">{project.name}</Link>
          <span className="project-role"> · {roleLabel(project.role)}</span>
        </p>
      )}
      {project && <MainNav />}
      <UserMenu />
      <ShortcutHelp />
    </header>
  );
}
