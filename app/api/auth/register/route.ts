import { NextResponse } from "next/server";
import { createSession, registerUser, requireAccounts } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { registrationInput } from "@/lib/schemas";
import { clientAddress } from "../../_lib/actor";
import { readJson, route } from "../../_lib/http";
import { withSessionCookie } from "../_session-cookie";

export const POST = route(async (request) => {
  requireAccounts();
  const { name, password } = await readJson(request, registrationInput);
  const user = await registerUser(db(), { action: "register", name, address: clientAddress(request) }, password);
  const { token, expiresAt } = await createSession(db(), user.id);
  return withSessionCookie(NextResponse.json({ user }, { status: 201 }), token, expiresAt, request);
});
