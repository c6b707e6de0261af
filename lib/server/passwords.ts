// Password rules and hashing. bcrypt (a kept library) reads at most 72 bytes, so a long
// passphrase would be cut silently: new hashes are of the password's SHA-256 (base64, 44 bytes),
// marked "sha256:"; hashes made before that (bare "$2…") still verify as they were made.
import "server-only";
import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";
import { nameKey } from "../names";
import { MIN_PASSWORD_LENGTH } from "../schemas";

const BCRYPT_ROUNDS = 11;
const PREHASHED = "sha256:";

const prehash = (password: string) => createHash("sha256").update(password, "utf8").digest("base64");

// About 49,000 passwords seen most often in leaks, shipped by zxcvbn-ts; loaded on first use
// (a few MB of memory), not at import, since every server process imports this module.
let common: Promise<Set<string>> | null = null;
function commonPasswords(): Promise<Set<string>> {
  common ??= import("@zxcvbn-ts/language-common").then((m) => new Set(m.dictionary["passwords-common"] as string[]));
  return common;
}

/** Why a new password is refused, or null. Length counts characters, not UTF-16 units. */
export async function passwordProblem(password: string, name: string): Promise<string | null> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `password: must be at least ${MIN_PASSWORD_LENGTH} characters`;
  const folded = password.toLowerCase();
  if (nameKey(password) === nameKey(name)) return "password: must not be your name";
  if ((await commonPasswords()).has(folded)) return "password: is one of the most common passwords; choose another";
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  return PREHASHED + (await bcrypt.hash(prehash(password), BCRYPT_ROUNDS));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith(PREHASHED)) return bcrypt.compare(prehash(password), stored.slice(PREHASHED.length));
  // Legacy hashes were made of the password itself (bcrypt read its first 72 bytes).
  return bcrypt.compare(password, stored);
}

// Compared against when the name is unknown, so a wrong name costs as long as a wrong password.
let dummyHash: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("no such researcher");
  await verifyPassword(password, await dummyHash);
}
