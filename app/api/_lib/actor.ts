import { db } from "@/lib/db";
import { ensureUser, type Actor } from "@/lib/users";

// One upsert per process, not per request: the single-user researcher never changes while the app runs.
let localActor: Promise<Actor> | null = null;

/** Single-user mode: every request acts as the local researcher (CP_DEFAULT_USER, default "researcher"). */
export async function currentActor(_request: Request): Promise<Actor> {
  localActor ??= ensureUser(db(), process.env.CP_DEFAULT_USER ?? "researcher").catch((err) => {
    localActor = null;
    throw err;
  });
  return localActor;
}
