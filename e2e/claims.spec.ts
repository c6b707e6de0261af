import { expect, test } from "./support/fixtures";
import { addClaim, addSource } from "./support/api";
import { at } from "./support/project";

test("a quote holding quotation marks shows as it is, without marks added around it", async ({ page, request }) => {
  const body = "Officials said the troops “helped stabilize” the country within days.";
  const sourceId = await addSource(request, `Quoted words ${Date.now()}`, body);
  await addClaim(request, sourceId, body, "“helped stabilize”");
  await page.goto(at(`/claims?sourceId=${sourceId}`));
  const item = page.getByRole("list", { name: "Claims" }).getByRole("listitem");
  await expect(item).toHaveCount(1);
  await expect(item.getByRole("link", { name: "“helped stabilize”" })).toHaveText("“helped stabilize”");
  await expect(item).not.toContainText("““");
});

test("the claims page arrives with its first claims in the HTML, not a loading message", async ({ page, request, browser }) => {
  const body = "The committee met 14 times in 2023, more than in any year before.";
  const sourceId = await addSource(request, `First paint ${Date.now()}`, body);
  await addClaim(request, sourceId, body, "The committee met 14 times in 2023");
  const html = await (await request.get(`/claims?sourceId=${sourceId}`)).text();
  expect(html).toContain("The committee met 14 times in 2023");

  // A plain visit: the first claim the page lists is in the HTML the server sent.
  await page.goto(at("/claims"));
  const first = (await page.getByRole("list", { name: "Claims" }).getByRole("listitem").first().getByRole("link").first().textContent())!;
  const response = await request.get("/claims");
  expect(response.status()).toBe(200);
  const plain = await response.text();
  expect(plain).not.toContain("Loading claims");
  // Painted without any script at all.
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const bare = await noScript.newPage();
  await bare.goto(at("/claims"));
  await expect(bare.getByRole("list", { name: "Claims" }).getByRole("listitem").first().getByRole("link").first()).toHaveText(first);
  await noScript.close();
});
