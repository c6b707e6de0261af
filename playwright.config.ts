import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/chromium";

const port = Number(process.env.E2E_PORT ?? 3200);
// scripts/test.mjs passes a fresh database; run alone, the specs use (and create) cp_e2e.
const databaseUrl = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/cp_e2e";

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/output",
  fullyParallel: false,
  workers: 1,
  // No retries anywhere: a spec that passes only on a second try is a failure to fix, not to hide.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: {
    command: "node --import tsx scripts/serve.ts --no-build",
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    env: { PORT: String(port), DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
  },
});
