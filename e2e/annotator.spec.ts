import { expect, test } from "./support/fixtures";
import type { APIRequestContext, Page } from "@playwright/test";
import { claimCard, claimInText, extendSelectionTo, moveCaretTo, selectPhrase, sourceText } from "./support/reader";
import { withProject } from "./support/project";

// Each test marks different sentences and deletes what it created, so the tests stay independent.
const CARAVANSERAI = "Doubts grow over CSTO membership in wake of Russia's war in Ukraine";
const COUNTERPUNCH = "Why It's Time to Take the Russian-Led Military Alliance Seriously";
const EURASIA = "Eurasia Under the Collective Security Treaty Organization (CSTO)";

async function openSource(page: Page, title: string): Promise<string> {
  await page.goto("/");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("textbox", { name: "Source text" })).toBeVisible();
  return page.url().split("/sources/")[1]!;
}

async function deleteClaimsOf(request: APIRequestContext, sourceId: string) {
  const { claims } = await (await request.get(withProject("/api/claims", { sourceId }))).json();
  for (const claim of claims) expect((await request.delete(`/api/claims/${claim.id}?version=${claim.version}`)).ok()).toBe(true);
}

const highlights = (page: Page) => claimInText(page);
const highlight = (page: Page, text: string) => highlights(page).filter({ hasText: text });
const toolbarButton = (page: Page, name: string) => page.getByRole("toolbar", { name: "Tag the selection as" }).getByRole("button", { name, exact: true });

test("a span selected with the mouse becomes a fact that survives a reload at the same characters", async ({ page, request }) => {
  const sourceId = await openSource(page, CARAVANSERAI);
  const line = "The two countries eventually reached a cease-fire on their own.";
  await sourceText(page).getByRole("paragraph").filter({ hasText: line }).click({ clickCount: 3 });
  await toolbarButton(page, "Fact").click();
  await expect(highlight(page, line)).toHaveText(line);
  await expect(highlight(page, line)).toHaveAttribute("data-kind", "FACT");
  await expect(page.getByRole("status").filter({ hasText: "Fact created" })).toBeVisible();

  await page.reload();
  await expect(highlight(page, line)).toHaveText(line);
  await expect(highlight(page, line)).toHaveAttribute("data-kind", "FACT");
  const { body } = (await (await request.get(`/api/sources/${sourceId}`)).json()).source;
  const { claims } = await (await request.get(withProject("/api/claims", { sourceId }))).json();
  expect(claims).toEqual([expect.objectContaining({ start: body.indexOf(line), end: body.indexOf(line) + line.length, quote: line, kind: "FACT" })]);

  // Undo still knows the last change after the reload.
  await expect(page.getByText("Undo creating the fact")).toBeVisible();
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(highlight(page, line)).toHaveCount(0);
  await expect(page.getByText("Nothing to undo")).toBeVisible();
  expect((await (await request.get(withProject("/api/claims", { sourceId }))).json()).claims).toEqual([]);
  await page.reload();
  await expect(page.getByText("Nothing to undo")).toBeVisible();
});

test("a span selected with the keyboard is tagged an opinion with the key O", async ({ page, request }) => {
  const sourceId = await openSource(page, CARAVANSERAI);
  const line = "\"If the organisation acts so unfairly, then I think we do not need to be in it,\" he added.";
  const wanted = "I think we do not need to be in it";
  const paragraph = sourceText(page).getByRole("paragraph").filter({ hasText: line });
  await paragraph.click({ position: { x: 1, y: 5 } });
  await page.keyboard.press("Home");
  await moveCaretTo(page, line.indexOf(wanted));
  await extendSelectionTo(page, wanted);
  await expect(toolbarButton(page, "Opinion")).toBeVisible();
  await page.keyboard.press("o");
  await expect(highlight(page, wanted)).toHaveText(wanted);
  await expect(highlight(page, wanted)).toHaveAttribute("data-kind", "OPINION");
  // The text itself never changes, whatever is typed.
  await page.keyboard.type("xyz");
  await page.keyboard.press("Backspace");
  await expect(paragraph).toHaveText(line);

  await page.reload();
  await expect(highlight(page, wanted)).toHaveText(wanted);
  await expect(highlight(page, wanted)).toHaveAttribute("data-kind", "OPINION");

  // The caret inside a claim shows what it is; Enter opens it.
  await paragraph.click({ position: { x: 1, y: 5 } });
  await page.keyboard.press("Home");
  await moveCaretTo(page, line.indexOf(wanted) + 1);
  await expect(claimCard(page)).toContainText("Opinion by researcher · 0 links");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Edit claim" }).locator("blockquote")).toHaveText(wanted);
  await deleteClaimsOf(request, sourceId);
});

