// Live updates, seen by a second researcher: what another does on the same source appears in
// the open reader without a reload, with a quiet notice of who did it.
import { expect, test } from "../support/fixtures";
import { addClaim, addLink } from "../support/api";
import { claimInText, sourceText } from "../support/reader";
import { join, newApi, ownerApi, uniqueName } from "../support/team";

const COUNTERPUNCH = "Why It's Time to Take the Russian-Led Military Alliance Seriously";

test("another researcher's new claim, kind change and link appear in an open reader without reloading", async ({ page, playwright, baseURL }) => {
  const ana = uniqueName("Ana");
  // This page is Bo's; Ana works through her own session in another context. Both annotate.
  const owner = await ownerApi(playwright, baseURL);
  await join(page.request, owner, uniqueName("Bo"), "ANNOTATOR");
  const anaApi = await newApi(playwright, baseURL);
  await join(anaApi, owner, ana, "ANNOTATOR");
  await owner.dispose();
  const made: string[] = [];
  try {
    await page.goto("/");
    await page.getByRole("link", { name: COUNTERPUNCH }).click();
    await expect(sourceText(page)).toBeVisible();
    const live = page.getByRole("status", { name: "Live activity" });
    await expect(live).toHaveAttribute("data-connected", "yes");
    const sourceId = page.url().split("/sources/")[1]!;
    const { body } = (await (await page.request.get(`/api/sources/${sourceId}`)).json()).source;

    const first = await addClaim(anaApi, sourceId, body, "The troops, sent in to secure Kazakhstan’s vital infrastructure");
    made.push(first);
    await expect(claimInText(page, first).first()).toHaveAttribute("data-kind", "FACT");
    await expect(live).toHaveText(`${ana} added a claim`);

    const patched = await anaApi.patch(`/api/claims/${first}`, { data: { version: 1, kind: "OPINION" } });
    expect(patched.status(), await patched.text()).toBe(200);
    await expect(claimInText(page, first).first()).toHaveAttribute("data-kind", "OPINION");
    await expect(live).toHaveText(`${ana} changed the kind of a claim`);

    // Bo opens the claim: it is Ana's, so it opens read-only with the reason, not with controls
    // that would fail on save; linking stays open to him.
    await claimInText(page, first).first().click();
    const editor = page.getByRole("region", { name: "Claim", exact: true });
    await expect(editor.getByRole("note")).toHaveText(`Only its author, ${ana}, or a curator can change this claim. You can link it to other claims.`);
    await expect(editor.getByLabel("Kind")).toBeDisabled();
    await expect(editor.getByRole("button", { name: "Save note" })).toBeDisabled();
    await expect(editor.getByRole("button", { name: "Delete" })).toHaveCount(0);
    // Ana links it to another: the link shows in Bo's open editor.
    const links = editor.getByRole("region", { name: "Links" });
    await expect(links).toBeVisible();
    await expect(links.getByRole("button", { name: "Add link" })).toBeEnabled();
    const second = await addClaim(anaApi, sourceId, body, "The treaty eventually came into force two years later in 1994.");
    made.push(second);
    await expect(claimInText(page, second).first()).toBeVisible();
    await addLink(anaApi, second, first, "SUPPORTS");
    await expect(links.getByRole("list", { name: "Links of this claim" })).toContainText("The treaty eventually came into force");
    await expect(live).toHaveText(`${ana} linked two claims`);
  } finally {
    for (const id of made.reverse()) {
      const { claim } = await (await anaApi.get(`/api/claims/${id}`)).json();
      await anaApi.delete(`/api/claims/${id}?version=${claim.version}`);
    }
    await anaApi.dispose();
  }
});
