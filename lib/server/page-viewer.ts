// Who reads a server-rendered page, for rules that depend on the reader (lib/server/rounds.ts
// hides others' claims from a round's annotators). One primary-key read of the session.
import "server-only";
import { cookies } from "next/headers";
import { db } from "./db";
import { authMode, localResearcherName, SESSION_COOKIE, sessionActor } from "./auth";
import { DomainError } from "../errors";
import { projectAccess, type ProjectAccess } from "./projects";
import { claimVisibility, SEE_EVERYTHING, type ClaimVisibility } from "./rounds";
import { ensureUser, type Actor } from "./users";

/** The signed-in researcher of a page (accounts mode), else null. */
export async function pageActor(): Promise<Actor | null> {
  if (authMode() !== "accounts") return null;
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? sessionActor(db(), token) : null;
}

/** What the page's reader may see of claims. Single-user mode has no rounds' annotators. */
export async function pageVisibility(actor?: Actor | null): Promise<ClaimVisibility> {
  const reader = actor === undefined ? await pageActor() : actor;
  return reader ? claimVisibility(db(), reader) : SEE_EVERYTHING;
}

/** The project a page's URL names (/p/<slug>/…), its reader and their role; null when it does
 *  not exist or the reader is not a member (the page answers 404). Single-user mode's researcher
 *  owns every project. A small local helper until the pages' own (branch wt-pages) is merged. */
export async function pageProject(slug: string): Promise<(ProjectAccess & { actor: Actor | null }) | null> {
  const actor = authMode() === "accounts" ? await pageActor() : { ...(await ensureUser(db(), localResearcherName())), mayEditAll: true };
  try {
    return { ...(await projectAccess(db(), actor, slug)), actor };
  } catch (err) {
    if (err instanceof DomainError && err.status === 404) return null;
    throw err;
  }
}