test("a claim's note and kind can be edited, and a delete is undone with Ctrl+Z", async ({ page, request }, testInfo) => {
  const sourceId = await openSource(page, COUNTERPUNCH);
  const line = "This article was produced by Globetrotter.";
  await sourceText(page).getByRole("paragraph").filter({ hasText: line }).click({ clickCount: 3 });
  await toolbarButton(page, "Prediction").click();
  await expect(highlight(page, line)).toHaveAttribute("data-kind", "PREDICTION");

  await highlight(page, line).click();
  const editor = page.getByRole("region", { name: "Edit claim" });
  await expect(editor.locator("blockquote")).toHaveText(line);
  await editor.getByLabel("Note").fill("Syndicated copy: check the original");
  await editor.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("status").filter({ hasText: "note saved" })).toBeVisible();
  await editor.getByLabel("Kind").selectOption({ label: "Opinion" });
  await expect(highlight(page, line)).toHaveAttribute("data-kind", "OPINION");
  await editor.getByRole("button", { name: "Shrink start by a word" }).click();
  await expect(highlight(page, "article was produced by Globetrotter.")).toHaveText("article was produced by Globetrotter.");
  await expect(editor.getByRole("list", { name: "History" })).toContainText(/created.*noted.*retagged.*respanned/s);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(highlight(page, line)).toHaveText(line);

  await highlight(page, line).hover();
  await expect(claimCard(page)).toContainText("Opinion by researcher");
  await expect(claimCard(page)).toContainText("Syndicated copy: check the original");
  await page.screenshot({ path: testInfo.outputPath("annotator.png"), fullPage: false });

  await editor.getByRole("button", { name: "Delete" }).click();
  await expect(editor.getByRole("group", { name: "Confirm delete" })).toContainText("It has no links.");
  await editor.getByRole("button", { name: "Confirm delete" }).click();
  await expect(highlight(page, line)).toHaveCount(0);

  await page.keyboard.press("Control+z");
  await expect(highlight(page, line)).toHaveAttribute("data-kind", "OPINION");
  await page.reload();
  await expect(highlight(page, line)).toHaveAttribute("data-kind", "OPINION");

  // Undo also reverts an update: the Undo button puts the kind back.
  await highlight(page, line).click();
  await page.getByRole("region", { name: "Edit claim" }).getByLabel("Kind").selectOption({ label: "Fact" });
  await expect(highlight(page, line)).toHaveAttribute("data-kind", "FACT");
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(highlight(page, line)).toHaveAttribute("data-kind", "OPINION");
  await deleteClaimsOf(request, sourceId);
});

test("an open claim moves to the words selected in the text (Use current selection as span)", async ({ page, request }) => {
  const sourceId = await openSource(page, EURASIA);
  const first = "it will be difficult for the Central Asian states";
  const moved = "to fully shake off the influence of the organisation";
  await selectPhrase(page, first);
  await toolbarButton(page, "Prediction").click();
  await expect(highlight(page, first)).toHaveAttribute("data-kind", "PREDICTION");
  const claimId = await highlight(page, first).getAttribute("data-claim-id");

  await highlight(page, first).click();
  const editor = page.getByRole("region", { name: "Edit claim" });
  await expect(editor.locator("blockquote")).toHaveText(first);
  const useSelection = editor.getByRole("button", { name: "Use current selection as span" });
  await expect(useSelection).toBeDisabled();
  await selectPhrase(page, moved);
  await useSelection.click();

  await expect(highlight(page, moved)).toHaveAttribute("data-claim-id", claimId!);
  await expect(highlight(page, first)).toHaveCount(0);
  await expect(editor.locator("blockquote")).toHaveText(moved);
  await expect(editor.getByRole("list", { name: "History" })).toContainText(/created.*respanned/s);
  const { body } = (await (await request.get(`/api/sources/${sourceId}`)).json()).source;
  const { claim } = await (await request.get(`/api/claims/${claimId}`)).json();
  expect(claim).toMatchObject({ start: body.indexOf(moved), end: body.indexOf(moved) + moved.length, quote: moved, kind: "PREDICTION" });
  await page.reload();
  await expect(highlight(page, moved)).toHaveAttribute("data-claim-id", claimId!);
  await deleteClaimsOf(request, sourceId);
});

