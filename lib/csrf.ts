// Cross-site request forgery guard for cookie-carrying writes. Browsers send Origin on every
// cross-origin POST/PATCH/DELETE and Sec-Fetch-Site on all modern requests, so a write whose
// origin (scheme, host and port) is not this app's is refused. Scripts (curl, the test suite)
// send neither and pass: they hold no victim's cookies.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** This app's origin as the browser sees it: from the request URL, or, behind a trusted proxy
 *  (CP_TRUST_PROXY), from the X-Forwarded-Proto and X-Forwarded-Host the proxy sets. */
function appOrigin(url: string, headers: Headers, trustProxy: boolean): string {
  const own = new URL(url);
  const host = (trustProxy && headers.get("x-forwarded-host")?.split(",")[0]?.trim()) || headers.get("host") || own.host;
  const scheme = (trustProxy && headers.get("x-forwarded-proto")?.split(",")[0]?.trim()) || own.protocol.replace(/:$/, "");
  return `${scheme.toLowerCase()}://${host.toLowerCase()}`;
}

export function crossSiteWriteReason(method: string, url: string, headers: Headers, trustProxy = false): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    return `Refused a ${fetchSite} ${method} request: writes must come from this app`;
  }
  const origin = headers.get("origin");
  if (!origin) return null;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return "Refused a write with a malformed Origin header";
  }
  // URL.origin drops default ports (https://a:443 is https://a); compare the same way for ours.
  const ours = new URL(appOrigin(url, headers, trustProxy)).origin;
  return parsed.origin === ours ? null : `Refused a write from ${origin}: writes must come from this app`;
}
