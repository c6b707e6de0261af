"use client";

import { computePosition, offset, shift } from "@floating-ui/dom";
import Document from "@tiptap/extension-document";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { BubbleMenu } from "@tiptap/react/menus";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { offsetToPos, posToOffset, readerDoc, type TextLayout } from "@/lib/text-positions";
import type { ClaimKind, ReaderClaim, RestsOnView } from "@/lib/types";
import { KIND_LABELS, attributionLabel, kindLabel } from "@/lib/labels";
import { HighlightedRuns } from "@/components/highlights/HighlightedText";
import { paintClaims } from "@/components/highlights/paint";
import { claimHighlights, highlightKey, type HighlightState } from "./extensions/claimDecorations";
import { ReaderKeyboard, claimAt, selectedSpan, type TextSpan } from "./extensions/readerKeyboard";
import { BlankLines, ReaderSection } from "./extensions/readerSection";
import { UnchangeableText } from "./extensions/unchangeableText";
import { pageMarkers, type PageStart } from "./extensions/pageMarkers";
import "./reader.css";

export type { TextSpan };

const BUBBLE_OPTIONS = { placement: "bottom-start", offset: 6, flip: true } as const;

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
}

/** The text with its claims as the server sends it, so highlights show at first paint, before
 *  the editor takes over. Its spans carry data-static-claim-id: they are not yet clickable. */
function StaticText({ body, claims }: { body: string; claims: ReaderClaim[] }) {
  const painted = useMemo(() => paintClaims(body.length, claims), [body, claims]);
  let lineStart = 0;
  return (
    <div className="source-body reader-text-static">
      {body.split("\n").map((line, i) => {
        const from = lineStart;
        lineStart += line.length + 1;
        // elementtiming: the browser records when each paragraph's text is painted (npm run bench).
        return (
          <p key={i} elementtiming="source-text" className={line && !line.trim() ? "blank-line" : undefined}>
            <HighlightedRuns text={body} from={from} to={from + line.length} painted={painted} idAttribute="data-static-claim-id" />
          </p>
        );
      })}
    </div>
  );
}

/** Where the claim card goes: in the margin right of the text column, level with the claim's first
 *  line, so it covers no line being read (above, within or below the claim). A window too narrow
 *  for that margin gets it below the claim's last line: never above, never over the selection. */
type Anchor = { id: string; lines: () => DOMRect[]; column: () => DOMRect };

const MARGIN_GAP = 12; // px between the text column and the card
const MARGIN_MIN = 208; // px: the narrowest card still readable beside the text (13rem)

function ClaimCard({ anchor, claim }: { anchor: Anchor; claim: ReaderClaim }) {
  const card = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ x: number; y: number } | null>(null);
  useLayoutEffect(() => {
    const el = card.current;
    if (!el) return;
    let live = true;
    // Measured when placed, so a scroll since the pointer arrived does not misplace the card.
    const lines = anchor.lines();
    if (!lines.length) return;
    const column = anchor.column();
    const room = document.documentElement.clientWidth - column.right - MARGIN_GAP - 8;
    const beside = room >= MARGIN_MIN;
    // Set before measuring: the card's width decides where shift() keeps it.
    el.style.maxWidth = beside ? `min(24rem, ${room}px)` : "";
    const first = lines[0]!;
    const last = lines[lines.length - 1]!;
    // A virtual reference: the text column's right edge at the height of the claim's first line.
    const reference = { getBoundingClientRect: () => (beside ? new DOMRect(column.right, first.top, 0, first.height) : last) };
    void computePosition(reference, el, { placement: beside ? "right-start" : "bottom-start", middleware: [offset(beside ? MARGIN_GAP : 4), shift({ padding: 8 })] })
      .then(({ x, y }) => live && setPlace({ x, y }));
    return () => {
      live = false;
    };
  }, [anchor]);
  return (
    <div ref={card} className="claim-info" role="status" aria-label="Claim card" style={{ left: place?.x ?? 0, top: place?.y ?? 0, visibility: place ? "visible" : "hidden" }}>
      <strong>{kindLabel(claim.kind)}</strong> by {claim.authorName}
      {" · "}{claim.linkCount} link{claim.linkCount === 1 ? "" : "s"}
      {claim.orphaned && <span className="claim-info-orphaned"> · orphaned: its words are no longer in the text</span>}
      <span className="claim-info-line">{whoSaysIt(claim)}</span>
      {claim.restsOn && <span className="claim-info-line">Rests on {originWords(claim.restsOn)}</span>}
      {claim.note && <span className="claim-info-note">{claim.note}</span>}
    </div>
  );
}

