import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { addClaim, addLink, addSource } from "./support/api";
import { at } from "./support/project";

// Three sources of its own per test (the specs share one database): figures at the top of each,
// and in the first a claim far below, out of view when the page opens.
const FILLER = Array.from({ length: 90 }, (_, i) => `Paragraph ${i + 1} says nothing worth marking about the mission.`).join("\n\n");
const QUOTES = {
  a: "the mission had 1,000 troops",
  aLate: "the mission ended in March",
  b: "The mission had 5,000 troops",
  c: "About 1,000 troops went",
} as const;

async function setUp(request: APIRequestContext) {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const titles = { a: `Alpha report ${stamp}`, b: `Bravo report ${stamp}`, c: `Charlie report ${stamp}` };
  // Each text ends with the stamp: the same text pasted twice is refused as a duplicate.
  const bodies = {
    a: `Early on, ${QUOTES.a}.\n\n${FILLER}\n\nLate news: ${QUOTES.aLate}.\n\nFiled ${stamp}.`,
    b: `${QUOTES.b}, said one source.\n\n${FILLER}\n\nFiled ${stamp}.`,
    c: `${QUOTES.c}, said another.\n\n${FILLER}\n\nFiled ${stamp}.`,
  };
  const ids = {
    a: await addSource(request, titles.a, bodies.a),
    b: await addSource(request, titles.b, bodies.b),
    c: await addSource(request, titles.c, bodies.c),
  };
  const claims = {
    a: await addClaim(request, ids.a, bodies.a, QUOTES.a),
    aLate: await addClaim(request, ids.a, bodies.a, QUOTES.aLate),
    b: await addClaim(request, ids.b, bodies.b, QUOTES.b),
    c: await addClaim(request, ids.c, bodies.c, QUOTES.c),
  };
  const links = {
    ac: await addLink(request, claims.a, claims.c, "SUPPORTS"),
    lateB: await addLink(request, claims.aLate, claims.b, "REFINES"),
  };
  return { titles, ids, claims, links };
}

const column = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });
const connector = (page: Page, linkId: string) => page.locator(`path[data-link-id="${linkId}"]`);
const mark = (page: Page, claimId: string) => page.getByRole("group", { name: "Sources side by side" }).locator(`[data-claim-id="${claimId}"]`).first();

