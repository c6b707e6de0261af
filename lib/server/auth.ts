// Researchers' identities: name + password (lib/passwords.ts) and server-side sessions.
// The cookie carries a random token; the database keeps only its SHA-256, so a leaked table
// cannot be replayed as cookies.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "./db";
import { DomainError, TooManyAttempts, badRequest, conflict } from "../errors";
import { mixedScriptProblem, nameKey, normaliseName } from "../names";
import { burnPasswordCheck, hashPassword, passwordProblem, verifyPassword } from "./passwords";
import { countAttempt, purgeOldAttempts, type Limit } from "./rate-limit";
import type { Actor } from "./users";
import { adoptOwnerlessProjects } from "./projects";

export const SESSION_COOKIE = "cp_session";
export const SESSION_DAYS = 30;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const WINDOW = 15 * 60;
/** Who is trying: the name asked for and the address asking (null when it cannot be known). */
export interface Attempt {
  action: "login" | "register";
  name: string;
  address: string | null;
}

/** Limits per name, per address and for all together: the last keeps bcrypt's CPU cost bounded
 *  when a flood rotates names and addresses (about 0.1 s of one core per attempt). */
function limitsFor(attempt: Attempt): Limit[] {
  const limits: Limit[] = [
    { key: `${attempt.action}:name:${nameKey(attempt.name)}`, max: 10, windowSeconds: WINDOW },
    { key: `${attempt.action}:all`, max: 600, windowSeconds: 60 },
  ];
  if (attempt.address) limits.push({ key: `${attempt.action}:address:${attempt.address}`, max: 50, windowSeconds: WINDOW });
  return limits;
}

/** Before any bcrypt work: refuses with 429 (and when to retry) once a limit is exceeded. */
async function admit(db: Db, attempt: Attempt): Promise<void> {
  const wait = await countAttempt(db, limitsFor(attempt));
  if (wait !== null) throw new TooManyAttempts(`Too many attempts: try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? "s" : ""}`, wait);
}

/** The name as stored, or 400 when it is a look-alike of another script's letters. */
export function checkedName(raw: string): string {
  const name = normaliseName(raw);
  const problem = mixedScriptProblem(name);
  if (problem) throw badRequest(`name: ${problem}`);
  return name;
}

/** Creates a new researcher; never adopts an existing one (with or without a password). The
 *  unique index on the name key decides between two registrations of one name at once. */
export async function registerUser(db: Db, attempt: Attempt, password: string): Promise<Actor> {
  const name = checkedName(attempt.name);
  const problem = await passwordProblem(password, name);
  if (problem) throw badRequest(problem);
  await admit(db, attempt);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Actor[]>`
      INSERT INTO "User" ("id", "name", "nameKey", "passwordHash") VALUES (${newUserId()}, ${name}, ${nameKey(name)}, ${passwordHash})
      ON CONFLICT DO NOTHING RETURNING "id", "name"`;
    if (!rows[0]) throw conflict(`The name "${name}" is taken: sign in instead, or choose another`);
    await adoptOwnerlessProjects(tx, rows[0].id);
    return rows[0];
  });
}

const newUserId = () => `u${randomBytes(12).toString("hex")}`;

export async function verifyLogin(db: Db, attempt: Attempt, password: string): Promise<Actor> {
  await admit(db, attempt);
  const user = await db.user.findUnique({ where: { nameKey: nameKey(attempt.name) } });
  // Same message and same work whether the name or the password is wrong: names are not to be probed.
  if (!user?.passwordHash) {
    await burnPasswordCheck(password);
    throw new DomainError(401, "Wrong name or password");
  }
  if (!(await verifyPassword(password, user.passwordHash))) throw new DomainError(401, "Wrong name or password");
  return { id: user.id, name: user.name };
}

/** New password for a signed-in researcher who knows the current one; every other session ends. */
export async function changePassword(db: Db, actor: Actor, current: string, next: string, keepToken: string | null): Promise<void> {
  await verifyLogin(db, { action: "login", name: actor.name, address: null }, current);
  const problem = await passwordProblem(next, actor.name);
  if (problem) throw badRequest(problem);
  const passwordHash = await hashPassword(next);
  await db.$transaction([
    db.user.update({ where: { id: actor.id }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId: actor.id, ...(keepToken ? { id: { not: hashToken(keepToken) } } : {}) } }),
  ]);
}

/** Also purges expired sessions and old attempt windows: two indexed DELETEs per sign-in. */
export async function createSession(db: Db, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await db.session.create({ data: { id: hashToken(token), userId, expiresAt } });
  await db.session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  await purgeOldAttempts(db);
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

/** "single" (default): one person on their own machine, no accounts at all: every request acts
 *  as the local researcher, who owns every project. "accounts" (CP_AUTH=accounts): researchers
 *  sign up and in, and every write needs a signed-in member with the right role. */
export function authMode(): "single" | "accounts" {
  return process.env.CP_AUTH === "accounts" ? "accounts" : "single";
}

/** Refuses what only accounts have (sign-up, sign-in, passwords, tokens) in single-user mode. */
export function requireAccounts(): void {
  if (authMode() !== "accounts") {
    throw new DomainError(404, "This app runs in single-user mode: it has no accounts. Start it with CP_AUTH=accounts for a team.");
  }
}

export function localResearcherName(): string {
  return process.env.CP_DEFAULT_USER ?? "researcher";
}
