// Cross-site request forgery guard for cookie-carrying writes. Browsers send Origin on every
// cross-origin POST/PATCH/DELETE and Sec-Fetch-Site on all modern requests, so a write whose
// origin is not this host is refused. Scripts (curl, the test suite) send neither and pass:
// they hold no victim's cookies.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function crossSiteWriteReason(method: string, url: string, headers: Headers): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    return `Refused a ${fetchSite} ${method} request: writes must come from this app`;
  }
  const origin = headers.get("origin");
  if (!origin) return null;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? new URL(url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "Refused a write with a malformed Origin header";
  }
  return originHost === host ? null : `Refused a write from ${origin}: writes must come from this app`;
}
