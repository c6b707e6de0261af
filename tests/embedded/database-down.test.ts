import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, expect, it } from "vitest";

// With the database unreachable the app still answers, with a page that says what to check.
const ROOT = path.resolve(__dirname, "../..");
const PORT = 3800 + Math.floor(Math.random() * 100);
const server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
  cwd: ROOT,
  stdio: "ignore",
  env: { ...process.env, DATABASE_URL: "postgresql://postgres@127.0.0.1:1/unreachable", NEXT_TELEMETRY_DISABLED: "1" },
});

afterAll(() => {
  server.kill("SIGTERM");
});

it("shows a readable error page when the database cannot be reached", async () => {
  let html = "";
  let status = 0;
  for (let tries = 0; tries < 120 && !status; tries++) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/`);
      status = response.status;
      html = await response.text();
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  expect(status).toBe(500);
  expect(html).toContain("This page could not be loaded");
  expect(html).toContain("database cannot be reached");
}, 90_000);
