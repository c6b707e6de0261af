// Who is looking at a page, for live updates (their own changes are not announced to them) and
// from which change on the page's data was read. Two primary-key reads per page render.
import "server-only";
import { cookies } from "next/headers";
import { db } from "../db";
import { authMode, localResearcherName, SESSION_COOKIE, sessionActor } from "../auth";
import { nameKey } from "../../names";
import { lastChangeId } from "./changes";

/** Never fails a page: with the database away the stream starts from whenever it connects. */
export async function liveStart(): Promise<{ after: number | null; viewerId: string | null }> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  try {
    const [after, viewerId] = await Promise.all([lastChangeId(db()), viewerIdOf(token)]);
    return { after, viewerId };
  } catch {
    return { after: null, viewerId: null };
  }
}

async function viewerIdOf(token: string | undefined): Promise<string | null> {
  const signedIn = token ? await sessionActor(db(), token) : null;
  if (signedIn) return signedIn.id;
  if (authMode() === "accounts") return null;
  // Single-user mode: the local researcher, if it has acted yet (looked up, never created here).
  const local = await db().user.findUnique({ where: { nameKey: nameKey(localResearcherName()) }, select: { id: true } });
  return local?.id ?? null;
}
