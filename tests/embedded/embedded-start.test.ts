import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Starts the app exactly as `npm start` does but with no DATABASE_URL, so it must bring up the
// embedded PostgreSQL (PGlite) in a data folder; then starts it again on the same folder.
const ROOT = path.resolve(__dirname, "../..");
const PORT = 3300 + Math.floor(Math.random() * 400);
const dataDir = mkdtempSync(path.join(os.tmpdir(), "cp-embedded-"));
let server: ChildProcess | null = null;

async function start(): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), CP_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  const began = Date.now();
  server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--no-build"], { cwd: ROOT, env, stdio: "ignore", detached: true });
  for (;;) {
    if (Date.now() - began > 150_000) throw new Error("the app did not start within 150 s");
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return Date.now() - began;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function stop(): Promise<void> {
  if (!server?.pid) return;
  const exited = new Promise((r) => server!.on("exit", r));
  process.kill(-server.pid, "SIGTERM");
  await exited;
  server = null;
}

afterAll(async () => {
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start with no DATABASE_URL", () => {
  let claimId = "";

  it("starts on the embedded database, seeded with the five sources", async () => {
    const ms = await start();
    console.log(`embedded cold start (migrate + seed + serve, build reused): ${(ms / 1000).toFixed(1)} s`);
    // The one project's source list, where / sends a single-user installation.
    const html = await (await fetch(`http://127.0.0.1:${PORT}/`)).text();
    expect(html).toContain("Doubts grow over CSTO membership");
    expect(html.match(/class="source-card"/g)).toHaveLength(5);

    const sources = await (await fetch(`http://127.0.0.1:${PORT}/api/sources?project=csto`)).json();
    const counterpunch = sources.sources.find((s: { title: string | null }) => s.title?.startsWith("Why It"));
    const body: string = (await (await fetch(`http://127.0.0.1:${PORT}/api/sources/${counterpunch.id}`)).json()).source.body;
    const offset = body.indexOf("2,500 of its troops");
    const created = await fetch(`http://127.0.0.1:${PORT}/api/claims`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sourceId: counterpunch.id, start: offset, end: offset + 19, kind: "FACT", quote: "2,500 of its troops" }),
    });
    expect(created.status).toBe(201);
    claimId = (await created.json()).claim.id;
  });

  it("keeps sources and claims across a restart, without seeding twice", async () => {
    await stop();
    const ms = await start();
    console.log(`embedded warm start: ${(ms / 1000).toFixed(1)} s`);
    const html = await (await fetch(`http://127.0.0.1:${PORT}/`)).text();
    expect(html.match(/class="source-card"/g)).toHaveLength(5);
    const claim = await (await fetch(`http://127.0.0.1:${PORT}/api/claims/${claimId}`)).json();
    expect(claim.claim.quote).toBe("2,500 of its troops");
  });
});
