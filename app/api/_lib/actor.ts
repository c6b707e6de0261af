import { db } from "@/lib/db";
import { ensureUser, type Actor } from "@/lib/users";

/** Single-user mode: every request acts as the local researcher (CP_DEFAULT_USER, default "researcher"). */
export async function currentActor(_request: Request): Promise<Actor> {
  return ensureUser(db(), process.env.CP_DEFAULT_USER ?? "researcher");
}
