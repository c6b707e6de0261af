import { NextResponse } from "next/server";
import { SESSION_COOKIE } from "@/lib/server/auth";

/** HTTP-only, same-site cookie: scripts in the page cannot read it, other sites cannot send it. */
export function withSessionCookie(response: NextResponse, token: string, expiresAt: Date, request: Request): NextResponse {
  response.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: new URL(request.url).protocol === "https:",
    expires: expiresAt,
  });
  return response;
}
