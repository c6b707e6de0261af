// The one way a page under /p/<slug>/ learns its project and its reader: the reader from the
// session cookie (single-user mode: the local researcher), then their role in the project.
// Unknown project or not a member: the not-found page (a stranger cannot tell the two apart);
// nobody signed in (accounts mode): the sign-in page, which brings them back here.
import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { DomainError } from "@/lib/errors";
import { SESSION_COOKIE } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { getSource } from "@/lib/server/sources";
import { projectAccess, projectOfSource, projectsOf, type ProjectAccess } from "@/lib/server/projects";
import type { Actor } from "@/lib/server/users";
import { sessionViewer } from "@/lib/server/viewer";
import { projectPath } from "@/lib/roles";
import { PAGE_PATH_HEADER } from "@/proxy";

export type ProjectParams = { params: Promise<{ project: string }> };

export interface ProjectPage extends ProjectAccess {
  viewer: Actor;
}

/** The reader of this request (cached: the layout and the page ask once between them). */
export const pageViewer = cache(async (): Promise<Actor | null> => sessionViewer(db(), (await cookies()).get(SESSION_COOKIE)?.value));

/** Sends a reader who is not signed in to sign in, and back to this page afterwards. */
export async function signInFirst(fallback: string): Promise<never> {
  const here = (await headers()).get(PAGE_PATH_HEADER) ?? fallback;
  redirect(`/signin?next=${encodeURIComponent(here)}`);
}

/** The page's project and its reader's role (cached per request). */
export const projectPage = cache(async (slug: string): Promise<ProjectPage> => {
  const viewer = await pageViewer();
  if (!viewer) return signInFirst(projectPath(slug));
  try {
    return { ...(await projectAccess(db(), viewer, slug)), viewer };
  } catch (err) {
    if (err instanceof DomainError && err.status === 404) notFound();
    throw err;
  }
});

/** `projectPage` from a page's params. */
export async function pageProject({ params }: ProjectParams): Promise<ProjectPage> {
  return projectPage((await params).project);
}

/** A source of this page's project, else the not-found page (another project's source is as
 *  unknown here as a missing one). */
export async function requireSourceOf(page: ProjectPage, sourceId: string): Promise<void> {
  if ((await projectOfSource(db(), sourceId)) !== page.project.id) notFound();
}

/** The query string of this page request ("" or "?…"), kept when an old address is sent on. */
async function requestSearch(): Promise<string> {
  const path = (await headers()).get(PAGE_PATH_HEADER) ?? "";
  const at = path.indexOf("?");
  return at < 0 ? "" : path.slice(at);
}

/**
 * Addresses from before projects (/sources/<id>, /claims, …), which exports and citations carry:
 * sent on to the same page of the project the source, claim or cluster belongs to (`projectId`,
 * null when it does not exist), or, for a list page (`projectId` undefined), of the reader's only
 * project, else to the list of projects. The query is kept; the browser keeps a #fragment itself.
 * Not a member of that project: not found, as if the thing did not exist.
 */
export async function redirectFromOldAddress(rest: string, projectId?: string | null): Promise<never> {
  const viewer = await pageViewer();
  if (!viewer) return signInFirst(rest);
  if (projectId === null) notFound();
  const projects = await projectsOf(db(), viewer);
  const search = await requestSearch();
  if (projectId === undefined) redirect(projects.length === 1 ? projectPath(projects[0]!.slug, `${rest}${search}`) : "/");
  const project = projects.find((p) => p.id === projectId);
  if (!project) notFound();
  redirect(projectPath(project.slug, `${rest}${search}`));
}

/** A source of the page's project with the page (cached: generateMetadata and the page ask once
 *  between them); another project's source is not found. */
export const pageSource = cache(async (slug: string, id: string) => {
  const page = await projectPage(slug);
  await requireSourceOf(page, id);
  return { page, source: await getSource(db(), id) };
});
