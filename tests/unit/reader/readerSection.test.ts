// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import type { Editor } from "@tiptap/core";
import { BlankLines } from "@/components/reader/extensions/readerSection";
import { readerEditor } from "./editor";

const BODY = "Article text.\n   \nMore text.\nReader comments\nFirst comment.";
let editor: Editor | undefined;
afterEach(() => editor?.destroy());

describe("reader sections", () => {
  it("wraps the flagged tail in a labelled region and marks lines of white space only", () => {
    let dom: HTMLElement;
    ({ editor } = readerEditor(BODY, [BlankLines], BODY.indexOf("Reader comments")));
    dom = editor.view.dom as HTMLElement;
    const region = dom.querySelector('section[role="region"]')!;
    expect(region.getAttribute("aria-label")).toBe("Reader comments");
    expect([...region.querySelectorAll("p")].map((p) => p.textContent)).toEqual(["Reader comments", "First comment."]);
    expect([...dom.querySelectorAll("p.blank-line")].map((p) => p.textContent)).toEqual(["   "]);
  });
});
