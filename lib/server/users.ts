import "server-only";
import type { Db } from "./db";

export interface Actor {
  id: string;
  name: string;
  /** Single-user mode: the one person at the keyboard may change every claim, imported ones too. */
  mayEditAll?: boolean;
}

/** The researcher used in single-user mode (no sign-in): created on first use. */
export async function ensureUser(db: Db, name: string): Promise<Actor> {
  const user = await db.user.upsert({ where: { name }, update: {}, create: { name }, select: { id: true, name: true } });
  return user;
}
