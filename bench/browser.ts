// Page loads timed in Chromium (Debian's, through Playwright: scripts/chromium.ts), shared by the
// reader's paint rows (bench/http.ts) and the growth table's (bench/growth.ts): times are the
// browser's own, in ms from navigation start (first-contentful-paint, the app's performance marks).
import { chromium, type Browser, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../scripts/chromium";

export const VIEWPORT = { width: 1280, height: 800 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

export function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
}

/** "median of 5 loads; min 210, max 260 ms": what a median row was taken over. */
export function describeTimes(xs: number[], what = "loads"): string {
  return `median of ${xs.length} ${what}; min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)} ms`;
}

/** A performance entry's start time in `page` once it is recorded (the app's marks, or the
 *  browser's "first-contentful-paint"), ms from navigation start. */
export async function entryTime(page: Page, name: string, timeoutMs = 180_000): Promise<number> {
  const handle = await page.waitForFunction((entry) => performance.getEntriesByName(entry)[0]?.startTime, name, { timeout: timeoutMs });
  return (await handle.jsonValue()) as number;
}

/** `runs` loads of `url` in one tab (after one unmeasured load that compiles the route and fills
 *  the cache, so the app's scripts are cached as after any visit): first contentful paint, and
 *  the time of the performance mark `mark` when given (and of `earlierMark`, one set before it). */
export async function loadTimings(browser: Browser, url: string, runs: number, mark?: string, earlierMark?: string): Promise<{ fcp: number[]; mark: number[]; hydrated: number[] }> {
  const tab = await browser.newPage({ viewport: VIEWPORT });
  const timings = { fcp: [] as number[], mark: [] as number[], hydrated: [] as number[] };
  try {
    for (let run = 0; run <= runs; run++) {
      await tab.goto(url, { waitUntil: "commit" });
      const fcp = await entryTime(tab, "first-contentful-paint");
      const marked = mark ? await entryTime(tab, mark) : Number.NaN;
      // Set before `mark` when the app sets it at all (an older build may not): no long wait.
      const earlier = earlierMark ? await entryTime(tab, earlierMark, 2_000).catch(() => Number.NaN) : Number.NaN;
      if (run === 0) continue;
      timings.fcp.push(fcp);
      if (mark) timings.mark.push(marked);
      if (earlierMark) timings.hydrated.push(earlier);
    }
  } finally {
    await tab.close();
  }
  return timings;
}
