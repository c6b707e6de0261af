import { NextResponse } from "next/server";
import { createSession, verifyLogin, requireAccounts } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { credentialsInput } from "@/lib/schemas";
import { clientAddress } from "../../_lib/actor";
import { readJson, route } from "../../_lib/http";
import { withSessionCookie } from "../_session-cookie";

export const POST = route(async (request) => {
  requireAccounts();
  const { name, password } = await readJson(request, credentialsInput);
  const user = await verifyLogin(db(), { action: "login", name, address: clientAddress(request) }, password);
  const { token, expiresAt } = await createSession(db(), user.id);
  return withSessionCookie(NextResponse.json({ user }), token, expiresAt, request);
});
