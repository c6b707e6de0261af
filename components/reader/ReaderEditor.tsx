"use client";

import Document from "@tiptap/extension-document";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { Suspense, lazy, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from "react";
import { offsetToPos, posToOffset, readerDoc, type TextLayout } from "@/lib/text-positions";
import type { ClaimKind, ReaderClaim } from "@/lib/types";
import { initialPaintWindow, type TextWindow } from "@/lib/highlights/window";
import { HighlightedRuns } from "@/components/highlights/HighlightedText";
import { paintClaims, type Painted } from "@/components/highlights/paint";
import { claimHighlights, highlightKey, paints, type HighlightState } from "./extensions/claimDecorations";
import type { Anchor } from "./ClaimCard";
import { ReaderKeyboard, claimAt, selectedSpan, type TextSpan } from "./extensions/readerKeyboard";
import { BlankLines, ReaderSection } from "./extensions/readerSection";
import { UnchangeableText } from "./extensions/unchangeableText";
import { pageMarkers, type PageStart } from "./extensions/pageMarkers";
import { whenIdle } from "./whenIdle";
import "./reader.css";

export type { TextSpan };

// Not needed for the text to show or be ready: loaded after, then kept (preloaded once the
// editor has painted, so the first selection or pointed claim does not wait for them).
const loadTagBubble = () => import("./TagBubble");
const loadClaimCard = () => import("./ClaimCard");
const TagBubble = lazy(loadTagBubble);
const ClaimCard = lazy(loadClaimCard);

interface Props {
  body: string;
  layout: TextLayout;
  sectionLabel: string;
  /** PDF-born sources: where pages 2, 3, … begin, shown as discreet markers. */
  pageStarts: PageStart[];
  /** The claims to paint: orphans are never painted, whatever is passed. */
  claims: ReaderClaim[];
  suggestions: HighlightState["suggestions"];
  selectedId: string | null;
  flashId: string | null;
  onSelectionChange: (span: TextSpan | null) => void;
  onTag: (kind: ClaimKind, span: TextSpan) => void;
  onOpenClaim: (id: string) => void;
  /** False for a viewer: no tagging toolbar under a selection (the keys still say why). */
  mayTag?: boolean;
  ref?: Ref<ReaderHandle>;
}

export interface ReaderHandle {
  /** Scrolls the claim into the middle of the screen, painted or not yet (a long text paints only
   *  what is near the screen: scrolling there paints it). */
  reveal(id: string): void;
}

/** The text with its claims as the server sends it, so highlights show at first paint, before
 *  the editor takes over. Its spans carry data-static-claim-id: they are not yet clickable. A long
 *  text sends only its first window (the first screens): the editor, ready a moment later, shows
 *  the rest, and the page's HTML does not carry a hundred screens nobody sees before then. */
function StaticText({ body, painted, stretch }: { body: string; painted: Painted; stretch: TextWindow | null }) {
  const paintTo = stretch ? stretch.to : body.length;
  const paragraphs: React.ReactNode[] = [];
  // Cost: one paragraph per line up to the window's end (all lines of an ordinary text).
  for (let from = 0, i = 0; from <= paintTo; i++) {
    const newline = body.indexOf("\n", from);
    const to = newline === -1 ? body.length : newline;
    const line = body.slice(from, to);
    // elementtiming: the browser records when each paragraph's text is painted (npm run bench).
    paragraphs.push(
      <p key={i} elementtiming="source-text" className={line && !line.trim() ? "blank-line" : undefined}>
        {from < paintTo && <HighlightedRuns text={body} from={from} to={Math.min(to, paintTo)} painted={painted} idAttribute="data-static-claim-id" />}
        {to > paintTo && body.slice(Math.max(from, paintTo), to)}
      </p>,
    );
    if (newline === -1) break;
    from = newline + 1;
  }
  return <div className="source-body reader-text-static">{paragraphs}</div>;
}

/** The line boxes of a claim's painted spans, in text order (a claim may run over several lines and spans). */
function linesOf(root: HTMLElement, id: string): DOMRect[] {
  return [...root.querySelectorAll(`[data-claim-id="${CSS.escape(id)}"]`)].flatMap((span) => [...span.getClientRects()]);
}

/** The card's anchor for a claim in the editor's text; `fallback` when none of it is painted. */
function anchorFor(root: HTMLElement, id: string, fallback?: () => DOMRect): Anchor {
  return {
    id,
    lines: () => {
      const lines = linesOf(root, id);
      return lines.length || !fallback ? lines : [fallback()];
    },
    column: () => root.getBoundingClientRect(),
  };
}

/** The source text in TipTap: selectable, never changeable, with claims painted over it. */
export function ReaderEditor(props: Props) {
  const { body, layout, sectionLabel, pageStarts, suggestions, selectedId, flashId, ref, mayTag = true } = props;
  const claims = useMemo(() => props.claims.filter((c) => !c.orphaned), [props.claims]);
  // Cost: O(n log n) for n claims, once per change of the claims; the static text and the editor's
  // decorations both paint with it.
  const painted = useMemo(() => paintClaims(body.length, claims), [body, claims]);
  const firstWindow = useMemo(() => initialPaintWindow(body.length), [body]);
  // The editor reads its content once, when made; built on every render it cost a pass over the
  // text's lines each time the page re-rendered while loading.
  const content = useMemo(() => readerDoc(body, layout, sectionLabel), [body, layout, sectionLabel]);
  const latest = useRef({ ...props, claims, painted });
  latest.current = { ...props, claims, painted };
  const wrapper = useRef<HTMLDivElement>(null);
  const [hasSelection, setHasSelection] = useState(false);
  const [anchor, setAnchor] = useState<Anchor | null>(null);

  const extensions = useMemo(
    () => [
      // elementtiming as on the static text: whichever shows the text first is timed.
      Document, Paragraph.configure({ HTMLAttributes: { elementtiming: "source-text" } }), Text, ReaderSection, BlankLines, UnchangeableText,
      // The claims as they are when the editor is made: its first render paints them.
      claimHighlights(() => {
        const { claims: now, painted: runs, suggestions: marks, selectedId: open, flashId: flashing } = latest.current;
        return { layout, claims: now, painted: runs, suggestions: marks, selectedId: open, flashId: flashing };
      }, { initialWindow: firstWindow }),
      ReaderKeyboard.configure({
        body, layout,
        claims: () => latest.current.claims,
        onTag: (kind, span) => latest.current.onTag(kind, span),
        onOpenClaim: (id) => latest.current.onOpenClaim(id),
      }),
      ...(pageStarts.length ? [pageMarkers(layout, pageStarts)] : []),
    ],
    [body, layout, pageStarts, firstWindow],
  );

  const editor = useEditor(
    {
      extensions,
      content,
      immediatelyRender: false,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          class: "source-body reader-text",
          role: "textbox",
          "aria-multiline": "true",
          "aria-readonly": "true",
          "aria-label": "Source text",
        },
        handleClick: (view, _pos, event) => {
          const target = (event.target as HTMLElement).closest<HTMLElement>("[data-claim-id]");
          if (target && view.state.selection.empty) latest.current.onOpenClaim(target.dataset.claimId!);
          return false;
        },
      },
      onSelectionUpdate: ({ editor: ed }) => {
        const span = selectedSpan(ed, body, layout);
        latest.current.onSelectionChange(span);
        setHasSelection(span !== null);
        // The caret in a claim shows its card (J / K land there; Enter then opens it).
        const { empty, from } = ed.state.selection;
        const claim = empty ? claimAt(latest.current.claims, posToOffset(layout, from)) : null;
        const root = ed.view.dom as HTMLElement;
        setAnchor(claim ? anchorFor(root, claim.id, () => caretRect(ed, offsetToPos(layout, claim.end))) : null);
      },
    },
    [extensions],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const highlights: HighlightState = { layout, claims, painted, suggestions, selectedId, flashId };
    if (!paints(editor.state, highlights)) editor.view.dispatch(editor.state.tr.setMeta(highlightKey, highlights));
    // For `npm run bench`: when the claims are first on screen, as a performance mark.
    if (claims.length && !performance.getEntriesByName("claims-painted").length) {
      requestAnimationFrame(() => {
        performance.mark("claims-painted", { detail: { claims: claims.length } });
        // After the first paint: fetch the toolbar's and the card's code while the reader reads.
        whenIdle(() => Promise.all([loadTagBubble(), loadClaimCard()]), 2000);
      });
    }
  }, [editor, layout, claims, painted, suggestions, selectedId, flashId]);

  useImperativeHandle(ref, () => ({
    reveal(id: string) {
      if (!editor || editor.isDestroyed) return;
      const root = editor.view.dom as HTMLElement;
      const claim = latest.current.claims.find((c) => c.id === id);
      let target: Element | null = root.querySelector(`[data-claim-id="${CSS.escape(id)}"]`);
      if (!target && claim) {
        const { node } = editor.view.domAtPos(offsetToPos(layout, claim.start));
        target = node instanceof Element ? node : node.parentElement;
      }
      target?.scrollIntoView({ block: "center", behavior: "smooth" });
    },
  }), [editor, layout]);

  const onMouseOver = (event: React.MouseEvent) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>("[data-claim-id]");
    if (!target || !editor) return;
    const id = target.dataset.claimId!;
    if (anchor?.id === id) return;
    const root = editor.view.dom as HTMLElement;
    setAnchor(anchorFor(root, id));
  };
  // Stable, so the menu is not sent new options on every render.
  const showToolbar = useCallback(({ editor: ed }: { editor: Editor }) => selectedSpan(ed, body, layout) !== null, [body, layout]);
  const cardClaim = anchor ? claims.find((c) => c.id === anchor.id) : undefined;

  return (
    <div className="reader-wrapper" ref={wrapper} onMouseOver={onMouseOver} onMouseLeave={() => setAnchor(null)}>
      {editor ? <EditorContent editor={editor} /> : <StaticText body={body} painted={painted} stretch={firstWindow} />}
      {editor && mayTag && (
        <Suspense fallback={null}>
          <TagBubble editor={editor} shouldShow={showToolbar} />
        </Suspense>
      )}
      {/* Never while text is selected: the card must not cover the selection or its toolbar. */}
      {anchor && cardClaim && !hasSelection && (
        <Suspense fallback={null}>
          <ClaimCard anchor={anchor} claim={cardClaim} />
        </Suspense>
      )}
    </div>
  );
}

function caretRect(editor: Editor, pos: number): DOMRect {
  const c = editor.view.coordsAtPos(pos);
  return new DOMRect(c.left, c.top, 0, c.bottom - c.top);
}
