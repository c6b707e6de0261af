import { expect, type Page } from "@playwright/test";

/** The reader's text once the editor has taken over (the first paint is not yet clickable). */
export const sourceText = (page: Page) => page.getByRole("textbox", { name: "Source text" });
/** A claim's painted spans in the reader's text (all claims' without an id). */
export const claimInText = (page: Page, id?: string) => sourceText(page).locator(id ? `[data-claim-id="${id}"]` : "[data-claim-id]");
/** The card shown for the claim under the pointer or the caret. */
export const claimCard = (page: Page) => page.getByRole("status", { name: "Claim card" });

/** Selects `phrase` in the reader with a real DOM selection (as a mouse drag leaves it) and
 *  waits for the tagging toolbar (unless `toolbar: false`: a viewer is offered none); the phrase
 *  may run across claim highlights. */
export async function selectPhrase(page: Page, phrase: string, { toolbar = true }: { toolbar?: boolean } = {}): Promise<void> {
  const editor = page.getByRole("textbox", { name: "Source text" });
  await expect(editor).toBeVisible();
  await editor.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    for (const paragraph of Array.from(root.querySelectorAll("p"))) {
      const inPara = nodes.filter((n) => paragraph.contains(n));
      const text = inPara.map((n) => n.data).join("");
      const at = text.indexOf(wanted);
      if (at < 0) continue;
      const locate = (offset: number, preferEnd: boolean) => {
        let seen = 0;
        for (const node of inPara) {
          const len = node.data.length;
          if (offset < seen + len || (preferEnd && offset === seen + len)) return { node, offset: offset - seen };
          seen += len;
        }
        throw new Error("offset outside paragraph");
      };
      const from = locate(at, false);
      const to = locate(at + wanted.length, true);
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      (root as HTMLElement).focus();
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      return;
    }
    throw new Error(`"${wanted}" is not in the reader`);
  }, phrase);
  if (toolbar) await expect(page.getByRole("toolbar", { name: "Tag the selection as" })).toBeVisible();
}

/** Marks `phrase` as a claim of `kind` with the reader's floating toolbar; returns the claim id. */
export async function markClaim(page: Page, phrase: string, kind: "Fact" | "Opinion" | "Prediction" = "Fact"): Promise<string> {
  await selectPhrase(page, phrase);
  const created = page.waitForResponse((r) => r.url().endsWith("/api/claims") && r.request().method() === "POST");
  await page.getByRole("toolbar", { name: "Tag the selection as" }).getByRole("button", { name: kind, exact: true }).click();
  const response = await created;
  expect(response.status(), await response.text()).toBe(201);
  const { claim } = await response.json();
  await expect(claimInText(page, claim.id).first()).toBeVisible();
  return claim.id as string;
}

/** Characters from the start of the focus's paragraph to the focus (the caret, or the moving
 *  end of a selection). */
function focusOffset(page: Page): Promise<number> {
  return page.evaluate(() => {
    const selection = window.getSelection();
    const focus = selection?.focusNode;
    if (!focus) return -1;
    const paragraph = (focus.nodeType === Node.ELEMENT_NODE ? (focus as Element) : focus.parentElement)?.closest("p");
    if (!paragraph) return -1;
    const range = document.createRange();
    range.setStart(paragraph, 0);
    range.setEnd(focus, selection!.focusOffset);
    return range.toString().length;
  });
}

// A key pressed while the editor is still settling can be dropped, so these press until the
// caret or selection is where it should be, rather than a fixed number of times.

/** Moves the caret right, key by key, to `offset` characters into its paragraph. */
export async function moveCaretTo(page: Page, offset: number): Promise<void> {
  for (let i = 0; i < 2 * offset + 2 && (await focusOffset(page)) < offset; i++) await page.keyboard.press("ArrowRight");
  expect(await focusOffset(page)).toBe(offset);
}

/** Extends the selection with Shift+ArrowRight until it holds exactly `words`. */
export async function extendSelectionTo(page: Page, words: string): Promise<void> {
  const selected = () => page.evaluate(() => window.getSelection()?.toString() ?? "");
  for (let i = 0; i < 2 * words.length && (await selected()).length < words.length; i++) await page.keyboard.press("Shift+ArrowRight");
  expect(await selected()).toBe(words);
}
