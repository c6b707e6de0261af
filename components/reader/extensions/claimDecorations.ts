// Claims and suggestions painted over the text from their stored offsets, through the one painter
// (components/highlights/paint.ts): a decoration per claim over each run it covers, nested
// as the static text nests them (the shortest claim innermost, so it shows). A long text paints
// only the stretch near the screen (lib/highlights/window.ts), which moves as the reader scrolls.
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { offsetToPos, posToOffset, type TextLayout } from "@/lib/text-positions";
import { claimClassName, paintClaims, type PaintClaim, type Painted } from "@/components/highlights/paint";
import { firstRunEndingAfter, type HighlightRun } from "@/lib/highlights/runs";
import { nextPaintWindow, type TextWindow } from "@/lib/highlights/window";

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
  /** The stretch of text painted; null for all of it. */
  window: TextWindow | null;
  set: DecorationSet;
  painted: Painted;
  /** The claim decorations of each painted run by its index in painted.runs, innermost first (as
   *  they went into the set). Runs outside the window have none. */
  runDecorations: Map<number, Decoration[]>;
  /** The painted runs each claim covers, by index in painted.runs. */
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
 *  per run it covers inside the window (all runs without one), then ProseMirror's
 *  DecorationSet.create: O(m log m) for the m decorations made, plus a pass over them per line. */
function decorate(doc: PmNode, h: HighlightState, stretch: TextWindow | null, given?: Painted): PluginValue {
  const painted = given ?? h.painted ?? paintClaims(textLength(h.layout), h.claims);
  const decorations = h.suggestions.map((s) =>
    Decoration.inline(offsetToPos(h.layout, s.start), offsetToPos(h.layout, s.end), { nodeName: "span", class: "suggestion", "data-suggestion": s.key }),
  );
  const runDecorations = new Map<number, Decoration[]>();
  const runsOf = new Map<string, number[]>();
  const { runs } = painted;
  const to = stretch ? stretch.to : Infinity;
  for (let i = stretch ? firstRunEndingAfter(runs, stretch.from) : 0; i < runs.length && runs[i]!.start < to; i++) {
    const run = runs[i]!;
    if (!run.ids.length) continue;
    const decos = decorateRun(run, painted, h);
    runDecorations.set(i, decos);
    decorations.push(...decos);
    for (const id of run.ids) {
      const of = runsOf.get(id);
      if (of) of.push(i);
      else runsOf.set(id, [i]);
    }
  }
  return { doc, highlights: h, window: stretch, set: DecorationSet.create(doc, decorations), painted, runDecorations, runsOf };
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
  const runDecorations = new Map(value.runDecorations);
  const removed: Decoration[] = [];
  const added: Decoration[] = [];
  for (const i of runs) {
    removed.push(...runDecorations.get(i)!);
    const decos = decorateRun(value.painted.runs[i]!, value.painted, h);
    runDecorations.set(i, decos);
    added.push(...decos);
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
function firstPaint(initial: HighlightState | (() => HighlightState), stretch: TextWindow | null) {
  let first: PluginValue | null = null;
  return (doc: PmNode): PluginValue => {
    if (!first || first.doc !== doc) first = decorate(doc, typeof initial === "function" ? initial() : initial, stretch);
    return first;
  };
}

interface HighlightOptions {
  /** The stretch painted on the first render; null paints the whole text. With a window, the
   *  plugin moves it with the screen (initialPaintWindow gives one for long texts only). */
  initialWindow?: TextWindow | null;
}

/** The text offsets on screen: from the editor's top-left visible point to its bottom-right one. */
function visibleOffsets(view: EditorView, layout: TextLayout): TextWindow | null {
  const box = view.dom.getBoundingClientRect();
  const top = Math.max(box.top, 0);
  const bottom = Math.min(box.bottom, window.innerHeight);
  if (bottom <= top) return null;
  const first = view.posAtCoords({ left: box.left + 1, top: top + 1 });
  const last = view.posAtCoords({ left: box.right - 1, top: bottom - 1 });
  if (!first || !last) return null;
  return { from: posToOffset(layout, first.pos), to: posToOffset(layout, last.pos) };
}

/** `initial` is read when the editor is made, so its first render already shows the claims
 *  (rendering the text bare and then again with its claims would lay it out twice). */
export function claimHighlights(initial: HighlightState | (() => HighlightState), options: HighlightOptions = {}) {
  const { initialWindow = null } = options;
  const initialValue = firstPaint(initial, initialWindow);
  return Extension.create({
    name: "claimHighlights",
    onBeforeCreate() {
      const editorOptions = this.editor.options;
      const own = editorOptions.editorProps.decorations;
      editorOptions.editorProps = {
        ...editorOptions.editorProps,
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
              const moved = tr.getMeta(windowKey) as TextWindow | undefined;
              if (moved) return decorate(state.doc, value.highlights, moved, value.painted);
              const highlights = tr.getMeta(highlightKey) as HighlightState | undefined;
              if (!highlights) return value;
              if (!sameClaims(value.highlights, highlights)) return decorate(state.doc, highlights, value.window);
              if (value.highlights.selectedId === highlights.selectedId && value.highlights.flashId === highlights.flashId) return value;
              return restyle(state, value, highlights);
            },
          },
          props: {
            decorations: (state) => highlightKey.getState(state)?.set,
          },
          // Scrolling moves the painted window: checked once a frame at most, repainted only when
          // the screen comes near the window's edge (cost: the runs of the new window).
          view: (view) => {
            if (!initialWindow || typeof window === "undefined") return {};
            let frame = 0;
            const check = () => {
              frame = 0;
              const value = highlightKey.getState(view.state);
              const visible = value?.window && visibleOffsets(view, value.highlights.layout);
              const next = visible && nextPaintWindow(value.window!, visible, textLength(value.highlights.layout));
              if (next) view.dispatch(view.state.tr.setMeta(windowKey, next));
            };
            const schedule = () => { if (!frame) frame = requestAnimationFrame(check); };
            window.addEventListener("scroll", schedule, { passive: true, capture: true });
            window.addEventListener("resize", schedule, { passive: true });
            schedule();
            return {
              destroy() {
                if (frame) cancelAnimationFrame(frame);
                window.removeEventListener("scroll", schedule, { capture: true });
                window.removeEventListener("resize", schedule);
              },
            };
          },
        }),
      ];
    },
  });
}

/** Dispatch a transaction with `setMeta(windowKey, window)` to paint another stretch of the text. */
export const windowKey = new PluginKey("claimHighlightsWindow");

/** Whether the editor already paints `h` (a dispatch would change nothing). */
export function paints(state: EditorState, h: HighlightState): boolean {
  const current = highlightKey.getState(state)?.highlights;
  return !!current && sameClaims(current, h) && current.selectedId === h.selectedId && current.flashId === h.flashId;
}
