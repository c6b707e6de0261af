import { expect, test } from "./support/fixtures";
import { claimInText } from "./support/reader";
import { expectAccessible } from "./support/axe";

// axe-core on every page: no serious or critical violations (colour contrast of the kind
// colours included, labels on every control).
test("every page passes axe", async ({ page, request, expectFailure }) => {
  expectFailure({ status: 404, method: "GET", path: "/sources/missing-source" });
  // Fifteen pages, each analysed in full: on a loaded machine this outran the 60 s budget (axe on /claims).
  test.slow();
  const { sources } = await (await request.get("/api/sources")).json();
  const [a, b] = sources.filter((s: { title: string | null }) => s.title?.startsWith("Doubts grow") || s.title?.startsWith("Why It"));
  // Some claims, a link and a cluster, so the pages show their full state, not only empty states.
  const { source } = await (await request.get(`/api/sources/${a.id}`)).json();
  const mark = async (sourceId: string, body: string, phrase: string, kind: string) => {
    const start = body.indexOf(phrase);
    const r = await request.post("/api/claims", { data: { sourceId, start, end: start + phrase.length, kind, note: "axe" } });
    const json = await r.json();
    return r.status() === 201 ? json.claim.id : json.error.details.claimId;
  };
  const c1 = await mark(a.id, source.body, "Sweden and Finland", "FACT");
  const c2 = await mark(a.id, source.body, "Moscow's aggression has also unleashed a worldwide shock", "OPINION");
  await request.post("/api/links", { data: { fromId: c1, toId: c2, relation: "SUPPORTS" } });
  const cluster = await request.post("/api/clusters", { data: { name: `Axe cluster ${Date.now()}`, claimIds: [c1, c2] } });
  const clusterId = (await cluster.json()).cluster?.id;

  try {
    const pages: [string, string][] = [
      ["home", "/"],
      ["reader", `/sources/${a.id}`],
      ["edit source", `/sources/${a.id}/edit`],
      ["add source", "/sources/new"],
      ["claims", "/claims"],
      ["compare", `/compare?ids=${a.id},${b.id}`],
      ["compare picker", "/compare"],
      ["clusters", "/clusters"],
      ["cluster", `/clusters/${clusterId}`],
      ["overview", "/stats"],
      ["import", "/import"],
      ["sign in", "/signin"],
      ["not found", "/sources/missing-source"],
    ];
    for (const [label, url] of pages) {
      await page.goto(url);
      // Hydrated: the live-update stream has opened (a state, where "network idle" would wait for
      // a stream that never ends).
      await expect(page.getByRole("status", { name: "Live activity" })).toHaveAttribute("data-connected", "yes");
      await expectAccessible(page, label);
    }
    // With the claim editor open and the shortcut list shown.
    await page.goto(`/sources/${a.id}`);
    await claimInText(page, c1).first().click();
    await expect(page.getByRole("region", { name: "Edit claim" })).toBeVisible();
    await expectAccessible(page, "reader with editor");
    await page.keyboard.press("Escape");
    await page.locator("body").press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    await expectAccessible(page, "shortcut list");
  } finally {
    // Leave the shared database as found, pass or fail: other specs count the claims of these sources.
    await request.delete(`/api/clusters/${clusterId}`);
    for (const id of [c1, c2]) {
      const { claim } = await (await request.get(`/api/claims/${id}`)).json();
      expect((await request.delete(`/api/claims/${id}?version=${claim.version}`)).ok()).toBe(true);
    }
  }
});