/** "Said by Kassym-Jomart Tokayev, President of Kazakhstan · Direct quote"; a reader comment never names anyone. */
function whoSaysIt(claim: ReaderClaim): string {
  if (claim.attributionType === "READER_COMMENT") return "Reader comment, not the author's claim";
  const who = claim.speaker ? `Said by ${claim.speaker.name}${claim.speaker.role ? `, ${claim.speaker.role}` : ""}` : "No speaker named";
  return `${who} · ${attributionLabel(claim.attributionType)}`;
}

const CARD_QUOTE = 90; // characters of an origin claim's quote a card shows

function originWords(restsOn: RestsOnView): string {
  if (restsOn.kind === "claim") return `a claim: “${restsOn.label.length > CARD_QUOTE ? `${restsOn.label.slice(0, CARD_QUOTE).trimEnd()}…` : restsOn.label}”`;
  if (restsOn.kind === "source") return `the source ${restsOn.label}`;
  return restsOn.label;
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
  const { body, layout, sectionLabel, pageStarts, suggestions, selectedId, flashId } = props;
  const claims = useMemo(() => props.claims.filter((c) => !c.orphaned), [props.claims]);
  const latest = useRef({ ...props, claims });
  latest.current = { ...props, claims };
  const wrapper = useRef<HTMLDivElement>(null);
  const [hasSelection, setHasSelection] = useState(false);
  const [anchor, setAnchor] = useState<Anchor | null>(null);

  const extensions = useMemo(
    () => [
      // elementtiming as on the static text: whichever shows the text first is timed.
      Document, Paragraph.configure({ HTMLAttributes: { elementtiming: "source-text" } }), Text, ReaderSection, BlankLines, UnchangeableText,
      claimHighlights({ layout, claims: [], suggestions: [], selectedId: null, flashId: null }),
      ReaderKeyboard.configure({
        body, layout,
        claims: () => latest.current.claims,
        onTag: (kind, span) => latest.current.onTag(kind, span),
        onOpenClaim: (id) => latest.current.onOpenClaim(id),
      }),
      ...(pageStarts.length ? [pageMarkers(layout, pageStarts)] : []),
    ],
    [body, layout, pageStarts],
  );

  const editor = useEditor(
    {
      extensions,
      content: readerDoc(body, layout, sectionLabel),
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
    const highlights: HighlightState = { layout, claims, suggestions, selectedId, flashId };
    editor.view.dispatch(editor.state.tr.setMeta(highlightKey, highlights));
    // For `npm run bench`: when the claims are first on screen, as a performance mark.
    if (claims.length && !performance.getEntriesByName("claims-painted").length) {
      requestAnimationFrame(() => performance.mark("claims-painted", { detail: { claims: claims.length } }));
    }
  }, [editor, layout, claims, suggestions, selectedId, flashId]);

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
      {editor ? <EditorContent editor={editor} /> : <StaticText body={body} claims={claims} />}
      {editor && (
        // TipTap's BubbleMenu shows it under a selection that holds words, placed by Floating UI.
        <BubbleMenu editor={editor} className="tag-bubble" shouldShow={showToolbar} options={BUBBLE_OPTIONS}>
          <div className="tag-toolbar" role="toolbar" aria-label="Tag the selection as">
            {(Object.keys(KIND_LABELS) as ClaimKind[]).map((kind) => (
              <button key={kind} type="button" className={`kind-button kind-${kind.toLowerCase()}`} onMouseDown={(e) => e.preventDefault()}
                onClick={() => editor.commands.tagSelection(kind)} aria-keyshortcuts={kindLabel(kind)[0]}>
                {kindLabel(kind)}
              </button>
            ))}
          </div>
        </BubbleMenu>
      )}
      {/* Never while text is selected: the card must not cover the selection or its toolbar. */}
      {anchor && cardClaim && !hasSelection && <ClaimCard anchor={anchor} claim={cardClaim} />}
    </div>
  );
}

function caretRect(editor: Editor, pos: number): DOMRect {
  const c = editor.view.coordsAtPos(pos);
  return new DOMRect(c.left, c.top, 0, c.bottom - c.top);
}
