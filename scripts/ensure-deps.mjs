// Runs before node_modules exists, so it uses Node built-ins only.
// Installs dependencies when they are missing or older than package-lock.json.
import { execSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

export function ensureDeps() {
  const marker = "node_modules/.package-lock.json";
  const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync("package-lock.json").mtimeMs;
  if (!stale) return;
  // `npm install`, not `npm ci`: the registry mirror here lacks some platform-only optional
  // packages (next's darwin/win32 swc builds), which npm ci counts as a lock mismatch.
  // With the lock present, npm install still installs exactly the locked versions.
  console.log("Installing dependencies (npm install)…");
  execSync("npm install --no-audit --no-fund", { stdio: "inherit" });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureDeps();
