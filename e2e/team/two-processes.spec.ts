// Two app processes behind one database, as several would serve one team behind a load
// balancer: the first is Playwright's team server (accounts mode), the second is started here
// from the same build. Nothing a process needs lives only in another's memory (sessions, rate
// limits and live updates are in PostgreSQL; the source-text cache is checked against the
// database in the statement that writes), so what one writes the other serves at once, and a
// session made through one is honoured by the other.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { request as httpRequest, type APIRequestContext } from "@playwright/test";
import { addClaim, addSource } from "../support/api";
import { claimInText } from "../support/reader";
import { expect, test } from "../support/fixtures";
import { join, ownerApi, PASSWORD, PROJECT, uniqueName } from "../support/team";

// playwright.config.ts: the single-user server is on E2E_PORT, the team server on the next port.
const secondPort = Number(process.env.E2E_PORT ?? 3200) + 2;
const secondBase = `http://127.0.0.1:${secondPort}`;
const databaseUrl = `${process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/cp_e2e"}_team`;

/** A new connection per request (e2e/support/team.ts newApi says why). */
const CLOSE = { connection: "close" };

let second: ChildProcess;
/** Ada, an annotator: `request` through the first process, `viaSecond` through the second. */
let request: APIRequestContext;
let viaSecond: APIRequestContext;
let adaName: string;

async function startSecond() {
  second = spawn(path.join(process.cwd(), "node_modules", ".bin", "next"), ["start", "-p", String(secondPort), "-H", "127.0.0.1"], {
    stdio: "ignore", env: { ...process.env, DATABASE_URL: databaseUrl, CP_AUTH: "accounts", NEXT_TELEMETRY_DISABLED: "1" },
  });
  // Until the second process answers (it refuses connections while starting).
  await expect.poll(async () => (await viaSecond.get("/api/projects").catch(() => null))?.status() ?? 0, { timeout: 90_000 }).toBe(200);
}

async function stopSecond(signal: NodeJS.Signals = "SIGTERM") {
  if (second && second.exitCode === null && second.signalCode === null) {
    const exited = new Promise((resolve) => second.once("exit", resolve));
    second.kill(signal);
    await exited;
  }
}

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(120_000);
  const baseURL = test.info().project.use.baseURL;
  const owner = await ownerApi(playwright, baseURL);
  request = await httpRequest.newContext({ baseURL, extraHTTPHeaders: CLOSE });
  adaName = uniqueName("Ada");
  await join(request, owner, adaName, "ANNOTATOR");
  await owner.dispose();
  viaSecond = await httpRequest.newContext({ baseURL: secondBase, extraHTTPHeaders: CLOSE });
  await startSecond();
  // Signed in through the first process; the session lives in PostgreSQL, so the second honours it.
  await viaSecond.dispose();
  viaSecond = await httpRequest.newContext({ baseURL: secondBase, storageState: await request.storageState(), extraHTTPHeaders: CLOSE });
  expect((await (await viaSecond.get("/api/auth/me")).json()).user.name).toBe(adaName);
});

test.afterAll(async () => {
  await stopSecond();
  await viaSecond?.dispose();
  await request?.dispose();
});

/** A word no other spec writes, so searches find only this test's claims. */
const uniqueWord = () => `Quorvel${Math.random().toString(36).replace(/[^a-z]/g, "").slice(0, 6)}`;

test("a claim written through one process is read, searched and exported through the other at once", async ({ page }) => {
  expect((await page.request.post("/api/auth/login", { data: { name: adaName, password: PASSWORD } })).status()).toBe(200);
  const word = uniqueWord();
  const body = `The ${word} mission sent 3,000 troops to the capital.\n\nA later report disagreed with that figure.`;
  const sourceId = await addSource(request, `${word} report`, body);
  const phrase = `${word} mission sent 3,000 troops`;
  const claimId = await addClaim(request, sourceId, body, phrase);

  // Read: the second process paints the claim in the source's first HTML.
  const html = await (await viaSecond.get(`/p/${PROJECT}/sources/${sourceId}`)).text();
  expect(html).toContain(`data-static-claim-id="${claimId}"`);

  // Searched, as a researcher does on the second process's claims list: by the word and by the figure in another writing.
  await page.goto(`${secondBase}/p/${PROJECT}/claims?q=${encodeURIComponent(`${word} three thousand`)}`);
  await expect(page.getByText("1 claim.", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: phrase })).toBeVisible();

  // Exported by the second process.
  const csv = await viaSecond.get(`/api/export/csv?project=${PROJECT}&q=${encodeURIComponent(word)}`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain(claimId);
  expect(text).toContain(phrase);
});

test("a source corrected through one process is never marked against its old text through the other", async () => {
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

test("a page's live stream outlives its server: restarted, it catches up on what was written meanwhile", async ({ page, playwright, expectFailure }) => {
  test.setTimeout(180_000);
  // The stream's requests fail while the server is away; that is the point.
  expectFailure({ status: 0, path: /^\/api\/events/ });
  // So do the script and style chunks the page fetches when idle (the claim panel's), if the
  // browser asks while the server is away.
  expectFailure({ status: 0, path: /^\/_next\/static\// });
  const word = uniqueWord();
  const body = `The ${word} convoy crossed the border at dawn.\n\nIts size was reported later as 40 vehicles.`;
  const sourceId = await addSource(request, `${word} restart`, body);
  // The page is Bo's, another annotator: a page never re-reads for its own researcher's changes.
  const owner = await ownerApi(playwright, test.info().project.use.baseURL);
  await join(page.request, owner, uniqueName("Bo"), "ANNOTATOR");
  await owner.dispose();
  await page.goto(`${secondBase}/p/${PROJECT}/sources/${sourceId}`);
  const live = page.getByRole("status", { name: "Live activity" });
  await expect(live).toHaveAttribute("data-connected", "yes");

  // The page's server dies (as a crash or a deploy does); the stream drops, and a claim is
  // written through the other process meanwhile.
  await stopSecond("SIGKILL");
  await expect(live).toHaveAttribute("data-connected", "no");
  // By Ada, through the first process.
  const claimId = await addClaim(request, sourceId, body, `${word} convoy crossed the border`);

  // Back on the same port: the page reconnects by itself and shows the claim, with no reload.
  await startSecond();
  await expect(live).toHaveAttribute("data-connected", "yes", { timeout: 30_000 });
  await expect(claimInText(page, claimId).first()).toHaveAttribute("data-kind", "FACT");
});
