// Runs before node_modules exists, so it uses Node built-ins only.
// Finds a Chromium for Playwright, or installs Debian's when run as root (npx playwright install
// cannot download here).
import { execSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

function playwrightBrowserInstalled() {
  const dir = process.env.PLAYWRIGHT_BROWSERS_PATH || path.join(os.homedir(), ".cache", "ms-playwright");
  return existsSync(dir) && readdirSync(dir).some((d) => d.startsWith("chromium"));
}

export function ensureChromium() {
  if (process.env.CHROMIUM_PATH || existsSync("/usr/bin/chromium") || existsSync("/usr/bin/chromium-browser") || playwrightBrowserInstalled()) return;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("Installing Debian's chromium for the browser…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit", shell: "/bin/bash" });
    return;
  }
  console.error("No Chromium found: install Debian's `chromium` package, set CHROMIUM_PATH, or run `npx playwright install chromium`.");
  process.exit(1);
}
