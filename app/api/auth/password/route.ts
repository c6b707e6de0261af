import { NextResponse } from "next/server";
import { changePassword, SESSION_COOKIE, requireAccounts } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/errors";
import { changePasswordInput } from "@/lib/schemas";
import { readCookie, signedInActor } from "../../_lib/actor";
import { readJson, route } from "../../_lib/http";

/** POST { currentPassword, newPassword }: the researcher's other sessions (other browsers) end. */
export const POST = route(async (request) => {
  requireAccounts();
  const { currentPassword, newPassword } = await readJson(request, changePasswordInput);
  const actor = await signedInActor(request);
  if (!actor) throw new DomainError(401, "Sign in to change your password");
  await changePassword(db(), actor, currentPassword, newPassword, readCookie(request, SESSION_COOKIE));
  return NextResponse.json({ ok: true });
});
