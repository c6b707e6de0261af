// Accounts (CP_AUTH=accounts): a researcher signs up, is told they are in no project yet until an
// owner adds them, works under their own name, and signs out.
import { expect, test } from "../support/fixtures";
import { PASSWORD, uniqueName } from "../support/team";

test("a researcher signs up, works under their own name and signs out", async ({ page, expectFailure }) => {
  expectFailure({ status: 401, method: "POST", path: "/api/auth/login" });
  const name = uniqueName("Researcher");
  await page.goto("/signin");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/");
  await expect(page.getByTestId("current-user")).toHaveText(name);
  // Nobody has added them to a project yet: the home page says so rather than showing an empty list.
  await expect(page.getByText("You are not a member of any project yet")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/signin");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Password").fill("a wrong password!");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("#signin-error")).toHaveText("Wrong name or password");
});

test("a researcher starts a project of their own, owns it, and the other projects stay out of sight", async ({ page }) => {
  const name = uniqueName("Founder");
  expect((await page.request.post("/api/auth/register", { data: { name, password: PASSWORD } })).status()).toBe(201);
  const slug = `sahel-${Date.now().toString(36)}`;
  await page.goto("/");
  await page.getByLabel("Name", { exact: true }).fill("Sahel coups 2023");
  await page.getByLabel("Short name in addresses").fill(slug);
  await page.getByRole("button", { name: "Create project" }).click();
  await page.waitForURL(`**/p/${slug}`);
  const badge = page.getByRole("banner").getByLabel("Project");
  await expect(badge.getByRole("link", { name: "Sahel coups 2023" })).toBeVisible();
  await expect(badge.getByRole("link", { name: "Owner" })).toBeVisible();
  // Its members page lists its maker as owner, with the history of its making.
  await badge.getByRole("link", { name: "Owner" }).click();
  await expect(page.getByRole("heading", { name: "Members of Sahel coups 2023" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`${name} \\(you\\)`) }).getByLabel(`Role of ${name}`)).toHaveValue("OWNER");
  await expect(page.getByRole("list", { name: "Membership history" })).toContainText(`${name} created the project`);
  // The seeded corpus is not theirs: not listed, not reachable.
  const projects = (await (await page.request.get("/api/projects")).json()).projects as { slug: string }[];
  expect(projects.map((p) => p.slug)).toEqual([slug]);
  expect((await page.request.get("/api/sources?project=csto")).status()).toBe(404);
});
