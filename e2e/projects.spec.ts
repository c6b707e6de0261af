import { expect, test } from "./support/fixtures";
import { addClaim, addSource } from "./support/api";
import { claimInText } from "./support/reader";
import { at } from "./support/project";

// Every page of the corpus lives under its project's address (/p/<slug>/…); the header says which
// project and the reader's role; addresses from before projects (in exports and citations) still
// lead to the same page.

test("the single-user installation opens its one project, whose address and header name it", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/p\/csto$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sources" })).toBeVisible();
  const project = page.getByRole("banner").getByLabel("Project");
  await expect(project.getByRole("link", { name: "CSTO corpus" })).toBeVisible();
  await expect(project).toContainText("Owner");
  // Shown whole at 1280 px beside the navigation, not squeezed out of the one-line header.
  const name = project.getByRole("link", { name: "CSTO corpus" });
  expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth && el.clientWidth > 0)).toBe(true);
  // A source opens inside the project, and the navigation stays there.
  await page.getByRole("list", { name: "Sources" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/p\/csto\/sources\/[^/]+$/);
  await page.getByRole("banner").getByRole("link", { name: "Claims", exact: true }).click();
  await expect(page).toHaveURL(/\/p\/csto\/claims$/);
  await page.getByRole("banner").getByRole("link", { name: "CSTO corpus" }).click();
  await expect(page).toHaveURL(/\/p\/csto$/);
});

test("an old source address with #claim-… opens that claim in the project's reader", async ({ page, request }) => {
  const body = `Old links ${Date.now()}. The mission counted 2,030 troops on its first day in Almaty.`;
  const sourceId = await addSource(request, `Cited before projects ${Date.now()}`, body);
  const claimId = await addClaim(request, sourceId, body, "2,030 troops", "OPINION");
  await page.goto(`/sources/${sourceId}#claim-${claimId}`);
  // The server's redirect drops the fragment; the browser keeps it for the new address.
  await expect(page).toHaveURL(new RegExp(`${at(`/sources/${sourceId}`)}#claim-${claimId}$`));
  await expect(claimInText(page, claimId)).toHaveClass(/claim-selected/);
  await expect(page.getByRole("region", { name: "Edit claim" })).toContainText("2,030 troops");
});

test("old list addresses keep their query", async ({ page }) => {
  await page.goto("/claims?kind=OPINION");
  await expect(page).toHaveURL(/\/p\/csto\/claims\?kind=OPINION$/);
  await expect(page.getByLabel("Kind")).toHaveValue("OPINION");
  await page.goto("/stats");
  await expect(page).toHaveURL(/\/p\/csto\/stats$/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
});

test("an unknown project answers the not-found page", async ({ page, expectFailure }) => {
  expectFailure({ status: 404, method: "GET", path: "/p/no-such-project/claims" });
  const response = await page.goto("/p/no-such-project/claims");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to your projects" })).toBeVisible();
});
