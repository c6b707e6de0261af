// Runs before every page (Next 16 "proxy", formerly middleware), and before an API route only
// when its path holds a %-escape: a plain JSON request pays for no proxy hop. For those:
// - a path with a malformed %-escape is answered 400 here: Next's own decoding would throw a 500;
// - a fresh CSP nonce per request. The nonce forces dynamic rendering, which every page does
//   anyway (the root layout waits for connection()). API routes keep next.config.js's policy.
import { NextResponse, type NextRequest } from "next/server";
import { pageCsp } from "./lib/csp";

/** Set on every page request to the path and query asked for (a client's own value is replaced). */
export const PAGE_PATH_HEADER = "x-cp-page-path";

function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (malformedPath(pathname)) {
    return NextResponse.json({ error: { message: "The address has a malformed %-escape" } }, { status: 400 });
  }
  if (pathname.startsWith("/api/")) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = pageCsp(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  // The page's own address, for a sign-in link that brings the reader back (app/p/[project]/project-page.ts).
  headers.set(PAGE_PATH_HEADER, pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: API routes (api/ with its slash, so a page named "api…" would still match) and
  // static files need neither the nonce nor the check.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // Next decodes an API route's path parameters before the handler runs, and a malformed
    // escape there is a 500 the route wrapper never sees: such paths are checked here.
    "/api/:path(.*%.*)",
  ],
};
