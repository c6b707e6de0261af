// `npm test`: installs what is missing (dependencies, Debian's Chromium when run as root),
// then runs unit, integration, embedded-database and Playwright tests (scripts/test-run.ts).
import { execSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDeps } from "./ensure-deps.mjs";

function playwrightBrowserInstalled() {
  const dir = process.env.PLAYWRIGHT_BROWSERS_PATH || path.join(os.homedir(), ".cache", "ms-playwright");
  return existsSync(dir) && readdirSync(dir).some((d) => d.startsWith("chromium"));
}

function ensureChromium() {
  if (process.env.CHROMIUM_PATH || existsSync("/usr/bin/chromium") || existsSync("/usr/bin/chromium-browser") || playwrightBrowserInstalled()) return;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("Installing Debian's chromium for the browser tests…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit", shell: "/bin/bash" });
    return;
  }
  console.error("No Chromium found: install Debian's `chromium` package, set CHROMIUM_PATH, or run `npx playwright install chromium`.");
  process.exit(1);
}

ensureDeps();
ensureChromium();
const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/test-run.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(result.status ?? 1);
