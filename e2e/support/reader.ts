import { expect, type Page } from "@playwright/test";

/** Selects `phrase` in the reader with a real DOM selection (as a mouse drag leaves it) and
 *  waits for the tagging toolbar; the phrase may run across claim highlights. */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
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
  await expect(page.getByRole("toolbar", { name: "Tag the selection as" })).toBeVisible();
}

/** Marks `phrase` as a claim of `kind` with the reader's floating toolbar; returns the claim id. */
export async function markClaim(page: Page, phrase: string, kind: "Fact" | "Opinion" | "Prediction" = "Fact"): Promise<string> {
  await selectPhrase(page, phrase);
  const created = page.waitForResponse((r) => r.url().endsWith("/api/claims") && r.request().method() === "POST");
  await page.getByRole("toolbar", { name: "Tag the selection as" }).getByRole("button", { name: kind, exact: true }).click();
  const response = await created;
  expect(response.status(), await response.text()).toBe(201);
  const { claim } = await response.json();
  await expect(page.locator(`.reader-text [data-claim-id="${claim.id}"]`).first()).toBeVisible();
  return claim.id as string;
}
