import { z } from "zod";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/errors";
import { projectAccess, roleIn, type ProjectAccess } from "@/lib/server/projects";
import { PROJECT_SLUG } from "@/lib/roles";
import type { Actor } from "@/lib/server/users";
import { parseInput } from "./http";

// Collection endpoints (the sources, claims, clusters, exports and live changes of a project) name
// their project in the URL: `?project=<slug>`, the same slug as the pages' /p/<slug>/.
const projectInput = z.object({
  project: z.string({ error: "project: name the project, e.g. ?project=csto" }).regex(PROJECT_SLUG, "project: not a project's name (lower-case letters, digits and hyphens)"),
});

/** The slug a request names (400 when it names none or a malformed one). */
export function requestedProjectSlug(request: Request): string {
  return parseInput(projectInput, { project: new URL(request.url).searchParams.get("project") ?? undefined }).project;
}

/** The project a request names and `actor`'s role in it; 404 for an unknown project or a
 *  non-member. */
export async function requestProject(request: Request, actor: Actor | null): Promise<ProjectAccess> {
  return projectAccess(db(), actor, requestedProjectSlug(request));
}

/** For a read by id (a source, claim or cluster): its project's id when `viewer` is a member, else
 *  404 with `missing`, the same answer as for an id that does not exist. One primary-key read. */
export async function readableProject(viewer: Actor | null, projectId: string | null, missing: string): Promise<string> {
  const role = projectId ? await roleIn(db(), viewer, projectId) : null;
  if (!projectId || !role) throw notFound(missing);
  return projectId;
}

/** The query's other parameters (a collection's filter), without `project`, which
 *  `requestProject` reads: the filters' schemas are strict. */
export function filterParams(request: Request): Record<string, string> {
  const params = new URL(request.url).searchParams;
  params.delete("project");
  return Object.fromEntries(params);
}
