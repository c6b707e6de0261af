// Researchers' identities: name + password (bcrypt, a kept library) and server-side sessions.
// The cookie carries a random token; the database keeps only its SHA-256, so a leaked table
// cannot be replayed as cookies.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import type { Db } from "./db";
import { DomainError, conflict } from "../errors";
import type { Actor } from "./users";

export const SESSION_COOKIE = "cp_session";
export const SESSION_DAYS = 30;
const BCRYPT_ROUNDS = 11;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function registerUser(db: Db, name: string, password: string): Promise<Actor> {
  const existing = await db.user.findUnique({ where: { name } });
  // A name used in single-user mode (no password yet) can be claimed once by setting one.
  if (existing?.passwordHash) throw conflict(`The name "${name}" is taken: sign in instead`);
  const passwordHash = await bcrypt.hash(password, BCRYPT_ROUNDS);
  return db.user.upsert({
    where: { name },
    update: { passwordHash },
    create: { name, passwordHash },
    select: { id: true, name: true },
  });
}

// Compared against when the name is unknown, so a wrong name costs as long as a wrong password.
// Made on first use, not at import: every server process imports this module.
let dummyHash: Promise<string> | null = null;

export async function verifyLogin(db: Db, name: string, password: string): Promise<Actor> {
  const user = await db.user.findUnique({ where: { name } });
  // Same message and same work whether the name or the password is wrong: names are not to be probed.
  dummyHash ??= bcrypt.hash("no such researcher", BCRYPT_ROUNDS);
  const ok = await bcrypt.compare(password, user?.passwordHash ?? (await dummyHash));
  if (!user?.passwordHash || !ok) throw new DomainError(401, "Wrong name or password");
  return { id: user.id, name: user.name };
}

export async function createSession(db: Db, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await db.session.create({ data: { id: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

export async function sessionActor(db: Db, token: string): Promise<Actor | null> {
  const session = await db.session.findUnique({ where: { id: hashToken(token) }, include: { user: { select: { id: true, name: true } } } });
  if (!session || session.expiresAt < new Date()) return null;
  return session.user;
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.session.deleteMany({ where: { id: hashToken(token) } });
}

/** "single" (default): no sign-in needed, unsigned requests act as the local researcher.
 *  "accounts" (CP_AUTH=accounts): every write needs a signed-in researcher. */
export function authMode(): "single" | "accounts" {
  return process.env.CP_AUTH === "accounts" ? "accounts" : "single";
}

export function localResearcherName(): string {
  return process.env.CP_DEFAULT_USER ?? "researcher";
}
