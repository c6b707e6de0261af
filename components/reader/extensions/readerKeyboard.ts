// The reader's keys: F, O, P mark the selection as a fact, opinion or prediction; J / K put the
// caret on the next / previous claim; Enter opens the claim at the caret. The commands call back
// into React through the extension's options, which read the page's latest claims.
import { Extension, type Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { trimSpan } from "@/lib/anchoring/trim-span";
import { offsetToPos, posToOffset, type TextLayout } from "@/lib/text-positions";
import type { ClaimKind } from "@/lib/types";

export interface TextSpan {
  start: number;
  end: number;
  quote: string;
}

export interface ReaderKeyboardOptions {
  body: string;
  layout: TextLayout | null;
  /** The painted claims (never orphans), as they are now. */
  claims: () => { id: string; start: number; end: number }[];
  onTag: (kind: ClaimKind, span: TextSpan) => void;
  onOpenClaim: (id: string) => void;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    readerKeyboard: {
      /** Marks the selection (white space at its ends left out) as a claim of `kind`. */
      tagSelection: (kind: ClaimKind) => ReturnType;
      /** Puts the caret at the start of the next (1) or previous (-1) claim. */
      moveToClaim: (direction: 1 | -1) => ReturnType;
      /** Opens the innermost claim holding the caret. */
      openClaimAtCaret: () => ReturnType;
    };
  }
}

/** The selection as a span of the body's text, trimmed; null when it holds no words. */
export function selectedSpan(editor: Editor, body: string, layout: TextLayout): TextSpan | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  return trimSpan(body, posToOffset(layout, from), posToOffset(layout, to));
}

/** The innermost claim holding a text offset (the shortest span wins, as in the painter). Cost: one pass, O(n). */
export function claimAt<T extends { start: number; end: number }>(claims: T[], offset: number): T | null {
  let best: T | null = null;
  for (const c of claims) {
    if (c.start <= offset && offset < c.end && (!best || c.end - c.start < best.end - best.start)) best = c;
  }
  return best;
}

const KIND_KEYS: Record<string, ClaimKind> = { f: "FACT", o: "OPINION", p: "PREDICTION" };

export const ReaderKeyboard = Extension.create<ReaderKeyboardOptions>({
  name: "readerKeyboard",
  // Before TipTap's own keymap, whose Enter would otherwise try to split the paragraph.
  priority: 1000,
  addOptions() {
    return { body: "", layout: null, claims: () => [], onTag: () => undefined, onOpenClaim: () => undefined };
  },
  addCommands() {
    return {
      // Each command changes only its own transaction: a nested editor command would dispatch
      // first and leave this transaction stale.
      tagSelection: (kind) => ({ editor, tr, dispatch }) => {
        const { body, layout, onTag } = this.options;
        const span = layout && selectedSpan(editor, body, layout);
        if (!span) return false;
        if (dispatch) {
          // The selection collapses, so the toolbar goes away as the claim appears.
          tr.setSelection(TextSelection.create(tr.doc, offsetToPos(layout, span.end)));
          onTag(kind, span);
        }
        return true;
      },
      moveToClaim: (direction) => ({ state, tr, dispatch }) => {
        const { layout, claims } = this.options;
        if (!layout || !state.selection.empty) return false;
        const offset = posToOffset(layout, state.selection.from);
        // Cost: one pass over the claims, O(n).
        let target: { start: number } | null = null;
        for (const c of claims()) {
          if (direction === 1 ? c.start > offset && (!target || c.start < target.start) : c.start < offset && (!target || c.start > target.start)) target = c;
        }
        if (target && dispatch) tr.setSelection(TextSelection.create(tr.doc, offsetToPos(layout, target.start))).scrollIntoView();
        return true; // consumed even at the last claim: J and K never type
      },
      openClaimAtCaret: () => ({ state, dispatch }) => {
        const { layout, claims, onOpenClaim } = this.options;
        if (!layout || !state.selection.empty) return false;
        const claim = claimAt(claims(), posToOffset(layout, state.selection.from));
        if (claim && dispatch) onOpenClaim(claim.id);
        return true;
      },
    };
  },
  addKeyboardShortcuts() {
    const shortcuts: Record<string, () => boolean> = {
      j: () => this.editor.commands.moveToClaim(1),
      k: () => this.editor.commands.moveToClaim(-1),
      Enter: () => this.editor.commands.openClaimAtCaret(),
    };
    for (const [key, kind] of Object.entries(KIND_KEYS)) {
      // Shift+F too: a selection made with Shift+arrows may still have Shift held.
      shortcuts[key] = shortcuts[key.toUpperCase()] = () => this.editor.commands.tagSelection(kind);
    }
    return shortcuts;
  },
});