test("a note saved over someone else's change is refused, and the draft is kept to save again", async ({ page, request, expectFailure }) => {
  expectFailure({ status: 409, method: "PATCH", path: /^\/api\/claims\/[^/?]+$/ });
  const sourceId = await openSource(page, EURASIA);
  const words = "it will be difficult for the Central Asian states";
  await selectPhrase(page, words);
  await toolbarButton(page, "Fact").click();
  await highlight(page, words).click();
  const editor = page.getByRole("region", { name: "Edit claim" });
  await expect(editor.locator("blockquote")).toHaveText(words);
  const claimId = await highlight(page, words).getAttribute("data-claim-id");

  await editor.getByLabel("Note").fill("My reading: hedged forecast");
  // Meanwhile, in another window, the claim's note is changed.
  const { claim } = await (await request.get(`/api/claims/${claimId}`)).json();
  expect((await request.patch(`/api/claims/${claimId}`, { data: { version: claim.version, note: "Other window's note" } })).ok()).toBe(true);

  await editor.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("status").filter({ hasText: "was changed by someone else" })).toBeVisible();
  await expect(editor.getByLabel("Note")).toHaveValue("My reading: hedged forecast");
  await expect(editor.locator("#claim-note-saved")).toHaveText("Not saved yet. The saved note reads: “Other window's note”");

  await editor.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("status").filter({ hasText: "note saved" })).toBeVisible();
  await expect(editor.locator("#claim-note-saved")).toHaveCount(0);
  expect((await (await request.get(`/api/claims/${claimId}`)).json()).claim.note).toBe("My reading: hedged forecast");
  await expect(editor.getByRole("list", { name: "History" })).toContainText(/created.*noted.*noted/s);
  await deleteClaimsOf(request, sourceId);
});

