import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { claimInText } from "./support/reader";
import { expectAccessible } from "./support/axe";
import { at, withProject } from "./support/project";

// axe-core on every page: no serious or critical violations (colour contrast of the kind
// colours included, labels on every control). One test a page, each with its own time budget:
// as one test of fifteen full analyses it outran even a tripled budget on a loaded machine, and
// its clean-up then never ran, leaving claims that other specs count.
test.describe.configure({ mode: "serial" });

let api: APIRequestContext;
const made = { a: "", b: "", c1: "", c2: "", clusterId: "" };

test.beforeAll(async ({ playwright }, testInfo) => {
  api = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  const { sources } = await (await api.get(withProject("/api/sources"))).json();
  const [a, b] = sources.filter((s: { title: string | null }) => s.title?.startsWith("Doubts grow") || s.title?.startsWith("Why It"));
  // Some claims, a link and a cluster, so the pages show their full state, not only empty states.
  const { source } = await (await api.get(`/api/sources/${a.id}`)).json();
  const mark = async (phrase: string, kind: string) => {
    const start = source.body.indexOf(phrase);
    const r = await api.post("/api/claims", { data: { sourceId: a.id, start, end: start + phrase.length, kind, note: "axe" } });
    expect(r.status(), await r.text()).toBe(201);
    return (await r.json()).claim.id as string;
  };
  made.a = a.id;
  made.b = b.id;
  made.c1 = await mark("Sweden and Finland", "FACT");
  made.c2 = await mark("Moscow's aggression has also unleashed a worldwide shock", "OPINION");
  expect((await api.post("/api/links", { data: { fromId: made.c1, toId: made.c2, relation: "SUPPORTS" } })).status()).toBe(201);
  const cluster = await api.post(withProject("/api/clusters"), { data: { name: `Axe cluster ${Date.now()}`, claimIds: [made.c1, made.c2] } });
  expect(cluster.status()).toBe(201);
  made.clusterId = (await cluster.json()).cluster.id;
});

// Hooks run with their own time budget, also after a test ran out of its own: the shared
// database is left as found, pass or fail.
test.afterAll(async () => {
  if (made.clusterId) await api.delete(`/api/clusters/${made.clusterId}`);
  for (const id of [made.c1, made.c2].filter(Boolean)) {
    const { claim } = await (await api.get(`/api/claims/${id}`)).json();
    expect((await api.delete(`/api/claims/${id}?version=${claim.version}`)).ok()).toBe(true);
  }
  await api.dispose();
});

const PAGES: [string, () => string][] = [
  ["home", () => "/"],
  ["reader", () => at(`/sources/${made.a}`)],
  ["edit source", () => at(`/sources/${made.a}/edit`)],
  ["add source", () => at("/sources/new")],
  ["claims", () => at("/claims")],
  ["compare", () => at(`/compare?ids=${made.a},${made.b}`)],
  ["compare picker", () => at("/compare")],
  ["clusters", () => at("/clusters")],
  ["cluster", () => at(`/clusters/${made.clusterId}`)],
  ["overview", () => at("/stats")],
  ["import", () => at("/import")],
  ["sign in", () => "/signin"],
  ["account", () => "/account"],
  ["not found", () => at("/sources/missing-source")],
  ["unknown project", () => "/p/no-such-project"],
];
/** Pages outside a project have no live-update stream. */
const OUTSIDE_A_PROJECT = new Set(["sign in", "account", "unknown project"]);

for (const [label, url] of PAGES) {
  test(`axe: ${label}`, async ({ page, expectFailure }) => {
    if (label === "not found" || label === "unknown project") expectFailure({ status: 404, method: "GET", path: new URL(url(), "http://x").pathname });
    await page.goto(url());
    // Hydrated: the live-update stream has opened (a state, where "network idle" would wait for
    // a stream that never ends), or outside a project the user menu has asked who is reading.
    if (OUTSIDE_A_PROJECT.has(label)) await expect(page.getByTestId("current-user")).toBeVisible();
    else await expect(page.getByRole("status", { name: "Live activity" })).toHaveAttribute("data-connected", "yes");
    await expectAccessible(page, label);
  });
}

test("axe: reader with the claim editor open, and the shortcut list", async ({ page }) => {
  await page.goto(at(`/sources/${made.a}`));
  await claimInText(page, made.c1).first().click();
  await expect(page.getByRole("region", { name: "Edit claim" })).toBeVisible();
  await expectAccessible(page, "reader with editor");
  await page.keyboard.press("Escape");
  await page.locator("body").press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await expectAccessible(page, "shortcut list");
});
