// `npm start`: install, then hand over to scripts/serve.ts (migrate, seed, build, serve).
import { spawnSync } from "node:child_process";
import { ensureDeps } from "./ensure-deps.mjs";

ensureDeps();
const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/serve.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(result.status ?? 1);
