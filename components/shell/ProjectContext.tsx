"use client";
// The project the page belongs to (app/p/[project]/layout.tsx provides it), for the client parts
// that link to its pages or call its collection endpoints. Paths are built by projectPath only.
import { createContext, useContext } from "react";
import type { ComponentProps } from "react";
import Link from "@/components/Link";
import { projectPath, type ProjectRole } from "@/lib/roles";

export interface CurrentProject {
  slug: string;
  name: string;
  role: ProjectRole;
}

const ProjectContext = createContext<CurrentProject | null>(null);

export function ProjectProvider({ project, children }: { project: CurrentProject; children: React.ReactNode }) {
  return <ProjectContext.Provider value={project}>{children}</ProjectContext.Provider>;
}

/** The current project; only pages under /p/<slug>/ render the components that ask. */
export function useProject(): CurrentProject {
  const project = useContext(ProjectContext);
  if (!project) throw new Error("useProject outside a project's pages");
  return project;
}

/** The current project's page `rest` ("/sources/abc#claim-x" → "/p/csto/sources/abc#claim-x"). */
export function useProjectPath(): (rest: string) => string {
  const { slug } = useProject();
  return (rest) => projectPath(slug, rest);
}

/** A link to a page of the current project: `to` is the path inside it ("/claims?kind=FACT"). Lets
 *  components shared by server and client pages link without being handed the slug. */
export function ProjectLink({ to, ...props }: Omit<ComponentProps<typeof Link>, "href"> & { to: string }) {
  return <Link href={useProjectPath()(to)} {...props} />;
}
