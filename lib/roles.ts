// What each role in a project may do. Pure, so the browser shows the same rules the server
// enforces (lib/server/projects.ts checks them inside each write's transaction).
export const PROJECT_ROLES = ["OWNER", "CURATOR", "ANNOTATOR", "VIEWER"] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

const RANK: Record<ProjectRole, number> = { OWNER: 3, CURATOR: 2, ANNOTATOR: 1, VIEWER: 0 };

/** Whether `role` includes everything `need` may do (owner ⊃ curator ⊃ annotator ⊃ viewer). */
export const roleAtLeast = (role: ProjectRole | null, need: ProjectRole): boolean => role !== null && RANK[role] >= RANK[need];

/** Adds sources, claims, links and clusters; changes their own. */
export const mayAnnotate = (role: ProjectRole | null) => roleAtLeast(role, "ANNOTATOR");
/** Changes anyone's claims, links, clusters and sources of the project. */
export const mayCurate = (role: ProjectRole | null) => roleAtLeast(role, "CURATOR");
/** Adds, removes and changes the roles of members. */
export const mayManageMembers = (role: ProjectRole | null) => role === "OWNER";

/** May `role` change something made by `authorId`, as researcher `actorId`? */
export const mayChangeWork = (role: ProjectRole | null, actorId: string, authorId: string | null) =>
  mayCurate(role) || (mayAnnotate(role) && authorId === actorId);

/** A project's part of a URL: lower-case letters, digits and inner hyphens, 1 to 40 characters
 *  (the CHECK on Project.slug says the same). */
export const PROJECT_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** The URL of a page of a project: projectPath("csto", "/claims") is "/p/csto/claims". */
export const projectPath = (slug: string, rest = "") => `/p/${slug}${rest}`;
