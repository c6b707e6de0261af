// A researcher makes a personal API token on the account page, a script uses it to mark a claim
// under the researcher's name, and once the researcher revokes it the script is refused.
import { expect, test } from "../support/fixtures";
import { expectAccessible } from "../support/axe";
import { join, ownerApi, PROJECT, uniqueName } from "../support/team";

test("a token made on the account page writes as its researcher until it is revoked", async ({ page, playwright, baseURL, expectFailure }) => {
  const name = uniqueName("Tokens");
  const owner = await ownerApi(playwright, baseURL);
  await join(page.request, owner, name, "ANNOTATOR");
  await owner.dispose();

  await page.goto("/");
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: `Account: ${name}` })).toBeVisible();
  await expect(page.getByText("No tokens yet.")).toBeVisible();
  await page.getByLabel("Token name").fill("nightly import");
  await page.getByLabel("Expires after").selectOption({ label: "30 days" });
  await page.getByRole("button", { name: "Make token" }).click();
  const secret = page.getByRole("textbox", { name: "New API token" });
  await expect(secret).toHaveValue(/^cpt_[A-Za-z0-9_-]{43}$/);
  const token = await secret.inputValue();
  const row = page.getByRole("row", { name: /nightly import/ });
  await expect(row).toContainText("Active");
  await expect(row).toContainText(`${token.slice(0, 8)}…`);
  await expect(row).toContainText("Never"); // not used yet
  await expectAccessible(page, "account");
  await page.screenshot({ path: "e2e/output/account-tokens.png", fullPage: true });

  // The script: no cookies, only the token.
  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}`, connection: "close" } });
  try {
    const sources = (await (await script.get(`/api/sources?project=${PROJECT}`)).json()).sources as { id: string }[];
    const { body } = (await (await script.get(`/api/sources/${sources[0]!.id}`)).json()).source as { body: string };
    const start = body.indexOf(" ", 200) + 1;
    const created = await script.post("/api/claims", { data: { sourceId: sources[0]!.id, start, end: start + 25, kind: "FACT" } });
    expect(created.status(), await created.text()).toBe(201);
    expect((await created.json()).claim.authorName).toBe(name);

    await page.reload();
    await expect(page.getByRole("row", { name: /nightly import/ })).not.toContainText("Never");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Revoke nightly import" }).click();
    await expect(page.getByRole("row", { name: /nightly import/ })).toContainText("Revoked");
    await expect(page.getByRole("button", { name: "Revoke nightly import" })).toHaveCount(0);

    const refused = await script.post("/api/claims", { data: { sourceId: sources[0]!.id, start: start + 30, end: start + 50, kind: "FACT" } });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.message).toBe("This API token was revoked");
  } finally {
    await script.dispose();
  }
  expectFailure({ status: 401, path: "/api/claims" });
});
