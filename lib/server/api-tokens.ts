// Personal API tokens: a researcher's scripts act as the researcher, through
// `Authorization: Bearer <token>`. The token is shown once, when made; the database keeps its
// SHA-256 only (like sessions), its first characters to tell tokens apart, and when it was last
// used. Revoking is a conditional UPDATE, so two revocations of one token leave one date.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "./db";
import { DomainError, conflict, notFound } from "../errors";
import type { ApiTokenView } from "../types";
import type { Actor } from "./users";

/** "cpt_" and 32 random bytes in base64url: recognisable in a leaked log, 256 bits to guess. */
const TOKEN_SHAPE = /^cpt_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 8;
/** lastUsedAt is refreshed at most this often: a script's burst of requests costs one write. */
const LAST_USED_GRANULARITY_MS = 60_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

function toView(row: { id: string; name: string; prefix: string; createdAt: Date; expiresAt: Date | null; lastUsedAt: Date | null; revokedAt: Date | null }, now = new Date()): ApiTokenView {
  const state = row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt <= now ? "expired" : "active";
  return {
    id: row.id, name: row.name, prefix: row.prefix, state,
    createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null, revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** A new token for the researcher; `token` is the only time its secret is seen. 409 when a live
 *  token of theirs has the name already (a partial unique index decides between racing makers). */
export async function createApiToken(db: Db, actor: Actor, input: { name: string; expiresInDays: number | null }): Promise<{ token: string; view: ApiTokenView }> {
  const token = `cpt_${randomBytes(32).toString("base64url")}`;
  const createdAt = new Date();
  const expiresAt = input.expiresInDays === null ? null : new Date(createdAt.getTime() + input.expiresInDays * 24 * 3600 * 1000);
  const rows = await db.$queryRaw<Parameters<typeof toView>[0][]>`
    INSERT INTO "ApiToken" ("id", "userId", "name", "tokenHash", "prefix", "createdAt", "expiresAt")
    VALUES (${`t${randomBytes(12).toString("hex")}`}, ${actor.id}, ${input.name}, ${hashToken(token)}, ${token.slice(0, PREFIX_LENGTH)}, ${createdAt}, ${expiresAt})
    ON CONFLICT DO NOTHING
    RETURNING "id", "name", "prefix", "createdAt", "expiresAt", "lastUsedAt", "revokedAt"`;
  if (!rows[0]) throw conflict(`You already have a token named "${input.name}": revoke it or choose another name`);
  return { token, view: toView(rows[0], createdAt) };
}

/** The researcher's tokens, newest first, revoked ones included (they say when). */
export async function listApiTokens(db: Db, actor: Actor): Promise<ApiTokenView[]> {
  const rows = await db.apiToken.findMany({
    where: { userId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
  });
  const now = new Date();
  return rows.map((r) => toView(r, now));
}

/** Revokes one of the researcher's own live tokens. Another's token is as unknown as a missing
 *  one (404): token ids are not to be probed. Already revoked: 409. */
export async function revokeApiToken(db: Db, actor: Actor, id: string): Promise<ApiTokenView> {
  const revoked = await db.apiToken.updateManyAndReturn({
    where: { id, userId: actor.id, revokedAt: null },
    data: { revokedAt: new Date() },
    select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
  });
  if (revoked[0]) return toView(revoked[0]);
  const existing = await db.apiToken.findFirst({ where: { id, userId: actor.id }, select: { id: true } });
  if (existing) throw conflict("This token is revoked already");
  throw notFound(`Token ${id} does not exist`);
}

/**
 * The researcher an `Authorization` header names, null when there is none. A header that is
 * there but not a live token of ours is a 401, never a fall-back to the single-user researcher:
 * a script with a revoked token must learn it, not write under another name.
 */
export async function bearerActor(db: Db, authorization: string | null): Promise<Actor | null> {
  if (authorization === null) return null;
  const m = /^Bearer +(\S+) *$/i.exec(authorization);
  if (!m) throw new DomainError(401, "The Authorization header must be \"Bearer <token>\"");
  const token = m[1]!;
  if (!TOKEN_SHAPE.test(token)) throw new DomainError(401, "That is not an API token of this app (they start with cpt_)");
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, expiresAt: true, lastUsedAt: true, user: { select: { id: true, name: true } } },
  });
  const now = new Date();
  if (!row) throw new DomainError(401, "Unknown API token");
  if (row.revokedAt) throw new DomainError(401, "This API token was revoked");
  if (row.expiresAt && row.expiresAt <= now) throw new DomainError(401, "This API token has expired");
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db.apiToken.updateMany({ where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_GRANULARITY_MS) } }] }, data: { lastUsedAt: now } });
  }
  return row.user;
}
