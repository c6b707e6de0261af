import { expect, test } from "./support/fixtures";
import { at } from "./support/project";

// One sentence each source is known to contain, and how its title shows on the home page.
const SOURCES = [
  { title: "The CSTO and the outcomes of good intentions", sentence: "sending the largest number of servicemen, about 3,000 paratroopers" },
  { title: "Doubts grow over CSTO membership in wake of Russia's war in Ukraine", sentence: "Led by Russia, a CSTO mission of more than 2,000 troops was deployed" },
  { title: "The CSTO after the Russian special operation in Ukraine", sentence: "the bloc’s response was only truly effective in the winter of 2022 in Kazakhstan" },
  { title: "Why It's Time to Take the Russian-Led Military Alliance Seriously", sentence: "after 2,500 of its troops entered Kazakhstan" },
  { title: "Eurasia Under the Collective Security Treaty Organization (CSTO)", sentence: "The Collective Security Treaty Organization (CSTO) is being promoted as a key player in the Eurasian region." },
];

test("the home page lists the five sources with their metadata", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Sources" })).toBeVisible();
  const cards = page.getByRole("list", { name: "Sources" }).getByRole("listitem");
  // Other specs add sources of their own (the specs share one database), so look for the five by title.
  for (const source of SOURCES) await expect(cards.filter({ hasText: source.title })).toHaveCount(1);
  const caravanserai = cards.filter({ hasText: "Doubts grow over CSTO membership" });
  await expect(caravanserai).toContainText("Kanat Altynbayev");
  await expect(caravanserai).toContainText("Caravanserai");
  await expect(caravanserai).toContainText("2022-05");
  await expect(caravanserai).toContainText(/Words\s*2,2\d\d/);
});

test("the home page finds a source by words of its title", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("search", { name: "Find sources" });
  await search.getByLabel("Title contains").fill("doubts GROW");
  await search.getByRole("button", { name: "Find" }).click();
  const cards = page.getByRole("list", { name: "Sources" }).getByRole("listitem");
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText(SOURCES[1]!.title);
  await expect(page.getByText("1 source whose title contains “doubts GROW”.")).toBeVisible();
  await search.getByLabel("Title contains").fill("no such title anywhere");
  await search.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText("No source title contains “no such title anywhere”.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Sources" })).toHaveCount(0);
  await page.getByRole("link", { name: "All sources" }).click();
  for (const source of SOURCES) await expect(page.getByRole("list", { name: "Sources" }).getByRole("listitem").filter({ hasText: source.title })).toHaveCount(1);
});

test("opening a page renders no other page in the background (links do not prefetch)", async ({ page }) => {
  const pageRequests: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).searchParams.has("_rsc")) pageRequests.push(request.url());
  });
  await page.goto("/");
  await expect(page.getByRole("list", { name: "Sources" }).getByRole("link").first()).toBeVisible();
  await page.getByRole("link", { name: SOURCES[0]!.title }).scrollIntoViewIfNeeded();
  await page.waitForTimeout(1500); // viewport prefetching starts once the page is idle
  expect(pageRequests).toEqual([]);

  await page.getByRole("link", { name: SOURCES[0]!.title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SOURCES[0]!.title);
  expect(pageRequests).toHaveLength(1); // the page clicked, fetched when clicked
});

for (const source of SOURCES) {
  test(`opens "${source.title}" and shows its text`, async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: source.title }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(source.title);
    await expect(page.getByText(source.sentence, { exact: false }).first()).toBeVisible();
  });
}

test("reader comments are set apart from the article", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: SOURCES[1].title }).click();
  const comments = page.getByRole("region", { name: /Reader comments/ });
  await expect(comments).toContainText("The CSTO is a dead organisation");
  await expect(comments).not.toContainText("Led by Russia, a CSTO mission");
});

test("a missing source shows the not-found page", async ({ page, expectFailure }) => {
  expectFailure({ status: 404, method: "GET", path: at("/sources/does-not-exist") });
  const response = await page.goto(at("/sources/does-not-exist"));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("readable on a tablet: no sideways scrolling, the claim list below the text", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  for (const path of ["/", at("/claims"), at("/stats")]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), path).toBe(true);
  }
  await page.goto("/");
  await page.getByRole("link", { name: SOURCES[3].title }).click();
  const text = page.getByRole("textbox", { name: "Source text" });
  await expect(text).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const textBox = (await text.boundingBox())!;
  expect(textBox.width).toBeGreaterThan(600);
});
