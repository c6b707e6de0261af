import { test as base, expect, type BrowserContext } from "@playwright/test";

/** A failure a spec provokes on purpose: the status, and the request's method and path
 *  (a string matches the path exactly, a pattern tests path and query). */
export interface ExpectedFailure {
  status: number;
  method?: string;
  path: string | RegExp;
}

interface Seen { status: number; method: string; path: string; what: string }

function matches(seen: Seen, expected: ExpectedFailure): boolean {
  if (seen.status !== expected.status) return false;
  if (expected.method && expected.method.toUpperCase() !== seen.method) return false;
  return typeof expected.path === "string" ? seen.path.split("?")[0] === expected.path : expected.path.test(seen.path);
}

/** Watches every page of the context: console errors, uncaught exceptions, failed requests and
 *  responses with status >= 400. Returns the problems seen, less the expected ones. */
function watch(context: BrowserContext, expected: ExpectedFailure[]): () => string[] {
  const problems: Seen[] = [];
  const pathOf = (url: string) => { const u = new URL(url); return u.pathname + u.search; };
  context.on("console", (message) => {
    if (message.type() !== "error") return;
    // Chrome logs each failed load too; the response and requestfailed checks below report those
    // with their status, so an expected 4xx does not also fail as a console error.
    if (message.text().startsWith("Failed to load resource")) return;
    problems.push({ status: 0, method: "", path: message.location().url, what: `console error: ${message.text()}` });
  });
  context.on("weberror", (error) => {
    problems.push({ status: 0, method: "", path: "", what: `uncaught: ${error.error().message}` });
  });
  context.on("requestfailed", (request) => {
    const failure = request.failure()?.errorText ?? "";
    // A request the page itself gave up on (navigating away, a download handed to the browser) is not a failure.
    if (failure === "net::ERR_ABORTED") return;
    problems.push({ status: 0, method: request.method(), path: pathOf(request.url()), what: `request failed: ${request.method()} ${request.url()} ${failure}` });
  });
  context.on("response", (response) => {
    if (response.status() < 400) return;
    const request = response.request();
    problems.push({ status: response.status(), method: request.method(), path: pathOf(response.url()), what: `${response.status()} from ${request.method()} ${response.url()}` });
  });
  return () => problems.filter((seen) => !expected.some((e) => matches(seen, e))).map((seen) => seen.what);
}

/** Playwright's test, failing any test whose pages log a console error, throw, or meet a failed
 *  request. A spec that provokes a 4xx on purpose declares it: `expectFailure({ status: 409, path: "/api/claims/x" })`. */
export const test = base.extend<{ expectFailure: (failure: ExpectedFailure) => void }>({
  expectFailure: [async ({ context }, use) => {
    const expected: ExpectedFailure[] = [];
    const unexpected = watch(context, expected);
    await use((failure) => { expected.push(failure); });
    expect(unexpected(), "console errors and failed requests on the pages this test visited").toEqual([]);
  }, { auto: true }],
});

export { expect };
