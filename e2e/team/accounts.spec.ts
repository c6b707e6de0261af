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
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/signin");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Password").fill("a wrong password!");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("#signin-error")).toHaveText("Wrong name or password");
});
