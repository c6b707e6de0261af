// The test pipeline in order: unit + integration (real PostgreSQL), build, the embedded-database
// start check, then Playwright against a fresh database. Prints one closing "N passed, N failed".
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { ROOT, buildIfChanged, dropDatabase, generateClient } from "./tasks";

const REPORTS = path.join(ROOT, "test-results");

function step(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  console.log(`\n▶ ${cmd} ${args.join(" ")}`);
  const child = spawn(path.join(ROOT, "node_modules", ".bin", cmd), args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

function vitestCounts(file: string): { passed: number; failed: number } {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, "utf8"));
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + (report.numTotalTests === 0 ? 1 : 0) };
}

function playwrightCounts(file: string): { passed: number; failed: number } {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0 };
}

async function main() {
  mkdirSync(REPORTS, { recursive: true });
  const only = process.argv.slice(2);
  const wants = (name: string) => only.length === 0 || only.includes(name);
  let passed = 0;
  let failed = 0;
  const tally = (c: { passed: number; failed: number }) => { passed += c.passed; failed += c.failed; };

  await generateClient();

  if (wants("unit") || wants("integration")) {
    const dirs = ["unit", "integration"].filter(wants).map((d) => `tests/${d}`);
    const out = path.join(REPORTS, "vitest.json");
    await step("vitest", ["run", ...dirs, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
    tally(vitestCounts(out));
  }

  if (wants("embedded") || wants("e2e")) await buildIfChanged();

  if (wants("embedded")) {
    const out = path.join(REPORTS, "vitest-embedded.json");
    await step("vitest", ["run", "tests/embedded", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
    tally(vitestCounts(out));
  }

  if (wants("e2e")) {
    const databaseUrl = `${process.env.TEST_DATABASE_SERVER ?? "postgresql://postgres@127.0.0.1:5432"}/cp_e2e_${randomBytes(4).toString("hex")}`;
    const out = path.join(REPORTS, "playwright.json");
    try {
      await step("playwright", ["test", "--reporter=list,json"], { E2E_DATABASE_URL: databaseUrl, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    } finally {
      // playwright.config.ts: the team server's database is the same name with "_team".
      await Promise.all([databaseUrl, `${databaseUrl}_team`].map((url) => dropDatabase(url).catch(() => undefined)));
    }
    tally(playwrightCounts(out));
  }

  console.log(`\nAll suites: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
