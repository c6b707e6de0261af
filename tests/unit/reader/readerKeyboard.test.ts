// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Editor } from "@tiptap/core";
import { offsetToPos, posToOffset, textLayout, type TextLayout } from "@/lib/text-positions";
import { ReaderKeyboard } from "@/components/reader/extensions/readerKeyboard";
import { UnchangeableText } from "@/components/reader/extensions/unchangeableText";
import { readerEditor } from "./editor";

const BODY = "Intro line.\n\n    Indented: the troops left.\n\nLast line with a claim.";
const at = (text: string) => ({ start: BODY.indexOf(text), end: BODY.indexOf(text) + text.length });
const CLAIMS = [
  { id: "troops", ...at("the troops left") },
  { id: "inner", ...at("troops") },
  { id: "last", ...at("a claim") },
];

let editor: Editor | undefined;
let layout: TextLayout;
afterEach(() => editor?.destroy());

function setup() {
  const onTag = vi.fn();
  const onOpenClaim = vi.fn();
  layout = textLayout(BODY);
  ({ editor } = readerEditor(BODY, [UnchangeableText, ReaderKeyboard.configure({ body: BODY, layout, claims: () => CLAIMS, onTag, onOpenClaim })]));
  return { onTag, onOpenClaim };
}

/** A key press handed to the editor's key handlers, as ProseMirror does on keydown; true when one took it. */
function press(key: string, init: KeyboardEventInit = {}) {
  const view = editor!.view;
  const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init });
  return view.someProp("handleKeyDown", (handle) => handle(view, event)) ?? false;
}
const caretAt = (offset: number) => editor!.commands.setTextSelection(offsetToPos(layout, offset));
const caretOffset = () => posToOffset(layout, editor!.state.selection.from);

describe("reader keyboard", () => {
  it("F, O and P tag the selection, without the white space at its ends, and collapse it", () => {
    const { onTag } = setup();
    const from = BODY.indexOf("\n    Indented");
    editor!.commands.setTextSelection({ from: offsetToPos(layout, from + 1), to: offsetToPos(layout, BODY.indexOf(":")) + 1 });
    expect(press("o")).toBe(true);
    expect(onTag).toHaveBeenCalledWith("OPINION", { start: BODY.indexOf("Indented"), end: BODY.indexOf(":") + 1, quote: "Indented:" });
    expect(editor!.state.selection.empty).toBe(true);
    editor!.commands.setTextSelection({ from: offsetToPos(layout, 0), to: offsetToPos(layout, 5) });
    press("F", { shiftKey: true });
    expect(onTag).toHaveBeenLastCalledWith("FACT", { start: 0, end: 5, quote: "Intro" });
    expect(editor!.getText()).not.toContain("F");
  });

  it("a kind key with nothing selected does nothing", () => {
    const { onTag } = setup();
    caretAt(2);
    press("p");
    expect(onTag).not.toHaveBeenCalled();
  });

  it("J and K move the caret to the next and previous claim", () => {
    setup();
    caretAt(0);
    expect(press("j")).toBe(true);
    expect(caretOffset()).toBe(CLAIMS[0]!.start);
    press("j");
    expect(caretOffset()).toBe(CLAIMS[1]!.start);
    press("j");
    expect(caretOffset()).toBe(CLAIMS[2]!.start);
    expect(press("j")).toBe(true); // past the last claim: stays, and types nothing
    expect(caretOffset()).toBe(CLAIMS[2]!.start);
    press("k");
    expect(caretOffset()).toBe(CLAIMS[1]!.start);
  });

  it("Enter opens the innermost claim at the caret, and nothing elsewhere", () => {
    const { onOpenClaim } = setup();
    caretAt(BODY.indexOf("troops") + 2);
    press("Enter");
    expect(onOpenClaim).toHaveBeenCalledWith("inner");
    caretAt(BODY.indexOf("the troops") + 1);
    press("Enter");
    expect(onOpenClaim).toHaveBeenLastCalledWith("troops");
    caretAt(1);
    press("Enter");
    expect(onOpenClaim).toHaveBeenCalledTimes(2);
  });
});
