// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { Editor } from "@tiptap/core";
import Document from "@tiptap/extension-document";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import { posToOffset, readerDoc, textLayout } from "@/lib/text-positions";
import { claimHighlights, highlightKey, paints, windowKey, type HighlightState } from "@/components/reader/extensions/claimDecorations";
import { initialPaintWindow } from "@/lib/highlights/window";
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

  it("opening and flashing a claim restyles only its runs, the nesting and every other claim as they were", () => {
    const layout = textLayout(BODY);
    const claims = [
      { id: "outer", kind: "FACT" as const, ...at("Second line: 2,000 troops") },
      { id: "inner", kind: "OPINION" as const, ...at("2,000") },
      { id: "first", kind: "PREDICTION" as const, ...at("First line") },
    ];
    const suggestions = [{ key: "s1", ...at("about troops") }];
    const dom = paint({ claims, suggestions, selectedId: null, flashId: null });
    const classOf = (id: string) => [...dom.querySelectorAll(`[data-claim-id="${id}"]`)].map((e) => e.className);
    const firstBefore = dom.querySelector('[data-claim-id="first"]');
    const decorationsBefore = painted(editor!);
    const state = (selectedId: string | null, flashId: string | null): HighlightState => ({ layout, claims, suggestions, selectedId, flashId });

    editor!.view.dispatch(editor!.state.tr.setMeta(highlightKey, state("inner", "inner")));
    expect(classOf("inner")).toEqual(["claim claim-opinion claim-level-0 claim-nested claim-selected claim-flash"]);
    expect(classOf("outer").every((c) => !c.includes("claim-selected"))).toBe(true);
    expect(dom.querySelector('[data-claim-id="inner"]')!.parentElement!.getAttribute("data-claim-id")).toBe("outer");
    // A claim on another line keeps its very element: nothing there was drawn again.
    expect(dom.querySelector('[data-claim-id="first"]')).toBe(firstBefore);

    editor!.view.dispatch(editor!.state.tr.setMeta(highlightKey, state("outer", null)));
    expect(classOf("inner")).toEqual(["claim claim-opinion claim-level-0 claim-nested"]);
    expect(classOf("outer").every((c) => c.includes("claim-selected") && c.includes("claim-level-1"))).toBe(true);
    expect(dom.querySelector('[data-claim-id="inner"]')!.parentElement!.getAttribute("data-claim-id")).toBe("outer");
    expect(dom.querySelector('[data-suggestion="s1"]')!.textContent).toBe("about troops");
    // The set holds each claim run once: nothing was added twice or left behind.
    expect(painted(editor!)).toEqual(decorationsBefore);
    expect(paints(editor!.state, state("outer", null))).toBe(true);
    expect(paints(editor!.state, state("first", null))).toBe(false);
  });

  it("paints the claims on the editor's first render when given them as a function", () => {
    const layout = textLayout(BODY);
    ({ editor } = readerEditor(BODY, [claimHighlights(() => ({ layout, claims: [{ id: "early", kind: "FACT", ...at("First line") }], suggestions: [], selectedId: null, flashId: null }))]));
    expect((editor.view.dom as HTMLElement).querySelector('[data-claim-id="early"]')!.textContent).toBe("First line");
  });

  it("draws the text once, with its claims, when the editor is made (adding the plugins redraws nothing)", () => {
    const layout = textLayout(BODY);
    const place = document.createElement("div");
    const observer = new MutationObserver(() => undefined);
    observer.observe(place, { childList: true, subtree: true });
    editor = new Editor({
      element: place,
      extensions: [Document, Paragraph, Text, claimHighlights({ layout, claims: [{ id: "once", kind: "FACT", ...at("Second line") }], suggestions: [], selectedId: null, flashId: null })],
      content: readerDoc(BODY, layout),
    });
    const records = observer.takeRecords();
    observer.disconnect();
    // The editor's element and its lines put in place, each once, the claim inside from the start:
    // nothing taken out again.
    expect(records.flatMap((r) => [...r.removedNodes])).toEqual([]);
    expect(records.flatMap((r) => [...r.addedNodes]).length).toBe(1 + 3);
    expect(place.querySelector('[data-claim-id="once"]')!.textContent).toBe("Second line");
  });

  it("paints only the window of a long text, moves it when told, and keeps the open claim's style when it comes into view", () => {
    // 2,600 lines of 24 characters and a line break: 65,000 characters, a claim on the first ten
    // characters of every line.
    const lines = Array.from({ length: 2600 }, (_, i) => `Line ${String(i).padStart(5, "0")} says 2,000 troops.`.slice(0, 24));
    const body = lines.join("\n");
    const layout = textLayout(body);
    const lineStart = (i: number) => i * 25;
    const claims = lines.map((line, i) => ({ id: `c${i}`, kind: "FACT" as const, start: lineStart(i), end: lineStart(i) + 10 }));
    const window = initialPaintWindow(body.length)!;
    ({ editor } = readerEditor(body, [claimHighlights({ layout, claims, suggestions: [], selectedId: "c2000", flashId: null }, { initialWindow: window })]));
    const dom = editor.view.dom as HTMLElement;
    const paintedIds = () => [...dom.querySelectorAll("[data-claim-id]")].map((e) => e.getAttribute("data-claim-id"));
    // The first 20,000 characters: lines 0 to 799 (line 799 starts at 19,975).
    expect(paintedIds()).toEqual(Array.from({ length: 800 }, (_, i) => `c${i}`));
    expect(highlightKey.getState(editor.state)!.window).toEqual({ from: 0, to: 20_000 });

    editor.view.dispatch(editor.state.tr.setMeta(windowKey, { from: 49_980, to: 50_100 }));
    // c1999 covers [49,975, 49,985): it reaches in. c2003 starts at 50,075, c2004 at 50,100: out.
    expect(paintedIds()).toEqual(["c1999", "c2000", "c2001", "c2002", "c2003"]);
    expect(dom.querySelector('[data-claim-id="c2000"]')!.className).toContain("claim-selected");
    expect(dom.querySelector('[data-claim-id="c2000"]')!.textContent).toBe("Line 02000");

    // Opening another claim outside the window restyles nothing painted, and breaks nothing.
    editor.view.dispatch(editor.state.tr.setMeta(highlightKey, { layout, claims, suggestions: [], selectedId: "c10", flashId: null }));
    expect(dom.querySelectorAll(".claim-selected").length).toBe(0);
    editor.view.dispatch(editor.state.tr.setMeta(windowKey, { from: 0, to: 300 }));
    expect(dom.querySelector('[data-claim-id="c10"]')!.className).toContain("claim-selected");
    // Claims c0 to c11 (c11 starts at 275).
    expect(paintedIds()).toEqual(Array.from({ length: 12 }, (_, i) => `c${i}`));
  });
});
