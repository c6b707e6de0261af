import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/chromium";

const port = Number(process.env.E2E_PORT ?? 3200);
// scripts/test.mjs passes a fresh database; run alone, the specs use (and create) cp_e2e.
const databaseUrl = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/cp_e2e";

// Two servers on one build: the single-user app (no accounts, most specs) and the same app with
// accounts (CP_AUTH=accounts) on the next port and its own database, for the specs in e2e/team/
// where researchers in roles work together. The team project's first step signs up the owner.
const teamPort = port + 1;
const teamDatabaseUrl = `${databaseUrl}_team`;
const server = (p: number, url: string, extra: Record<string, string> = {}) => ({
  command: "node --import tsx scripts/serve.ts --no-build",
  url: `http://127.0.0.1:${p}/api/projects`,
  reuseExistingServer: false,
  timeout: 180_000,
  stdout: "pipe" as const,
  env: { PORT: String(p), DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1", ...extra },
});

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/output",
  fullyParallel: false,
  workers: 1,
  // No retries anywhere: a spec that passes only on a second try is a failure to fix, not to hide.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    viewport: { width: 1280, height: 800 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    { name: "single", testIgnore: /team\//, use: { baseURL: `http://127.0.0.1:${port}` } },
    { name: "team-setup", testMatch: /team\/setup\.ts$/, use: { baseURL: `http://127.0.0.1:${teamPort}` } },
    { name: "team", testMatch: /team\/.*\.spec\.ts$/, dependencies: ["team-setup"], use: { baseURL: `http://127.0.0.1:${teamPort}` } },
  ],
  webServer: [server(port, databaseUrl), server(teamPort, teamDatabaseUrl, { CP_AUTH: "accounts" })],
});
