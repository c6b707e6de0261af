// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import type { Editor } from "@tiptap/core";
import { UnchangeableText } from "@/components/reader/extensions/unchangeableText";
import { readerEditor } from "./editor";

const BODY = "A line that must stay.\n\nAnother.";
let editor: Editor | undefined;
afterEach(() => editor?.destroy());

describe("unchangeable text", () => {
  it("refuses every change to the text but lets the selection move", () => {
    ({ editor } = readerEditor(BODY, [UnchangeableText]));
    const before = editor.getText();
    editor.commands.insertContent("typed");
    editor.commands.setTextSelection({ from: 1, to: 7 });
    editor.commands.deleteSelection();
    editor.view.dispatch(editor.state.tr.insertText("x", 3));
    expect(editor.getText()).toBe(before);
    expect(editor.state.selection.from).toBe(1);
    expect(editor.state.selection.to).toBe(7);
  });
});
