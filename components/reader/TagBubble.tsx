"use client";
// The toolbar under a selection that holds words. Loaded apart from the reader (with TipTap's
// BubbleMenu and Floating UI): the text is ready before anyone selects in it.
import type { Editor } from "@tiptap/react";
import { BubbleMenu } from "@tiptap/react/menus";
import type { ClaimKind } from "@/lib/types";
import { KIND_LABELS, kindLabel } from "@/lib/labels";

const BUBBLE_OPTIONS = { placement: "bottom-start", offset: 6, flip: true } as const;

export default function TagBubble({ editor, shouldShow }: { editor: Editor; shouldShow: (props: { editor: Editor }) => boolean }) {
  return (
    // TipTap's BubbleMenu shows it under a selection that holds words, placed by Floating UI.
    <BubbleMenu editor={editor} className="tag-bubble" shouldShow={shouldShow} options={BUBBLE_OPTIONS}>
      <div className="tag-toolbar" role="toolbar" aria-label="Tag the selection as">
        {(Object.keys(KIND_LABELS) as ClaimKind[]).map((kind) => (
          <button key={kind} type="button" className={`kind-button kind-${kind.toLowerCase()}`} onMouseDown={(e) => e.preventDefault()}
            onClick={() => editor.commands.tagSelection(kind)} aria-keyshortcuts={kindLabel(kind)[0]}>
            {kindLabel(kind)}
          </button>
        ))}
      </div>
    </BubbleMenu>
  );
}
