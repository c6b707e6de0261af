import { NextResponse } from "next/server";
import { endSession, SESSION_COOKIE } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { readCookie } from "../../_lib/actor";
import { route } from "../../_lib/http";

export const POST = route(async (request) => {
  const token = readCookie(request, SESSION_COOKIE);
  if (token) await endSession(db(), token);
  const response = NextResponse.json({ ok: true });
  response.cookies.delete(SESSION_COOKIE);
  return response;
});
