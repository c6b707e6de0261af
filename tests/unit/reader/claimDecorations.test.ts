// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import type { Editor } from "@tiptap/core";
import { posToOffset, textLayout } from "@/lib/text-positions";
import { claimHighlights, highlightKey, type HighlightState } from "@/components/reader/extensions/claimDecorations";
import { readerEditor } from "./editor";

const BODY = "First line about troops.\n\nSecond line: 2,000 troops were sent.";
const at = (text: string) => ({ start: BODY.indexOf(text), end: BODY.indexOf(text) + text.length });

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

function paint(state: Omit<HighlightState, "layout">) {
  const layout = textLayout(BODY);
  ({ editor } = readerEditor(BODY, [claimHighlights({ layout, ...state })]));
  return editor.view.dom as HTMLElement;
}

/** Every painted decoration as [text offsets, claim id], from the plugin's decoration set. */
function painted(ed: Editor) {
  const layout = textLayout(BODY);
  return highlightKey.getState(ed.state)!.set.find().map((d) => [posToOffset(layout, d.from), posToOffset(layout, d.to), (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs["data-claim-id"]]);
}

describe("claim decorations", () => {
  it("paints each claim at its text offsets, across the blank line, with the painter's classes", () => {
    const dom = paint({
      claims: [{ id: "whole", kind: "FACT", ...at("troops.\n\nSecond") }, { id: "figure", kind: "OPINION", ...at("2,000 troops") }],
      suggestions: [], selectedId: "figure", flashId: null,
    });
    expect(painted(editor!)).toEqual([
      [BODY.indexOf("troops."), BODY.indexOf("Second") + 6, "whole"],
      [BODY.indexOf("2,000"), BODY.indexOf("2,000") + 12, "figure"],
    ]);
    const figure = dom.querySelector('[data-claim-id="figure"]')!;
    expect(figure.textContent).toBe("2,000 troops");
    expect(figure.className).toBe("claim claim-opinion claim-level-0 claim-selected");
    expect([...dom.querySelectorAll('[data-claim-id="whole"]')].map((e) => e.textContent)).toEqual(["troops.", "Second"]);
  });

  it("never paints an orphan, and repaints when told to", () => {
    const dom = paint({ claims: [{ id: "gone", kind: "FACT", orphaned: true, ...at("First line") }], suggestions: [], selectedId: null, flashId: null });
    expect(dom.querySelector("[data-claim-id]")).toBeNull();
    const layout = textLayout(BODY);
    editor!.view.dispatch(editor!.state.tr.setMeta(highlightKey, { layout, claims: [{ id: "back", kind: "PREDICTION", ...at("First line") }], suggestions: [{ key: "s1", ...at("Second line") }], selectedId: null, flashId: null }));
    expect(dom.querySelector('[data-claim-id="back"]')!.textContent).toBe("First line");
    expect(dom.querySelector('[data-suggestion="s1"]')!.textContent).toBe("Second line");
  });

  it("nests an inner claim inside the outer one, the outer underline a level lower", () => {
    const dom = paint({ claims: [{ id: "outer", kind: "FACT", ...at("Second line: 2,000 troops") }, { id: "inner", kind: "OPINION", ...at("2,000") }], suggestions: [], selectedId: null, flashId: null });
    const inner = dom.querySelector('[data-claim-id="inner"]')!;
    expect(inner.parentElement!.getAttribute("data-claim-id")).toBe("outer");
    expect(inner.className).toContain("claim-nested");
    expect(dom.querySelector('[data-claim-id="outer"]')!.className).toContain("claim-level-1");
  });
});
