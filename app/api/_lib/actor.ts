import { db } from "@/lib/db";
import { ensureUser, type Actor } from "@/lib/users";

/** Single-user mode: every request acts as the local researcher (CP_DEFAULT_USER, default "researcher"). */
export async function currentActor(_request: Request): Promise<Actor> {
  return ensureUser(db(), currentActorName());
}

/** For writes that create the user inside their own transaction, so a refused write leaves no trace. */
export function currentActorName(): string {
  return process.env.CP_DEFAULT_USER ?? "researcher";
}
