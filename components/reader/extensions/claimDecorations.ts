// Claims and suggestions painted over the text from their stored offsets, through the one painter
// (components/highlights/paint.ts): a decoration per claim over each run it covers, nested
// as the static text nests them (the shortest claim innermost, so it shows).
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { offsetToPos, type TextLayout } from "@/lib/text-positions";
import { claimClassName, paintClaims, type PaintClaim, type Painted } from "@/components/highlights/paint";
import type { HighlightRun } from "@/lib/highlights/runs";

export interface HighlightState {
  layout: TextLayout;
  claims: PaintClaim[];
  suggestions: { key: string; start: number; end: number }[];
  selectedId: string | null;
  flashId: string | null;
  /** paintClaims of `claims` (no flags) when the caller has it already: the static first-paint
   *  text paints with the same runs, so n claims are sorted and swept once per page, not twice. */
  painted?: Painted;
}

type PluginValue = {
  /** The document the set was built for (the text never changes; a new editor has a new one). */
  doc: PmNode;
  highlights: HighlightState;
  set: DecorationSet;
  painted: Painted;
  /** The claim decorations of each painted run, innermost first (as they went into the set). */
  runDecorations: Decoration[][];
  /** The runs each claim covers, by index in painted.runs. */
  runsOf: Map<string, number[]>;
};
/** Dispatch a transaction with `setMeta(highlightKey, nextHighlightState)` to repaint. */
export const highlightKey = new PluginKey<PluginValue>("claimHighlights");

export function textLength(layout: TextLayout): number {
  const last = layout.lineStarts.length - 1;
  return last < 0 ? 0 : layout.lineStarts[last]! + layout.lineLengths[last]!;
}

/** One run's decorations: ProseMirror wraps a later decoration around an earlier one over the same
 *  range, so the innermost claim goes first. */
function decorateRun(run: HighlightRun, painted: Painted, h: HighlightState): Decoration[] {
  const from = offsetToPos(h.layout, run.start);
  const to = offsetToPos(h.layout, run.end);
  return [...run.ids].reverse().map((id) => {
    const { level, nested } = painted.levelOf.get(id)!;
    const kind = painted.kindOf.get(id)!;
    return Decoration.inline(from, to, { nodeName: "span", class: claimClassName(kind, level, nested, h, id), "data-claim-id": id, "data-kind": kind });
  });
}

/** Cost per full repaint: the painter's O(n log n) (unless given), then one decoration per claim
 *  per run it covers, then ProseMirror's DecorationSet.create: O(n log n) to sort, plus a pass over
 *  the decorations per line of text (its tree is built line by line). */
function decorate(doc: PmNode, h: HighlightState): PluginValue {
  const painted = h.painted ?? paintClaims(textLength(h.layout), h.claims);
  const decorations = h.suggestions.map((s) =>
    Decoration.inline(offsetToPos(h.layout, s.start), offsetToPos(h.layout, s.end), { nodeName: "span", class: "suggestion", "data-suggestion": s.key }),
  );
  const runDecorations: Decoration[][] = [];
  const runsOf = new Map<string, number[]>();
  painted.runs.forEach((run, i) => {
    const decos = decorateRun(run, painted, h);
    runDecorations.push(decos);
    decorations.push(...decos);
    for (const id of run.ids) {
      const runs = runsOf.get(id);
      if (runs) runs.push(i);
      else runsOf.set(id, [i]);
    }
  });
  return { doc, highlights: h, set: DecorationSet.create(doc, decorations), painted, runDecorations, runsOf };
}

/** Only the open or flashing claim changed (a click, a pick from the list): the runs of the claims
 *  whose classes change are decorated again, all their claims in order, so the nesting holds.
 *  Cost: the runs those claims cover and a look-up in the set each, not a repaint of all n claims. */
function restyle(state: EditorState, value: PluginValue, h: HighlightState): PluginValue {
  const before = value.highlights;
  const changed = new Set([before.selectedId, h.selectedId, before.flashId, h.flashId].filter((id): id is string => id !== null));
  for (const id of [...changed]) {
    if ((before.selectedId === id) === (h.selectedId === id) && (before.flashId === id) === (h.flashId === id)) changed.delete(id);
  }
  const runs = [...new Set([...changed].flatMap((id) => value.runsOf.get(id) ?? []))];
  if (!runs.length) return { ...value, highlights: h };
  const runDecorations = value.runDecorations.slice();
  const removed: Decoration[] = [];
  const added: Decoration[] = [];
  for (const i of runs) {
    removed.push(...runDecorations[i]!);
    runDecorations[i] = decorateRun(value.painted.runs[i]!, value.painted, h);
    added.push(...runDecorations[i]!);
  }
  return { ...value, highlights: h, set: value.set.remove(removed).add(state.doc, added), runDecorations };
}

function sameClaims(a: HighlightState, b: HighlightState): boolean {
  return a.layout === b.layout && a.claims === b.claims && a.suggestions === b.suggestions;
}

/** Paints with the editor's own decorations prop until the plugin is there: TipTap makes its view
 *  with no plugins and adds them right after, so decorations only a plugin gave would lay out the
 *  text bare and then all of it again with its claims (at 10,000 claims, a third of the editor's
 *  start). The plugin then starts from the very same set, so adding it redraws nothing. */
function firstPaint(initial: HighlightState | (() => HighlightState)) {
  let first: PluginValue | null = null;
  return (doc: PmNode): PluginValue => {
    if (!first || first.doc !== doc) first = decorate(doc, typeof initial === "function" ? initial() : initial);
    return first;
  };
}

/** `initial` is read when the editor is made, so its first render already shows the claims
 *  (rendering the text bare and then again with its claims would lay it out twice). */
export function claimHighlights(initial: HighlightState | (() => HighlightState)) {
  const initialValue = firstPaint(initial);
  return Extension.create({
    name: "claimHighlights",
    onBeforeCreate() {
      const options = this.editor.options;
      const own = options.editorProps.decorations;
      options.editorProps = {
        ...options.editorProps,
        decorations(state) {
          return highlightKey.getState(state) ? own?.call(this, state) : initialValue(state.doc).set;
        },
      };
    },
    addProseMirrorPlugins() {
      return [
        new Plugin<PluginValue>({
          key: highlightKey,
          state: {
            init: (_config, state) => initialValue(state.doc),
            apply: (tr, value, _old, state) => {
              const highlights = tr.getMeta(highlightKey) as HighlightState | undefined;
              if (!highlights) return value;
              if (!sameClaims(value.highlights, highlights)) return decorate(state.doc, highlights);
              if (value.highlights.selectedId === highlights.selectedId && value.highlights.flashId === highlights.flashId) return value;
              return restyle(state, value, highlights);
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

/** Whether the editor already paints `h` (a dispatch would change nothing). */
export function paints(state: EditorState, h: HighlightState): boolean {
  const current = highlightKey.getState(state)?.highlights;
  return !!current && sameClaims(current, h) && current.selectedId === h.selectedId && current.flashId === h.flashId;
}
