// Who reads a server-rendered page, for rules that depend on the reader (lib/server/rounds.ts
// hides others' claims from a round's annotators). One primary-key read of the session.
import "server-only";
import { cookies } from "next/headers";
import { db } from "./db";
import { authMode, SESSION_COOKIE, sessionActor } from "./auth";
import { claimVisibility, SEE_EVERYTHING, type ClaimVisibility } from "./rounds";
import type { Actor } from "./users";

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
