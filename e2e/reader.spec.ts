import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { claimInText, markClaim, moveCaretTo, selectPhrase, sourceText } from "./support/reader";
import { at, withProject } from "./support/project";

// Each test adds its own source, so nothing here touches the corpus other specs read.
async function addSource(request: APIRequestContext, title: string, body: string): Promise<string> {
  const response = await request.post(withProject("/api/sources"), { data: { title, body } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).source.id;
}
async function openReader(page: Page, sourceId: string) {
  await page.goto(at(`/sources/${sourceId}`));
  await expect(page.getByRole("textbox", { name: "Source text" })).toBeVisible();
}
const painted = (page: Page) => claimInText(page);
type Box = { x: number; y: number; width: number; height: number };
const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test("an orphaned claim is listed apart, never painted, and re-attached to new words", async ({ page, request }) => {
  const text = "The mission began in January.\n\nOfficials said 2,000 troops were deployed to Almaty.\n\nThey left within two weeks.";
  const sourceId = await addSource(request, "Orphan test source", text);
  await openReader(page, sourceId);
  const phrase = "2,000 troops were deployed";
  const claimId = await markClaim(page, phrase, "Fact");

  // The source is corrected elsewhere: the phrase is gone.
  const { source } = await (await request.get(`/api/sources/${sourceId}`)).json();
  const corrected = text.replace("Officials said 2,000 troops were deployed to Almaty.", "Officials said about 3,000 soldiers went to Almaty, or more.");
  const edited = await request.patch(`/api/sources/${sourceId}`, { data: { version: source.version, body: corrected } });
  expect((await edited.json()).reanchor).toMatchObject({ orphaned: 1 });

  await page.reload();
  await expect(page.getByRole("textbox", { name: "Source text" })).toContainText("3,000 soldiers");
  await expect(painted(page)).toHaveCount(0);
  const orphans = page.getByRole("list", { name: "Orphaned claims" });
  await expect(orphans.getByRole("listitem")).toHaveCount(1);
  await expect(orphans.getByRole("listitem")).toContainText(`last quote: ${phrase}`);
  await expect(orphans.getByRole("listitem")).toContainText("its words are no longer in the text");
  await expect(page.getByRole("list", { name: "Claims in text order" })).toHaveCount(0);
  await page.screenshot({ path: "/tmp/reader-orphan.png" });

  // Opened, the editor says it is orphaned.
  await orphans.getByRole("button", { name: "Open" }).click();
  await expect(page.getByRole("region", { name: "Edit claim" })).toContainText("Orphaned: its words are no longer in the text");

  const reattach = orphans.getByRole("button", { name: "Re-attach to selection" });
  await expect(reattach).toBeDisabled();
  await selectPhrase(page, "about 3,000 soldiers went to Almaty");
  await reattach.click();
  await expect(page.getByRole("status").filter({ hasText: "re-attached to the selection" })).toBeVisible();
  await expect(orphans).toHaveCount(0);

  await page.reload();
  await expect(painted(page)).toHaveText(["about 3,000 soldiers went to Almaty"]);
  await expect(painted(page)).toHaveAttribute("data-claim-id", claimId);
  const { history } = await (await request.get(`/api/claims/${claimId}/history`)).json();
  expect(history.map((h: { action: string }) => h.action)).toEqual(["created", "orphaned", "reattached"]);
});

test("a keyboard selection from an indented line's start stores the words without the spaces", async ({ page, request }) => {
  const line = "    Indented: the convoy reached Almaty at night.";
  const sourceId = await addSource(request, "Indented line source", `First line.\n${line}\nLast line.`);
  await openReader(page, sourceId);
  const paragraph = sourceText(page).getByRole("paragraph").filter({ hasText: "Indented:" });
  await paragraph.click({ position: { x: 1, y: 5 } });
  await page.keyboard.press("Home");
  await moveCaretTo(page, 0);
  for (let i = 0; i < "    Indented:".length; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect(page.getByRole("toolbar", { name: "Tag the selection as" })).toBeVisible();
  const created = page.waitForResponse((r) => r.url().endsWith("/api/claims") && r.request().method() === "POST");
  await page.keyboard.press("f");
  const { claim } = await (await created).json();
  expect(claim).toMatchObject({ quote: "Indented:", start: "First line.\n".length + 4 });
  await expect(painted(page)).toHaveText(["Indented:"]);
});

/** Gaps between consecutive paragraphs that hold text (blank lines between them add nothing). */
function paragraphGaps(reader: Locator) {
  return reader.evaluate((root) => {
    const texts = [...root.querySelectorAll("p")].filter((p) => p.textContent!.trim());
    return texts.slice(1, 6).map((p, i) => Math.round(p.getBoundingClientRect().top - texts[i]!.getBoundingClientRect().bottom));
  });
}

test("paragraphs are spaced alike whether one line break or a blank line separates them", async ({ page, request }) => {
  const paragraphs = ["First paragraph of text.", "Second paragraph of text.", "Third paragraph of text.", "Fourth one.", "Fifth one.", "Sixth one."];
  // Each text opens with its own line: the same words pasted twice are refused as a duplicate.
  const single = await addSource(request, "Single line breaks", ["Single line breaks.", ...paragraphs].join("\n"));
  const blank = await addSource(request, "Blank lines between", ["Blank lines between.", ...paragraphs].join("\n\n"));
  const crlf = await addSource(request, "Windows line breaks", ["Windows line breaks.", ...paragraphs].join("\r\n\r\n\r\n"));
  const gaps: number[][] = [];
  for (const id of [single, blank, crlf]) {
    await openReader(page, id);
    gaps.push(await paragraphGaps(page.getByRole("textbox", { name: "Source text" })));
  }
  expect(gaps[0]![0]).toBeGreaterThan(8); // a visible gap, not paragraphs run together
  expect(gaps[1]).toEqual(gaps[0]);
  expect(gaps[2]).toEqual(gaps[0]);

  // The longest corpus article separates its paragraphs by single line breaks.
  await page.goto("/");
  await page.getByRole("link", { name: "The CSTO and the outcomes of good intentions" }).click();
  // Opened by a link, the reader's stylesheet arrives with the page and may apply a moment after
  // the text shows (under load it once measured the browser's default paragraph margins): wait for
  // the spacing to settle, and show the gaps if it never does.
  const corpusText = page.getByRole("textbox", { name: "Source text" });
  await expect.poll(async () => { const g = await paragraphGaps(corpusText); return g.map(() => gaps[0]![0]).join() === g.join() ? "alike" : g.join(); }).toBe("alike");
});

test("the claim card sits in the margin beside the claim, covering no line of the text nor the selection", async ({ page, request }) => {
  const filler = "These words fill the line so that the paragraph wraps over several lines in the reader. ";
  const text = `${filler.repeat(3)}The claim itself sits here in the middle of the paragraph. ${filler.repeat(3)}\n\nA second paragraph to select from.`;
  const sourceId = await addSource(request, "Claim card placement", text);
  await openReader(page, sourceId);
  await markClaim(page, "The claim itself sits here", "Opinion");
  const claim = painted(page).first();
  const card = page.getByRole("status", { name: "Claim card" });

  await claim.hover();
  await expect(card).toBeVisible();
  await page.screenshot({ path: "/tmp/polish-card.png" });
  const textColumn = page.getByRole("textbox", { name: "Source text" });
  const paragraphs = await textColumn.getByRole("paragraph").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
  const lines = await claim.evaluate((el) => [...el.getClientRects()].map((r) => r.toJSON() as DOMRect));
  const cardBox = (await card.boundingBox())!;
  // On a 1280 px window the card is beside the text: it touches no paragraph, and starts level with the claim.
  expect(paragraphs.length).toBeGreaterThan(0);
  for (const p of paragraphs) expect(intersects(cardBox, p)).toBe(false);
  expect(Math.abs(cardBox.y - lines[0]!.y)).toBeLessThan(2);

  // With words selected, no card covers them (the toolbar takes its place).
  await selectPhrase(page, "A second paragraph");
  await claim.hover();
  await expect(page.getByRole("toolbar", { name: "Tag the selection as" })).toBeVisible();
  await expect(card).toHaveCount(0);
});