test("the sidebar lists claims in text order and filters them by kind", async ({ page, request }) => {
  const sourceId = await openSource(page, EURASIA);
  const { body } = (await (await request.get(`/api/sources/${sourceId}`)).json()).source;
  const mark = async (text: string, kind: string) => {
    const start = body.indexOf(text);
    expect((await request.post("/api/claims", { data: { sourceId, start, end: start + text.length, kind, quote: text } })).status()).toBe(201);
  };
  await mark("is being promoted as a key player in the Eurasian region", "OPINION");
  await mark("The Collective Security Treaty Organization (CSTO)", "FACT");
  await page.reload();

  const list = page.getByRole("list", { name: "Claims in text order" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByRole("listitem").first()).toContainText("Fact");
  await page.getByRole("group", { name: "Show kinds" }).getByRole("checkbox", { name: "Fact" }).uncheck();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("is being promoted as a key player");
  await expect(highlights(page)).toHaveCount(1);
  await expect(highlights(page)).toHaveAttribute("data-kind", "OPINION");

  await list.getByRole("button").click();
  await expect(highlights(page)).toHaveClass(/claim-flash/);
  await expect(highlights(page)).toBeInViewport();
  await deleteClaimsOf(request, sourceId);
});

test("accepting a suggestion creates the claim; nothing is saved before", async ({ page, request }) => {
  const sourceId = await openSource(page, CARAVANSERAI);
  await page.getByRole("checkbox", { name: "Show suggestions" }).check();
  const suggestions = page.getByRole("list", { name: "Suggested claims" });
  const troops = suggestions.getByRole("listitem").filter({ hasText: "more than 2,000 troops" });
  await expect(troops).toHaveCount(1);
  await expect(sourceText(page).locator("[data-suggestion]").filter({ hasText: "more than 2,000 troops" })).toHaveCount(1);
  expect((await (await request.get(withProject("/api/claims", { sourceId }))).json()).claims).toEqual([]);
  // Reader comments are never offered.
  await expect(suggestions).not.toContainText("The CSTO is a dead organisation");

  await troops.getByRole("button", { name: "Accept as Fact" }).click();
  const sentence = "Led by Russia, a CSTO mission of more than 2,000 troops was deployed";
  await expect(highlight(page, sentence)).toHaveAttribute("data-kind", "FACT");
  await expect(troops).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Claims in text order" })).toContainText(sentence);
  // Undo takes the new claim away again, and the suggestion comes back.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(highlight(page, sentence)).toHaveCount(0);
  await expect(troops).toHaveCount(1);
  await troops.getByLabel("Kind").selectOption({ label: "Opinion" });
  await troops.getByRole("button", { name: "Accept as Opinion" }).click();
  await expect(highlight(page, sentence)).toHaveAttribute("data-kind", "OPINION");

  const dismissed = suggestions.getByRole("listitem").first();
  const dismissedText = (await dismissed.getByRole("paragraph").first().textContent())!;
  // A caption can appear twice in a text: dismissing one occurrence hides that one only.
  const sameText = suggestions.getByRole("listitem").filter({ hasText: dismissedText });
  const occurrences = await sameText.count();
  await dismissed.getByRole("button", { name: "Dismiss" }).click();
  await expect(sameText).toHaveCount(occurrences - 1);
  await page.reload();
  await page.getByRole("checkbox", { name: "Show suggestions" }).check();
  await expect(sameText).toHaveCount(occurrences - 1);
  // Kept on the server for this researcher, not in the browser; it can be shown again.
  const { suggestions: stored } = await (await request.get(`/api/sources/${sourceId}/suggestions`)).json();
  expect(stored.filter((s: { dismissed: boolean }) => s.dismissed).map((s: { quote: string }) => s.quote)).toEqual([dismissedText]);
  await page.getByRole("button", { name: "Show 1 dismissed again" }).click();
  await expect(sameText).toHaveCount(occurrences);
  await page.reload();
  await page.getByRole("checkbox", { name: "Show suggestions" }).check();
  await expect(sameText).toHaveCount(occurrences);
  await deleteClaimsOf(request, sourceId);
});

test("nested and overlapping claims each stay visible", async ({ page, request }, testInfo) => {
  const sourceId = await openSource(page, CARAVANSERAI);
  const { body } = (await (await request.get(`/api/sources/${sourceId}`)).json()).source;
  const sentence = "Even when the CSTO does deploy, it is done so for the sake of Russia's interests.";
  const mark = async (text: string, kind: string, from = 0) => {
    const start = body.indexOf(text, body.indexOf(sentence) + from);
    const response = await request.post("/api/claims", { data: { sourceId, start, end: start + text.length, kind, quote: text } });
    return (await response.json()).claim.id as string;
  };
  const outer = await mark(sentence, "FACT");
  const inner = await mark("for the sake of Russia's interests", "OPINION");
  const overlapping = await mark("the CSTO does deploy, it is done so", "PREDICTION");
  await page.reload();

  for (const id of [outer, inner, overlapping]) await expect(claimInText(page, id).first()).toBeVisible();
  await expect(claimInText(page, inner)).toHaveClass(/claim-nested/);
  await claimInText(page, inner).hover();
  await expect(claimCard(page)).toContainText("Opinion by researcher");
  await claimInText(page, inner).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("overlapping-claims.png") });
  await deleteClaimsOf(request, sourceId);
});

test("server refusals are shown to the reader", async ({ page, request, expectFailure }) => {
  expectFailure({ status: 400, method: "PATCH", path: /^\/api\/claims\/[^/?]+$/ });
  // The claim is deleted in another window while its editor may be opening: the editor's
  // provenance suggestions for it can then meet the 404 this test provokes.
  expectFailure({ status: 404, method: "GET", path: /^\/api\/claims\/[^/?]+\/provenance-suggestions$/ });
  const sourceId = await openSource(page, COUNTERPUNCH);
  const line = "Why It’s Time to Take the Russian-Led Military Alliance Seriously";
  await sourceText(page).getByRole("paragraph").filter({ hasText: line }).click({ clickCount: 3 });
  await toolbarButton(page, "Fact").click();
  await highlight(page, line).click();
  const editor = page.getByRole("region", { name: "Edit claim" });
  await editor.getByLabel("Note").fill("x".repeat(5001));
  await editor.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("status").filter({ hasText: "note: must be at most 5000 characters" })).toBeVisible();
  await editor.getByRole("button", { name: "Close" }).click();
  await expect(editor).toHaveCount(0);

  // Deleted in another window: opening it says so instead of waiting for it.
  const claimId = (await highlight(page, line).getAttribute("data-claim-id"))!;
  await deleteClaimsOf(request, sourceId);
  await highlight(page, line).click();
  await expect(page.getByRole("status").filter({ hasText: `Claim ${claimId} was deleted meanwhile` })).toBeVisible();
  await expect(editor).toHaveCount(0);
  await expect(highlight(page, line)).toHaveCount(0);
});
