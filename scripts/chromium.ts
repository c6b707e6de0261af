// How every browser this project starts is launched: tests, the benchmark, the Playwright config.
// CHROMIUM_PATH wins, then Debian's chromium; undefined lets Playwright use its own download.
import { existsSync } from "node:fs";

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export function chromiumLaunchOptions(): { executablePath: string | undefined; args: string[] } {
  const system = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
  return { executablePath: process.env.CHROMIUM_PATH || system, args: CHROMIUM_ARGS };
}
