import { expect, test } from "./support/fixtures";

test("at 900 px the header is one line and the navigation is a menu that opens and navigates by keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 800 });
  await page.goto("/");
  const header = page.getByRole("banner");
  const menu = header.getByRole("button", { name: "Menu" });
  const brand = header.getByRole("link", { name: "Claim provenance" });
  const shortcuts = header.getByRole("button", { name: /Shortcuts/ });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(header.getByRole("link", { name: "Claims", exact: true })).toBeHidden();
  // One line: every item of the header sits on the same row.
  const [headerBox, brandBox, menuBox, shortcutsBox] = await Promise.all([header, brand, menu, shortcuts].map((l) => l.boundingBox()));
  const middle = (b: { y: number; height: number }) => b.y + b.height / 2;
  for (const box of [menuBox!, shortcutsBox!]) expect(Math.abs(middle(box) - middle(brandBox!))).toBeLessThan(6);
  expect(headerBox!.height).toBeLessThan(brandBox!.height * 2 + 30);

  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(header.getByRole("link", { name: "Claims", exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();

  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(header.getByRole("link", { name: "Sources", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(header.getByRole("link", { name: "Claims", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Claims" })).toBeVisible();
  await expect(page).toHaveURL(/\/claims$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
});

test("on a wide screen the navigation is a row of links, no menu button", async ({ page }) => {
  await page.goto("/");
  const header = page.getByRole("banner");
  await expect(header.getByRole("button", { name: "Menu" })).toBeHidden();
  for (const name of ["Sources", "Claims", "Compare", "Clusters", "Overview", "Add source", "Import"]) {
    await expect(header.getByRole("link", { name, exact: true })).toBeVisible();
  }
});
