// A discreet "p. N" marker where each page of a PDF-born source begins. Widgets are not text:
// offsets, selections and quotes are unaffected. Built once per layout; O(pages).
import { Extension } from "@tiptap/core";
import { Plugin, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { offsetToPos, type TextLayout } from "@/lib/text-positions";

/** Where a page after the first begins: a text offset, past the blank line a page may open with. */
export interface PageStart {
  page: number;
  start: number;
}

export function pageMarkers(layout: TextLayout, pages: PageStart[]) {
  const build = (doc: EditorState["doc"]) =>
    DecorationSet.create(
      doc,
      pages.map((p) =>
        Decoration.widget(
          offsetToPos(layout, p.start),
          () => {
            const marker = document.createElement("span");
            marker.className = "page-marker";
            marker.textContent = `p. ${p.page}`;
            marker.setAttribute("aria-label", `Page ${p.page} begins`);
            return marker;
          },
          { side: -1, key: `page-${p.page}`, ignoreSelection: true },
        ),
      ),
    );
  return Extension.create({
    name: "pageMarkers",
    addProseMirrorPlugins() {
      return [
        new Plugin({
          state: { init: (_, state) => build(state.doc), apply: (tr, set) => set.map(tr.mapping, tr.doc) },
          props: { decorations(state) { return this.getState(state); } },
        }),
      ];
    },
  });
}
