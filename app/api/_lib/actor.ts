import { bearerActor } from "@/lib/server/api-tokens";
import { authMode, localResearcherName, requireAccounts, SESSION_COOKIE, sessionActor } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/server/users";
import { localResearcher } from "@/lib/server/viewer";
import { trustProxy } from "./http";

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

/** The researcher a request is from: an API token (Authorization: Bearer) when the request names
 *  one, and a token that is not live is a 401; else the session cookie; else null. */
export async function signedInActor(request: Request): Promise<Actor | null> {
  // Single-user mode has no accounts: a cookie or token from another mode names nobody.
  if (authMode() !== "accounts") return null;
  const authorization = request.headers.get("authorization");
  if (authorization !== null) return bearerActor(db(), authorization);
  const token = readCookie(request, SESSION_COOKIE);
  return token ? sessionActor(db(), token) : null;
}

/** The researcher signed in with a browser session: tokens are managed there only, so a leaked
 *  token cannot make more tokens or keep itself alive. */
export async function sessionOwner(request: Request, what: string): Promise<Actor> {
  requireAccounts();
  if (request.headers.get("authorization") !== null) throw new DomainError(403, `An API token cannot ${what}: sign in in the browser`);
  const token = readCookie(request, SESSION_COOKIE);
  const actor = token ? await sessionActor(db(), token) : null;
  if (!actor) throw new DomainError(401, `Sign in to ${what}`);
  return actor;
}

/** The signed-in researcher, else (single-user mode) the local researcher, else 401. */
export async function currentActor(request: Request): Promise<Actor> {
  const actor = await signedInActor(request);
  if (actor) return actor;
  if (authMode() === "accounts") throw new DomainError(401, "Sign in to make changes");
  return localResearcher(db());
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
