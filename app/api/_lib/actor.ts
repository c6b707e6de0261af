import { authMode, localResearcherName, SESSION_COOKIE, sessionActor } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/errors";
import { ensureUser, type Actor } from "@/lib/server/users";
import { trustProxy } from "./http";

// One lookup per process, not per request: the single-user researcher never changes while the app runs.
let localActor: Promise<Actor> | null = null;

export function readCookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    // A malformed %-escape is no session, not a server error.
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The address a request came from, for rate limits. With CP_TRUST_PROXY the last X-Forwarded-For
 * entry is the one the proxy added. Without it, Next fills X-Forwarded-For with the socket's
 * address only when the client sent none, so a client may name any address: per-name and overall
 * limits still hold then.
 */
export function clientAddress(request: Request): string | null {
  const entries = (request.headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const address = trustProxy() ? entries.at(-1) : entries[0];
  return address ? address.slice(0, 64) : null;
}

export async function signedInActor(request: Request): Promise<Actor | null> {
  const token = readCookie(request, SESSION_COOKIE);
  return token ? sessionActor(db(), token) : null;
}

/** The signed-in researcher, else (single-user mode) the local researcher, else 401. */
export async function currentActor(request: Request): Promise<Actor> {
  const actor = await signedInActor(request);
  if (actor) return actor;
  if (authMode() === "accounts") throw new DomainError(401, "Sign in to make changes");
  localActor ??= ensureUser(db(), currentActorName()).then((actor) => ({ ...actor, mayEditAll: true })).catch((err) => {
    localActor = null;
    throw err;
  });
  return localActor;
}

/** For writes that create the user inside their own transaction, so a refused write leaves no trace. */
export function currentActorName(): string {
  return localResearcherName();
}

/** Whose view a read shows (their dismissals, say): the signed-in researcher, else the local one
 *  in single-user mode, else nobody. Never refuses. */
export async function viewerActor(request: Request): Promise<Actor | null> {
  const actor = await signedInActor(request);
  if (actor || authMode() === "accounts") return actor;
  return currentActor(request);
}
