import "server-only";
import type { Db } from "./db";
import { nameKey, normaliseName } from "../names";

export interface Actor {
  id: string;
  name: string;
  /** Single-user mode: the one person at the keyboard may change every claim, imported ones too. */
  mayEditAll?: boolean;
}

/** The researcher used in single-user mode (no sign-in): created on first use, found by name key. */
export async function ensureUser(db: Db, rawName: string): Promise<Actor> {
  const name = normaliseName(rawName);
  return db.user.upsert({ where: { nameKey: nameKey(name) }, update: {}, create: { name, nameKey: nameKey(name) }, select: { id: true, name: true } });
}
