// The reader's researcher filter, with claims by two researchers of the project (accounts mode).
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { claimInText, sourceText } from "../support/reader";
import { withProject } from "../support/project";
import { join, ownerApi, uniqueName } from "../support/team";

const EURASIA = "Eurasia Under the Collective Security Treaty Organization (CSTO)";
const highlights = (page: Page) => claimInText(page);
const highlight = (page: Page, text: string) => highlights(page).filter({ hasText: text });

test("the reader shows everyone's claims, or one researcher's", async ({ page, playwright, baseURL }) => {
  const request = page.request;
  const owner = await ownerApi(playwright, baseURL);
  await join(request, owner, uniqueName("Mira"), "ANNOTATOR");
  const colleague = await playwright.request.newContext({ baseURL });
  const name = uniqueName("Colleague");
  await join(colleague, owner, name, "ANNOTATOR");
  await owner.dispose();
  await page.goto("/");
  await page.getByRole("link", { name: EURASIA }).click();
  await expect(sourceText(page)).toBeVisible();
  const sourceId = page.url().split("/sources/")[1]!;
  const { body } = (await (await request.get(`/api/sources/${sourceId}`)).json()).source;
  const claimBy = async (api: APIRequestContext, text: string, kind: string): Promise<string> => {
    const start = body.indexOf(text);
    const made = await api.post("/api/claims", { data: { sourceId, start, end: start + text.length, kind, quote: text } });
    expect(made.status(), await made.text()).toBe(201);
    return (await made.json()).claim.id as string;
  };
  const mine = "It is also being endorsed as a contender to NATO";
  const theirs = "A military and political coalition";
  const mineId = await claimBy(request, mine, "FACT");
  const theirsId = await claimBy(colleague, theirs, "OPINION");
  await page.reload();

  const list = page.getByRole("list", { name: "Claims in text order" });
  const researcher = page.getByLabel("Researcher");
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await researcher.selectOption({ label: name });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText(theirs);
  await expect(highlights(page)).toHaveCount(1);
  await expect(highlight(page, theirs)).toHaveAttribute("data-kind", "OPINION");
  await researcher.selectOption({ label: "Everyone" });
  await expect(highlights(page)).toHaveCount(2);
  await expect(list.getByRole("listitem")).toHaveCount(2);
  // Each removes their own claim: an annotator may not remove another's.
  expect((await request.delete(`/api/claims/${theirsId}`)).status()).toBe(403);
  expect((await request.delete(`/api/claims/${mineId}`)).ok()).toBe(true);
  expect((await colleague.delete(`/api/claims/${theirsId}`)).ok()).toBe(true);
  expect((await (await request.get(withProject("/api/claims", { sourceId }))).json()).claims).toEqual([]);
  await colleague.dispose();
});

