// Claims and suggestions painted over the text from their stored offsets, through the one painter
// (components/highlights/paint.ts): a decoration per claim over each run it covers, nested
// as the static text nests them (the shortest claim innermost, so it shows).
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { offsetToPos, type TextLayout } from "@/lib/text-positions";
import { paintClaims, type PaintClaim } from "@/components/highlights/paint";

export interface HighlightState {
  layout: TextLayout;
  claims: PaintClaim[];
  suggestions: { key: string; start: number; end: number }[];
  selectedId: string | null;
  flashId: string | null;
}

type PluginValue = { highlights: HighlightState; set: DecorationSet };
/** Dispatch a transaction with `setMeta(highlightKey, nextHighlightState)` to repaint. */
export const highlightKey = new PluginKey<PluginValue>("claimHighlights");

export function textLength(layout: TextLayout): number {
  const last = layout.lineStarts.length - 1;
  return last < 0 ? 0 : layout.lineStarts[last]! + layout.lineLengths[last]!;
}

/** Cost per repaint: the painter's O(n log n), then one decoration per claim per run it covers. */
function decorate(state: EditorState, h: HighlightState): DecorationSet {
  const painted = paintClaims(textLength(h.layout), h.claims, h);
  const pos = (offset: number) => offsetToPos(h.layout, offset);
  const decorations = h.suggestions.map((s) =>
    Decoration.inline(pos(s.start), pos(s.end), { nodeName: "span", class: "suggestion", "data-suggestion": s.key }),
  );
  for (const run of painted.runs) {
    // ProseMirror wraps a later decoration around an earlier one over the same range: innermost first.
    for (const id of [...run.ids].reverse()) {
      decorations.push(
        Decoration.inline(pos(run.start), pos(run.end), { nodeName: "span", class: painted.classOf.get(id)!, "data-claim-id": id, "data-kind": painted.kindOf.get(id)! }),
      );
    }
  }
  return DecorationSet.create(state.doc, decorations);
}

export function claimHighlights(initial: HighlightState) {
  return Extension.create({
    name: "claimHighlights",
    addProseMirrorPlugins() {
      return [
        new Plugin<PluginValue>({
          key: highlightKey,
          state: {
            init: (_config, state) => ({ highlights: initial, set: decorate(state, initial) }),
            apply: (tr, value, _old, state) => {
              const highlights = tr.getMeta(highlightKey) as HighlightState | undefined;
              return highlights ? { highlights, set: decorate(state, highlights) } : value;
            },
          },
          props: {
            decorations: (state) => highlightKey.getState(state)?.set,
          },
        }),
      ];
    },
  });
}
