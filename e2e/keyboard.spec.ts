import { expect, test } from "./support/fixtures";
import type { Page } from "@playwright/test";
import { claimCard, claimInText, extendSelectionTo } from "./support/reader";
import { at, withProject } from "./support/project";

// The whole flow by keyboard alone: no mouse event is sent. page.goto stands for typing an address.
const ESSAY = "The CSTO and the outcomes of good intentions";
const COUNTERPUNCH = "Why It's Time to Take the Russian-Led Military Alliance Seriously";

/** What the focused element is, as a person hears it: tag, role-ish name and text. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    const labels = (el as HTMLInputElement).labels ? Array.from((el as HTMLInputElement).labels ?? []).map((l) => l.textContent).join(" ") : "";
    return [el.tagName.toLowerCase(), el.getAttribute("aria-label") ?? "", labels, (el.textContent ?? "").slice(0, 80)].join(" | ").replace(/\s+/g, " ");
  });
}

/** Presses Tab until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, pattern: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (pattern.test(await focused(page))) {
      // Focus is always visible: the focused control carries an outline.
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline, `outline of ${await focused(page)}`).not.toBe("none");
      return;
    }
  }
  throw new Error(`no focusable element matching ${pattern} within ${max} Tab presses (last: ${await focused(page)})`);
}

test("from opening a source to exporting a CSV, by keyboard only", async ({ page, request }) => {
  // A story across five pages and some hundred key presses: a slow test's budget, as for axe.
  test.slow();
  // A claim in another source to link to (setup through the API, not part of the flow under test).
  const { sources } = await (await request.get(withProject("/api/sources"))).json();
  const counterpunch = sources.find((s: { title: string | null }) => s.title === COUNTERPUNCH);
  const { source } = await (await request.get(`/api/sources/${counterpunch.id}`)).json();
  const quote = "2,500 of its troops";
  const start = source.body.indexOf(quote);
  const target = await request.post("/api/claims", { data: { sourceId: counterpunch.id, start, end: start + quote.length, kind: "FACT" } });
  expect([201, 409]).toContain(target.status());

  await page.goto("/");
  await tabTo(page, new RegExp(`^a .*${ESSAY}`));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ESSAY);

  // Select the opening words with Shift+arrows and tag them an opinion with O.
  await tabTo(page, /Source text/);
  await page.keyboard.press("Control+Home");
  const words = "Throughout the whole wide world";
  await extendSelectionTo(page, words);
  await page.keyboard.press("o");
  const highlight = claimInText(page).filter({ hasText: words });
  await expect(highlight).toHaveAttribute("data-kind", "OPINION");

  // K goes back to the claim, Enter opens it; write a note.
  await page.keyboard.press("k");
  await expect(claimCard(page)).toContainText("Opinion");
  await page.keyboard.press("Enter");
  const editor = page.getByRole("region", { name: "Edit claim" });
  await expect(editor.locator("blockquote")).toHaveText(words);
  await tabTo(page, /^textarea .*Note/);
  await page.keyboard.type("Rhetorical opening, not a claim about the CSTO");
  await tabTo(page, /^button .*Save note/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /note saved/i })).toBeVisible();

  // Link it to the CounterPunch figure.
  await tabTo(page, /^button .*Add link/);
  await page.keyboard.press("Enter");
  await tabTo(page, /Find the claim to link to/);
  await page.keyboard.type("2,500 troops");
  await tabTo(page, /Choose: 2,500 of its troops/);
  await page.keyboard.press("Enter");
  await tabTo(page, /^select .*Relation/);
  await page.keyboard.press("ArrowDown");
  await tabTo(page, /^button .*Save link/);
  await page.keyboard.press("Enter");
  await expect(editor.getByRole("list", { name: "Links of this claim" })).toContainText(quote);

  // The shortcut list opens with ? and closes with Escape.
  await page.keyboard.press("Escape");
  await page.locator("body").press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();

  // Compare this source with the linked one.
  await tabTo(page, /^a .*Compare with/);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/compare/);
  await tabTo(page, new RegExp(`^input .*${COUNTERPUNCH}`));
  await page.keyboard.press("Space");
  await tabTo(page, /^button .*Compare$/);
  await page.keyboard.press("Enter");
  // The link is drawn: a connector, or an arrow at a column's edge when one end is out of view.
  await expect(page.locator("path[data-link-id], button[data-link-id]").first()).toBeAttached();

  // Find the claim from the search box, filter by kind, and export the list as CSV.
  await tabTo(page, /^a .*Claims$/);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/claims/);
  await tabTo(page, /^select .*Kind/);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await tabTo(page, /^input .*Search quotes/);
  await page.keyboard.type("whole wide world");
  await page.keyboard.press("Enter");
  await page.waitForURL(/kind=OPINION/);
  const results = page.getByRole("list", { name: "Claims" }).getByRole("listitem");
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText(words);
  await expect(results.first()).toContainText("Rhetorical opening");
  await tabTo(page, /^a .*CSV/);
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(csv).toString("utf8")).toContain(words);
});

test("a missing source shows the 404 page with a way back", async ({ page, expectFailure }) => {
  expectFailure({ status: 404, method: "GET", path: at("/sources/no-such-source") });
  const response = await page.goto(at("/sources/no-such-source"));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await tabTo(page, /^a .*Back to the sources/);
});
