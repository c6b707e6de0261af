// `npm test`: installs what is missing (dependencies, Debian's Chromium when run as root),
// then runs unit, integration, embedded-database and Playwright tests (scripts/test-run.ts).
import { spawnSync } from "node:child_process";
import { ensureChromium } from "./ensure-chromium.mjs";
import { ensureDeps } from "./ensure-deps.mjs";

ensureDeps();
ensureChromium();
const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/test-run.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(result.status ?? 1);
