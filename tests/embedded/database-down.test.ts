import { spawn } from "node:child_process";
import path from "node:path";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "@/scripts/chromium";
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
  expect(html).toContain('id="__next_error__"');
  // The error page is drawn by the client-side error boundary: look at it in a browser.
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.getByRole("heading", { name: "This page could not be loaded" }).waitFor();
    expect(await page.locator("main").innerText()).toContain("the database cannot be reached");
  } finally {
    await browser.close();
  }
}, 90_000);