test("a link between columns not side by side is an arrow at each edge, never a line across the middle column; collapsing the middle draws it through the gap", async ({ page, request }) => {
  const { titles, ids, links } = await setUp(request);
  await page.goto(at(`/compare?ids=${ids.a},${ids.b},${ids.c}`));
  await expect(column(page, titles.c)).toBeVisible();

  await expect(page.getByRole("button", { name: `Linked claim (supports) in ${titles.c}, not beside this column: show it` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Linked claim (supports) in ${titles.a}, not beside this column: show it` })).toBeVisible();
  await expect(connector(page, links.ac)).toHaveCount(0);

  await page.getByRole("button", { name: `Collapse ${titles.b}` }).click();
  await expect(page.getByRole("button", { name: `Expand ${titles.b}` })).toHaveAttribute("aria-expanded", "false");
  await expect(connector(page, links.ac)).toHaveCount(1);
  // The line runs between the two open columns' text, not over it. (The path's own box: Playwright
  // pads the box of a flat line.)
  const [left, right] = await Promise.all([column(page, titles.a).boundingBox(), column(page, titles.c).boundingBox()]);
  const path = await connector(page, links.ac).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
  expect(path.left).toBeGreaterThanOrEqual(left!.x + left!.width - 1);
  expect(path.right).toBeLessThanOrEqual(right!.x + 1);
  await expect(page.getByRole("button", { name: /^Linked claim \(supports\)/ })).toHaveCount(0);

  await page.getByRole("button", { name: `Expand ${titles.b}` }).click();
  await expect(column(page, titles.b).getByLabel(`Text of ${titles.b}`)).toBeVisible();
  await expect(connector(page, links.ac)).toHaveCount(0);
});

test("Widen gives one column the room of two, from the keyboard too; the others stay open beside it", async ({ page, request }) => {
  const { titles, ids } = await setUp(request);
  await page.goto(at(`/compare?ids=${ids.a},${ids.b},${ids.c}`));
  const width = async (title: string) => (await column(page, title).boundingBox())!.width;
  await expect(column(page, titles.c)).toBeVisible();

  const widen = page.getByRole("button", { name: `Widen ${titles.b}` });
  await expect(widen).toHaveAttribute("aria-pressed", "false");
  await widen.focus();
  await page.keyboard.press("Enter");
  await expect(widen).toHaveAttribute("aria-pressed", "true");
  // Measured once the grid has settled: the wide column is about twice as wide as each other one.
  await expect.poll(async () => (await width(titles.b)) / (await width(titles.a))).toBeGreaterThan(1.8);
  expect(Math.abs((await width(titles.c)) - (await width(titles.a)))).toBeLessThan(2);
  await expect(column(page, titles.a).getByLabel(`Text of ${titles.a}`)).toBeVisible();
  await expect(column(page, titles.c).getByLabel(`Text of ${titles.c}`)).toBeVisible();

  // One wide column at a time: widening another gives the room back.
  await page.getByRole("button", { name: `Widen ${titles.c}` }).click();
  await expect(widen).toHaveAttribute("aria-pressed", "false");
  await expect.poll(async () => (await width(titles.c)) / (await width(titles.b))).toBeGreaterThan(1.8);

  // With the third collapsed, the wide column takes two thirds of what is left.
  await page.getByRole("button", { name: `Collapse ${titles.a}` }).click();
  await expect.poll(async () => (await width(titles.c)) / (await width(titles.b))).toBeGreaterThan(1.8);
  await page.getByRole("button", { name: `Widen ${titles.c}` }).press(" ");
  await expect(page.getByRole("button", { name: `Widen ${titles.c}` })).toHaveAttribute("aria-pressed", "false");
  await expect.poll(async () => Math.abs((await width(titles.c)) - (await width(titles.b)))).toBeLessThan(2);
});

test("a link to a claim scrolled out of view is an arrow at the column's edge that scrolls the claim into view", async ({ page, request }) => {
  const { titles, ids, claims, links } = await setUp(request);
  await page.goto(at(`/compare?ids=${ids.a},${ids.b}`));
  await expect(mark(page, claims.aLate)).not.toBeInViewport();
  await expect(connector(page, links.lateB)).toHaveCount(0);

  await page.getByRole("button", { name: `Linked claim (refines) in ${titles.a}, below, scrolled out of view: show it` }).click();
  await expect(mark(page, claims.aLate)).toBeInViewport();
  await expect(connector(page, links.lateB)).toHaveCount(1);
});

test("Add link has no preselected relation: saving without one says so", async ({ page, request }) => {
  const { titles, ids, claims } = await setUp(request);
  await page.goto(at(`/compare?ids=${ids.a},${ids.b},${ids.c}`));
  await mark(page, claims.b).click();
  const panel = page.getByRole("region", { name: "Selected claim" });
  await panel.getByRole("button", { name: "Add link" }).click();
  await expect(panel.getByLabel("Relation")).toHaveValue("");
  await panel.getByLabel("Find the claim to link to").fill(QUOTES.c);
  // Earlier tests made sources with the same words: choose the claim of this test's source.
  await panel.getByRole("listitem").filter({ hasText: titles.c }).getByRole("button", { name: `Choose: ${QUOTES.c}` }).click();
  await panel.getByRole("button", { name: "Save link" }).click();
  await expect(panel.getByRole("alert")).toHaveText("Choose how the claims relate: contradicts, supports or refines.");
  await expect(panel.getByRole("list", { name: "Links of this claim" })).not.toContainText(QUOTES.c);

  await panel.getByLabel("Relation").selectOption("REFINES");
  await panel.getByRole("button", { name: "Save link" }).click();
  await expect(panel.getByRole("list", { name: "Links of this claim" })).toContainText(`refines ${QUOTES.c}`);
});

test("a suggested contradiction can be accepted as a supporting link", async ({ page, request }) => {
  const { ids } = await setUp(request);
  await page.goto(at(`/compare?ids=${ids.a},${ids.b}`));
  const suggestion = page.getByRole("region", { name: "Suggested contradictions" }).getByRole("listitem")
    .filter({ hasText: /1,000 troops vs 5,000 troops|5,000 troops vs 1,000 troops/ });
  await expect(suggestion).toHaveCount(1);
  await expect(page.locator('path[data-link-id][data-relation="SUPPORTS"]')).toHaveCount(0);
  const choices = suggestion.getByRole("group", { name: "Link the first claim as" });
  await expect(choices.getByRole("button")).toHaveText(["contradicts", "supports", "refines", "Dismiss"]);
  await choices.getByRole("button", { name: "supports", exact: true }).click();
  await expect(suggestion).toHaveCount(0);
  await expect(page.locator('path[data-link-id][data-relation="SUPPORTS"]')).toHaveCount(1);
});

test("in a long text (a report of 70,000 characters), a link to a claim far below is an arrow that brings it into view, and so is scrolling down to it", async ({ page, request }) => {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const longFiller = Array.from({ length: 1_100 }, (_, i) => `Paragraph ${i + 1} says nothing worth marking about the mission.`).join("\n\n");
  const titles = { a: `Long report ${stamp}`, b: `Short report ${stamp}` };
  const bodies = {
    a: `Early on, ${QUOTES.a}.\n\n${longFiller}\n\nLate news: ${QUOTES.aLate}.\n\nFiled ${stamp}.`,
    b: `${QUOTES.b}, said one source.\n\n${FILLER}\n\nFiled ${stamp}.`,
  };
  const ids = { a: await addSource(request, titles.a, bodies.a), b: await addSource(request, titles.b, bodies.b) };
  const claims = { aLate: await addClaim(request, ids.a, bodies.a, QUOTES.aLate), b: await addClaim(request, ids.b, bodies.b, QUOTES.b) };
  const link = await addLink(request, claims.aLate, claims.b, "REFINES");
  await page.goto(at(`/compare?ids=${ids.a},${ids.b}`));

  const arrow = page.getByRole("button", { name: `Linked claim (refines) in ${titles.a}, below, scrolled out of view: show it` });
  await expect(arrow).toBeVisible();
  await expect(connector(page, link)).toHaveCount(0);
  await arrow.click();
  await expect(mark(page, claims.aLate)).toBeInViewport();
  await expect(mark(page, claims.aLate)).toHaveAttribute("title", /^fact · 1 links · /);
  await expect(connector(page, link)).toHaveCount(1);

  // Back to the top, then scrolled down by hand: the claim is there again, and so is its line.
  const text = column(page, titles.a).getByLabel(`Text of ${titles.a}`);
  await text.evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(arrow).toBeVisible();
  await text.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(mark(page, claims.aLate)).toBeInViewport();
  await expect(connector(page, link)).toHaveCount(1);
});
