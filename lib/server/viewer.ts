// Who a page or request is read for: in accounts mode the researcher a session names (or nobody),
// in single-user mode the local researcher, who owns every project. Pages (app/_lib/
// project-page.ts) and the API (app/api/_lib/actor.ts) both ask here.
import "server-only";
import type { Db } from "./db";
import { authMode, localResearcherName, sessionActor } from "./auth";
import { ensureUser, type Actor } from "./users";

// One lookup per process, not per request: the single-user researcher never changes while the app runs.
let local: Promise<Actor> | null = null;

/** Single-user mode's researcher (made on first use), who may change everything. */
export function localResearcher(db: Db): Promise<Actor> {
  local ??= ensureUser(db, localResearcherName()).then((actor) => ({ ...actor, mayEditAll: true })).catch((err) => {
    local = null;
    throw err;
  });
  return local;
}

/** The reader of a page: the session's researcher in accounts mode (null when signed out or the
 *  session ended), the local researcher in single-user mode (a cookie from another mode names nobody). */
export async function sessionViewer(db: Db, sessionToken: string | undefined): Promise<Actor | null> {
  if (authMode() !== "accounts") return localResearcher(db);
  return sessionToken ? sessionActor(db, sessionToken) : null;
}
