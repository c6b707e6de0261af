import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { addClaim, addSource } from "./support/api";
import { at, withProject } from "./support/project";

// Each test makes its own sources and cluster (the specs share one database). The claims sit at
// different offsets so the cluster lists them in a known order (#1, #2, #3).
async function clusterOf(request: APIRequestContext, name: string, quotes: string[]) {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const sources: string[] = [];
  const claims: string[] = [];
  for (const [i, quote] of quotes.entries()) {
    const body = `${"Background. ".repeat(i + 1)}${quote}. Nothing else here (${stamp}).`; // the stamp: one text is one source
    const id = await addSource(request, `Values report ${String.fromCharCode(65 + i)} ${stamp}`, body);
    sources.push(id);
    claims.push(await addClaim(request, id, body, quote));
  }
  const response = await request.post(withProject("/api/clusters"), { data: { name: `${name} ${stamp}`, claimIds: claims } });
  expect(response.status(), await response.text()).toBe(201);
  return { clusterId: (await response.json()).cluster.id as string, sources, claims };
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include(".values-picture").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test("a dates cluster: name the event, see the time line and the contradiction, link two members as refines and the contradiction leaves cluster and compare", async ({ page, request }) => {
  test.slow(); // four page loads and an axe run
  const { clusterId, sources } = await clusterOf(request, "Alliance founded", [
    "Since its formation in 2002, the alliance has deployed once",
    "The alliance was officially established in 2003",
    "On May 14, 2002, a decision was made to found the alliance",
  ]);
  await page.goto(at(`/clusters/${clusterId}`));
  const timeLine = page.getByRole("figure", { name: /Dates on a time line/ });
  await expect(timeLine).toContainText("no event named: dates are not compared");
  await expect(page.getByRole("region", { name: "Contradictions" })).toHaveCount(0);

  await page.getByLabel("Event these claims date").fill("Alliance founded");
  await page.getByRole("button", { name: "Save event" }).click();
  await expect(timeLine).toContainText("of the event “Alliance founded”");
  await expect(timeLine.getByRole("img", { name: /Dates on a time line/ })).toBeVisible();
  const rows = timeLine.getByRole("list", { name: "Values, claim by claim" }).getByRole("listitem");
  await expect(rows).toHaveText([/: 2002 — ⚠ contradicts #2$/, /: 2003 — ⚠ contradicts #1 — ⚠ contradicts #3$/, /: 14 May 2002 — ⚠ contradicts #2$/]);
  const contradictions = page.getByRole("region", { name: "Contradictions" });
  await expect(contradictions).toContainText("#1 and #2: the dates of one event cannot both be true (2002 vs 2003)");
  await expect(contradictions).toContainText("#2 and #3: the dates of one event cannot both be true (2003 vs 14 May 2002)");
  await expectNoAxeViolations(page);
  await timeLine.screenshot({ path: "/tmp/shots-values/timeline-contradicted.png" });

  // Compare suggests the same pair, from the cluster's judgment that these date one event.
  await page.goto(`/compare?ids=${sources.join(",")}`);
  const suggestions = page.getByRole("region", { name: "Suggested contradictions" });
  // A suggestion by its conflict note, whole: "2002 vs 2003" is also the tail of "14 May 2002 vs 2003".
  const suggesting = (note: string) => suggestions.getByRole("listitem").filter({ has: page.locator(".conflict-note").getByText(note, { exact: true }) });
  await expect(suggesting("2002 vs 2003")).toHaveCount(1);
  await expect(suggesting("2003 vs 14 May 2002")).toHaveCount(1);

  // On the cluster page: #2 refines #1 (the decision came in 2002, the founding took effect in 2003).
  await page.goto(at(`/clusters/${clusterId}`));
  const linkForm = page.getByRole("form", { name: "Link two claims of this cluster" });
  await linkForm.getByLabel("Claim", { exact: true }).selectOption({ label: "#2 The alliance was officially established in 2003" });
  await linkForm.getByLabel("relation").selectOption("REFINES");
  await linkForm.getByLabel("other claim").selectOption({ label: "#1 Since its formation in 2002, the alliance has deployed once" });
  await linkForm.getByRole("button", { name: "Link" }).click();

  await expect(page.getByRole("region", { name: "Settled by links" })).toContainText("#1 and #2: 2002 vs 2003 is not a contradiction: linked as refines by");
  await expect(page.getByRole("region", { name: "Links among these claims" })).toContainText("#2 refines #1");
  await expect(contradictions).not.toContainText("(2002 vs 2003)");
  await expect(contradictions).toContainText("(2003 vs 14 May 2002)");
  await expect(rows).toHaveText([/: 2002$/, /: 2003 — ⚠ contradicts #3 — refines #1$/, /: 14 May 2002 — ⚠ contradicts #2$/]);
  await timeLine.screenshot({ path: "/tmp/shots-values/timeline.png" });

  await page.goto(`/compare?ids=${sources.join(",")}`);
  await expect(suggesting("2003 vs 14 May 2002")).toHaveCount(1);
  await expect(suggesting("2002 vs 2003")).toHaveCount(0);
});

test("a researcher corrects a member's date: its bar moves on the time line and the contradiction goes", async ({ page, request, expectFailure }) => {
  test.slow(); // three saves and refreshes
  expectFailure({ status: 400, method: "PUT", path: /\/api\/claims\/[^/]+\/value$/ });
  const { clusterId } = await clusterOf(request, "Charter dated", [
    "The charter entered into force in September 2003",
    "The charter was signed in October 2002",
  ]);
  await page.goto(at(`/clusters/${clusterId}`));
  await page.getByLabel("Event these claims date").fill("Charter signed");
  await page.getByRole("button", { name: "Save event" }).click();
  const timeLine = page.getByRole("figure", { name: /Dates on a time line/ });
  const rows = timeLine.getByRole("list", { name: "Values, claim by claim" }).getByRole("listitem");
  await expect(rows).toHaveText([/: September 2003 — ⚠ contradicts #2$/, /: October 2002 — ⚠ contradicts #1$/]);
  const barStart = (n: number) => timeLine.locator(`[data-row="${n}"] circle`).first().getAttribute("cx").then(Number);
  const before = { one: await barStart(1), two: await barStart(2) };
  expect(before.one).toBeGreaterThan(before.two);

  // The quote's September 2003 is when it took force; the researcher dates the signing.
  const row1 = page.getByRole("row").filter({ hasText: "The charter entered into force in September 2003" });
  await row1.getByText("Correct value or date").click();
  const form = page.getByRole("form", { name: "Correct the value of #1" });
  await form.getByLabel("Claim date from").fill("2002-10-01");
  await form.getByLabel("Claim date to").fill("2002-10-31");
  await form.getByLabel("Claim date known to the").selectOption("MONTH");
  await form.getByRole("button", { name: "Save value" }).click();
  await expect(rows).toHaveText([/: October 2002$/, /: October 2002$/]);
  await expect(page.getByRole("region", { name: "Contradictions" })).toHaveCount(0);
  expect(await barStart(1)).toBe(await barStart(2));

  // A date after its end is refused with a message, and the stored date stays.
  await form.getByLabel("Claim date from").fill("2002-11-01");
  await form.getByRole("button", { name: "Save value" }).click();
  await expect(form.getByRole("alert")).toContainText("start must not be after end");
  await expect(rows.first()).toHaveText(/: October 2002$/);

  // Back to the quote's date: the contradiction returns.
  await form.getByRole("button", { name: "Back to the parsed value" }).click();
  await expect(rows).toHaveText([/: September 2003 — ⚠ contradicts #2$/, /: October 2002 — ⚠ contradicts #1$/]);
});

test("a figures cluster: the number line, and a correction of 'about' that settles a contradiction", async ({ page, request }) => {
  test.slow(); // an axe run
  const { clusterId } = await clusterOf(request, "Deployment size", [
    "a mission of more than 2,000 troops was deployed",
    "2,500 of its troops entered the country",
    "Russia sent about 3,000 paratroopers",
    "a force of under 4000 personnel",
  ]);
  await page.goto(at(`/clusters/${clusterId}`));
  const numberLine = page.getByRole("figure", { name: /Figures on a number line/ });
  await expect(numberLine).toContainText("Figures on a number line of troops");
  const rows = numberLine.getByRole("list", { name: "Values, claim by claim" }).getByRole("listitem");
  await expect(rows).toHaveText([
    /: more than 2,000 troops \(2,000, ∞\)$/,
    /: 2,500 troops 2,500 — ⚠ contradicts #3$/,
    /: about 3,000 paratroopers \[2,700, 3,300\] — ⚠ contradicts #2$/,
    /: less than 4,000 personnel \[0, 4,000\)$/,
  ]);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await numberLine.screenshot({ path: "/tmp/shots-values/numberline.png" });

  // "about" read as ±20% reaches down to 2,400: the two can both be true.
  const row3 = page.getByRole("row").filter({ hasText: "Russia sent about 3,000 paratroopers" });
  await row3.getByText("Correct value or date").click();
  const form = page.getByRole("form", { name: "Correct the value of #3" });
  await form.getByLabel("Tolerance of “about”, “almost” (%)").fill("20");
  await form.getByRole("button", { name: "Save value" }).click();
  await expect(rows.nth(2)).toHaveText(/: about 3,000 paratroopers \[2,400, 3,600\]$/);
  await expect(page.getByRole("region", { name: "Contradictions" })).toHaveCount(0);
});

test("a wrong correction is refused with a message and changes nothing", async ({ page, request, expectFailure }) => {
  const { clusterId } = await clusterOf(request, "Refused corrections", ["a mission of 2,000 troops", "a mission of 3,000 troops"]);
  expectFailure({ status: 400, method: "PUT", path: /\/api\/claims\/[^/]+\/value$/ });
  await page.goto(at(`/clusters/${clusterId}`));
  const row1 = page.getByRole("row").filter({ hasText: "a mission of 2,000 troops" });
  await row1.getByText("Correct value or date").click();
  const form = page.getByRole("form", { name: "Correct the value of #1" });
  await form.getByRole("textbox", { name: "Lower bound" }).fill("5000");
  await form.getByRole("textbox", { name: "Upper bound" }).fill("4000");
  await form.getByRole("button", { name: "Save value" }).click();
  await expect(form.getByRole("alert")).toHaveText("lower: lower bound must not be above the upper bound");
  await form.getByRole("textbox", { name: "Lower bound" }).fill("");
  await form.getByRole("textbox", { name: "Upper bound" }).fill("");
  await form.getByRole("textbox", { name: "Unit" }).fill("widgets");
  await form.getByRole("button", { name: "Save value" }).click();
  await expect(form.getByRole("alert")).toContainText("unit: is not a unit the app knows");
  await page.reload();
  await expect(page.getByRole("figure", { name: /Figures on a number line/ }).getByRole("list", { name: "Values, claim by claim" }).getByRole("listitem").first()).toHaveText(/: 2,000 troops 2,000 — ⚠ contradicts #2$/);
});
