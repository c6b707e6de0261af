// The Content-Security-Policy of every page. Scripts run only with this response's nonce (Next
// puts it on its own bootstrap and chunk scripts, reading it from the request's CSP header), and
// what they load ('strict-dynamic'); no inline script without it. Styles keep 'unsafe-inline':
// React style attributes cannot carry a nonce.
export function pageCsp(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** API answers are data: nothing in them may run or be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
