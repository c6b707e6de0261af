import { expect, test } from "./support/fixtures";
import { addClaim, addSource } from "./support/api";
import { claimInText, sourceText } from "./support/reader";
import { at } from "./support/project";

// A text of about 120,000 characters (a long report) paints its claims only near the screen
// (lib/highlights/window.ts): everything a researcher does with a claim far down must still work.
const paragraph = (i: number) => `Paragraph ${i} of the long report records that ${1000 + i} personnel were counted on day ${i % 28 + 1}, according to the mission's own log.`;
const BODY = ["A long report on the deployment.", ...Array.from({ length: 900 }, (_, i) => paragraph(i + 1))].join("\n\n");
const NEAR = "A long report on the deployment";
const FAR = `${1000 + 880} personnel were counted`;

async function longSource(request: Parameters<typeof addSource>[0], title: string) {
  // Each test its own copy (the same text twice is refused as a duplicate).
  const body = `${title}.\n\n${BODY}`;
  const sourceId = await addSource(request, title, body);
  const near = await addClaim(request, sourceId, body, NEAR);
  const far = await addClaim(request, sourceId, body, FAR, "OPINION");
  return { sourceId, near, far };
}

test("a claim far down a long text is painted once the list brings it to the screen", async ({ page, request }) => {
  expect(BODY.length).toBeGreaterThan(100_000);
  const { sourceId, near, far } = await longSource(request, "Long report, picked from the list");
  await page.goto(at(`/sources/${sourceId}`));
  await expect(claimInText(page, near)).toHaveText(NEAR);
  // Far below the screen: not drawn yet.
  await expect(claimInText(page, far)).toHaveCount(0);

  await page.getByRole("list", { name: "Claims in text order" }).getByRole("button", { name: /personnel were counted/ }).click();
  await expect(claimInText(page, far)).toHaveText(FAR);
  await expect(claimInText(page, far)).toBeInViewport();
  await expect(claimInText(page, far)).toHaveClass(/claim-selected/);
  await expect(page.getByRole("heading", { name: "Edit claim" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Edit claim" })).toContainText(FAR);
  // The start of the text is far above now: its claim has left the painted stretch.
  await expect(claimInText(page, near)).toHaveCount(0);
});

test("a link to a claim far down a long text opens it, painted, on screen", async ({ page, request }) => {
  const { sourceId, far } = await longSource(request, "Long report, opened by a link");
  await page.goto(at(`/sources/${sourceId}#claim-${far}`));
  await expect(claimInText(page, far)).toBeInViewport();
  await expect(claimInText(page, far)).toHaveAttribute("data-kind", "OPINION");
  await expect(page.getByRole("region", { name: "Edit claim" })).toContainText(FAR);
});

test("scrolling to the end of a long text paints the claims there, and back to the start those", async ({ page, request }) => {
  const { sourceId, near, far } = await longSource(request, "Long report, scrolled");
  await page.goto(at(`/sources/${sourceId}`));
  await expect(claimInText(page, near)).toBeVisible();
  await sourceText(page).getByRole("paragraph").filter({ hasText: `Paragraph 880 of` }).scrollIntoViewIfNeeded();
  await expect(claimInText(page, far)).toBeInViewport();
  await page.evaluate(() => window.scrollTo({ top: 0 }));
  await expect(claimInText(page, near)).toBeInViewport();
});

test("the first paint of a long text carries its first screens, not all of it", async ({ browser, request }) => {
  const { sourceId, near } = await longSource(request, "Long report, first paint");
  // Without scripts the page stays as the server sent it: the text before the editor takes over.
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await page.goto(at(`/sources/${sourceId}`));
  const firstPaint = page.getByRole("main");
  await expect(firstPaint.locator(`[data-static-claim-id="${near}"]`)).toHaveText(NEAR);
  await expect(firstPaint.getByText("Paragraph 5 of the long report", { exact: false })).toBeVisible();
  await expect(firstPaint.getByText("Paragraph 880 of", { exact: false })).toHaveCount(0);
  await context.close();
});
