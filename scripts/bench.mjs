// `npm run bench` from a clean clone: installs what is missing (dependencies, the generated
// Prisma client, a Chromium for the paint timings), then prints the table (bench/run.ts).
import { spawnSync } from "node:child_process";
import { ensureChromium } from "./ensure-chromium.mjs";
import { ensureDeps } from "./ensure-deps.mjs";

ensureDeps();
ensureChromium();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const generate = spawnSync(process.execPath, ["--import", "tsx", "-e", "require('./scripts/tasks').generateClient()"], { stdio: "inherit", env });
if (generate.status !== 0) process.exit(generate.status ?? 1);
// The server condition lets lib/server/* load (its `server-only` marker); the bench loads no React.
const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/run.ts", ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(result.status ?? 1);
