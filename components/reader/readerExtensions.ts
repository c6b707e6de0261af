// TipTap pieces of the reader: the comments section node, a guard that keeps the text unchangeable,
// and the decorations that paint claims and suggestions from their stored text offsets.
import { Extension, Node } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { offsetToPos, type TextLayout } from "@/lib/text-positions";
import type { ClaimKind } from "@/lib/types";

/** Reader comments and other flagged tails: a labelled region of their own. */
export const ReaderSection = Node.create({
  name: "readerSection",
  group: "block",
  content: "paragraph+",
  addAttributes() {
    return { label: { default: "" } };
  },
  parseHTML() {
    return [{ tag: "section[data-reader-section]" }];
  },
  renderHTML({ node }) {
    const label = String(node.attrs.label);
    return ["section", { "data-reader-section": "", class: "comments", role: "region", "aria-label": label, "data-label": label }, 0];
  },
});

/** The text stays focusable (caret, Shift+arrows) but no transaction may change it. */
export const UnchangeableText = Extension.create({
  name: "unchangeableText",
  addProseMirrorPlugins() {
    const refuse = (_view: unknown, event: Event) => {
      event.preventDefault();
      return true;
    };
    return [
      new Plugin({
        filterTransaction: (tr) => !tr.docChanged,
        props: { handleDOMEvents: { beforeinput: refuse, paste: refuse, cut: refuse, drop: refuse } },
      }),
    ];
  },
});

export interface HighlightSpan {
  id: string;
  start: number;
  end: number;
  kind: ClaimKind;
}

export interface HighlightState {
  layout: TextLayout;
  claims: HighlightSpan[];
  suggestions: { key: string; start: number; end: number }[];
  selectedId: string | null;
  flashId: string | null;
}

type PluginValue = { highlights: HighlightState; set: DecorationSet };
/** Dispatch a transaction with `setMeta(highlightKey, nextHighlightState)` to repaint. */
export const highlightKey = new PluginKey<PluginValue>("claimHighlights");

/** How many other claims lie over a claim's later part: outer claims get a lower underline so all stay visible. */
function stackLevels(claims: HighlightSpan[]): Map<string, { level: number; nested: boolean }> {
  const result = new Map<string, { level: number; nested: boolean }>();
  for (const c of claims) {
    const inner = claims.filter((o) => o !== c && o.start < c.end && c.start < o.end && (o.start > c.start || (o.start === c.start && o.end < c.end)));
    const nested = claims.some((o) => o !== c && o.start <= c.start && o.end >= c.end && (o.start < c.start || o.end > c.end));
    result.set(c.id, { level: Math.min(inner.length, 3), nested });
  }
  return result;
}

function decorate(state: EditorState, h: HighlightState): DecorationSet {
  const levels = stackLevels(h.claims);
  const ordered = [...h.claims].sort((a, b) => a.start - b.start || b.end - a.end);
  const decorations = [
    ...h.suggestions.map((s) =>
      Decoration.inline(offsetToPos(h.layout, s.start), offsetToPos(h.layout, s.end), { nodeName: "span", class: "suggestion", "data-suggestion": s.key }),
    ),
    ...ordered.map((c) => {
      const { level, nested } = levels.get(c.id)!;
      const classes = ["claim", `claim-${c.kind.toLowerCase()}`, `claim-level-${level}`];
      if (nested) classes.push("claim-nested");
      if (c.id === h.selectedId) classes.push("claim-selected");
      if (c.id === h.flashId) classes.push("claim-flash");
      return Decoration.inline(offsetToPos(h.layout, c.start), offsetToPos(h.layout, c.end), {
        nodeName: "span",
        class: classes.join(" "),
        "data-claim-id": c.id,
        "data-kind": c.kind,
      });
    }),
  ];
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

/** Where a PDF's pages begin in the text: text offsets, each past the blank lines a page may open with. */
export interface PageStart {
  page: number;
  start: number;
}

/** A discreet "p. N" marker where each page after the first begins. Widgets are not text: offsets,
 *  selections and quotes are unaffected. Built once per layout; O(pages). */
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
