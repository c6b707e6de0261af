// The header of every page. Inside a project it names the project (a link to its sources) and the
// reader's role in it, and offers the project's pages; elsewhere (the projects, sign-in, account)
// only the way home and the reader's account. Inside a project the app's name is its icon only
// (the name stays its accessible name): the project's name takes that room, and the header keeps
// one line at 1280 px.
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
      <Link href="/" className="brand">
        <img src="/icon.svg" alt="" width={24} height={24} />
        <span className={project ? "visually-hidden" : undefined}>Claim provenance</span>
      </Link>
      {project && (
        <p className="project-badge" aria-label="Project">
          <Link href={projectPath(project.slug)} className="project-name">{project.name}</Link>
          {/* The reader's role, never cut (globals.css), and the way to see who else works here. */}
          <span className="project-role">· <Link href={projectPath(project.slug, "/members")} title="Members and their roles">{roleLabel(project.role)}</Link></span>
        </p>
      )}
      {project && <MainNav />}
      <UserMenu />
      <ShortcutHelp />
    </header>
  );
}
