// Two app processes behind one database, as several would serve one team behind a load
// balancer: the first is the one Playwright starts, the second is started here on the next port
// from the same build. Nothing a process needs lives only in another's memory (sessions, rate
// limits and live updates are in PostgreSQL; the source-text cache is checked against the
// database in the statement that writes), so what one writes the other serves at once.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { request as httpRequest, type APIRequestContext } from "@playwright/test";
import { addClaim, addSource } from "./support/api";
import { expect, test } from "./support/fixtures";

const secondPort = Number(process.env.E2E_PORT ?? 3200) + 1;
const secondBase = `http://127.0.0.1:${secondPort}`;
const databaseUrl = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/cp_e2e";

let second: ChildProcess;
let viaSecond: APIRequestContext;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  second = spawn(path.join(process.cwd(), "node_modules", ".bin", "next"), ["start", "-p", String(secondPort), "-H", "127.0.0.1"], {
    stdio: "ignore", env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
  });
  viaSecond = await httpRequest.newContext({ baseURL: secondBase });
  // Until the second process answers (it refuses connections while starting).
  await expect.poll(async () => (await viaSecond.get("/api/sources").catch(() => null))?.status() ?? 0, { timeout: 90_000 }).toBe(200);
});

test.afterAll(async () => {
  await viaSecond?.dispose();
  if (second && second.exitCode === null) {
    const exited = new Promise((resolve) => second.once("exit", resolve));
    second.kill("SIGTERM");
    await exited;
  }
});

/** A word no other spec writes, so searches find only this test's claims. */
const uniqueWord = () => `Quorvel${Math.random().toString(36).replace(/[^a-z]/g, "").slice(0, 6)}`;

test("a claim written through one process is read, searched and exported through the other at once", async ({ page, request }) => {
  const word = uniqueWord();
  const body = `The ${word} mission sent 3,000 troops to the capital.\n\nA later report disagreed with that figure.`;
  const sourceId = await addSource(request, `${word} report`, body);
  const phrase = `${word} mission sent 3,000 troops`;
  const claimId = await addClaim(request, sourceId, body, phrase);

  // Read: the second process paints the claim in the source's first HTML.
  const html = await (await viaSecond.get(`/sources/${sourceId}`)).text();
  expect(html).toContain(`data-static-claim-id="${claimId}"`);

  // Searched, as a researcher does on the second process's claims list: by the word and by the figure in another writing.
  await page.goto(`${secondBase}/claims?q=${encodeURIComponent(`${word} three thousand`)}`);
  await expect(page.getByText("1 claim.", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: phrase })).toBeVisible();

  // Exported by the second process.
  const csv = await viaSecond.get(`/api/export/csv?q=${encodeURIComponent(word)}`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain(claimId);
  expect(text).toContain(phrase);
});

test("a source corrected through one process is never marked against its old text through the other", async ({ request }) => {
  const word = uniqueWord();
  const oldBody = `The ${word} mission sent 3,000 troops to the capital.\n\nA later report disagreed with that figure.`;
  const sourceId = await addSource(request, `${word} corrected`, oldBody);
  // The second process marks once, so its source-text cache holds the old text.
  await addClaim(viaSecond, sourceId, oldBody, "A later report");

  // Corrected through the first process: a new opening sentence moves every offset.
  const { source } = await (await request.get(`/api/sources/${sourceId}`)).json();
  const newBody = `Correction: the count was revised.\n\n${oldBody.replace("3,000", "2,000")}`;
  const patched = await request.patch(`/api/sources/${sourceId}`, { data: { version: source.version, body: newBody } });
  expect(patched.status(), await patched.text()).toBe(200);

  // A client still showing the old text marks through the second process: its offsets and
  // quote no longer meet, so the claim is refused, not written against the stale text.
  const phrase = "disagreed with that figure";
  const start = oldBody.indexOf(phrase);
  const stale = await viaSecond.post("/api/claims", { data: { sourceId, start, end: start + phrase.length, kind: "FACT", quote: phrase } });
  expect(stale.status()).toBe(400);
  expect((await stale.json()).error.message).toContain("does not match the source text");

  // Offsets alone are read against the corrected text: the quote is what the new text holds there.
  const bare = await viaSecond.post("/api/claims", { data: { sourceId, start, end: start + phrase.length, kind: "FACT" } });
  expect(bare.status(), await bare.text()).toBe(201);
  const { claim } = await bare.json();
  expect(newBody.slice(claim.start, claim.end)).toBe(claim.quote);
  expect(claim.quote).not.toBe(phrase);
});
