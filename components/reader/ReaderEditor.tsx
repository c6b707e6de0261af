"use client";

import Document from "@tiptap/extension-document";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { ReaderClaim, ClaimKind } from "@/lib/types";
import { highlightSegments } from "@/lib/highlight-segments";
import { offsetToPos, posToOffset, readerDoc, type TextLayout } from "@/lib/text-positions";
import { KIND_LABELS, kindLabel } from "@/lib/labels";
import { claimHighlights, highlightKey, pageMarkers, ReaderSection, UnchangeableText, type HighlightState, type PageStart } from "./readerExtensions";

export interface TextSpan {
  start: number;
  end: number;
  quote: string;
}

interface Props {
  body: string;
  layout: TextLayout;
  sectionLabel: string;
  /** PDF-born sources: where pages 2, 3, … begin, shown as discreet markers. */
  pageStarts: PageStart[];
  claims: ReaderClaim[];
  suggestions: HighlightState["suggestions"];
  selectedId: string | null;
  flashId: string | null;
  onSelectionChange: (span: TextSpan | null) => void;
  onTag: (kind: ClaimKind, span: TextSpan) => void;
  onOpenClaim: (id: string) => void;
}

const SHORTCUTS: Record<string, ClaimKind> = { f: "FACT", o: "OPINION", p: "PREDICTION" };

function selectedSpan(editor: Editor, layout: TextLayout): TextSpan | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  const quote = editor.state.doc.textBetween(from, to, "\n");
  if (!quote.trim()) return null;
  return { start: posToOffset(layout, from), end: posToOffset(layout, to), quote };
}

/** The innermost claim holding a text offset (the shortest span wins). */
function claimAt(claims: ReaderClaim[], offset: number): ReaderClaim | null {
  const holding = claims.filter((c) => c.start <= offset && offset < c.end);
  return holding.sort((a, b) => a.end - a.start - (b.end - b.start))[0] ?? null;
}

type Floating = { top: number; left: number };

/** The text with its claims as the server sends it, so highlights show at first paint, before
 *  the editor takes over. Its spans carry data-static-claim-id: they are not yet clickable. */
function StaticText({ body, claims }: { body: string; claims: ReaderClaim[] }) {
  let lineStart = 0;
  const kindOf = new Map(claims.map((c) => [c.id, c.kind]));
  return (
    <div className="source-body reader-text-static">
      {body.split("\n").map((line, i) => {
        const start = lineStart;
        lineStart += line.length + 1;
        const spans = claims
          .filter((c) => c.start < start + line.length && c.end > start)
          .map((c) => ({ id: c.id, start: Math.max(0, c.start - start), end: Math.min(line.length, c.end - start) }));
        // elementtiming: the browser records when each paragraph's text is painted (npm run bench).
        if (!spans.length) return <p key={i} elementtiming="source-text">{line}</p>;
        return (
          <p key={i} elementtiming="source-text">
            {highlightSegments(line.length, spans).map((seg) =>
              seg.claimId ? (
                <span key={seg.start} className={`claim claim-${kindOf.get(seg.claimId)!.toLowerCase()}`} data-static-claim-id={seg.claimId}>
                  {line.slice(seg.start, seg.end)}
                </span>
              ) : (
                line.slice(seg.start, seg.end)
              ),
            )}
          </p>
        );
      })}
    </div>
  );
}

/** The source text in TipTap: selectable, never changeable, with claims painted over it. */
export function ReaderEditor(props: Props) {
  const { body, layout, sectionLabel, pageStarts, claims, suggestions, selectedId, flashId } = props;
  const latest = useRef(props);
  latest.current = props;
  const wrapper = useRef<HTMLDivElement>(null);
  const [toolbar, setToolbar] = useState<(Floating & { span: TextSpan }) | null>(null);
  const [info, setInfo] = useState<(Floating & { id: string }) | null>(null);

  const editorRef = useRef<Editor | null>(null);
  // Tagging collapses the selection, so the toolbar goes away as the claim appears.
  function tagSpan(kind: ClaimKind, span: TextSpan) {
    latest.current.onTag(kind, span);
    editorRef.current?.commands.setTextSelection(offsetToPos(layout, span.end));
  }

  /** Toolbars go below the text they act on; claim details above it (a CSS transform lifts them), so
   *  showing them never lengthens the page under the pointer. */
  const floatingAt = (editor: Editor, pos: number, above = false): Floating => {
    const coords = editor.view.coordsAtPos(pos);
    const box = wrapper.current!.getBoundingClientRect();
    return { top: above ? coords.top - box.top - 6 : coords.bottom - box.top + 6, left: Math.max(0, coords.left - box.left) };
  };

  const extensions = useMemo(
    () => [
      // elementtiming as on the static text: whichever shows the text first is timed.
      Document, Paragraph.configure({ HTMLAttributes: { elementtiming: "source-text" } }), Text, ReaderSection, UnchangeableText,
      claimHighlights({ layout, claims: [], suggestions: [], selectedId: null, flashId: null }),
      ...(pageStarts.length ? [pageMarkers(layout, pageStarts)] : []),
    ],
    [layout, pageStarts],
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
        handleKeyDown: (view, event) => {
          if (event.ctrlKey || event.metaKey || event.altKey) return false;
          const ed = editorRef.current;
          if (!ed) return false;
          const span = selectedSpan(ed, layout);
          const kind = SHORTCUTS[event.key.toLowerCase()];
          if (span && kind) {
            tagSpan(kind, span);
            return true;
          }
          // J / K: caret to the next / previous claim (its details then show, Enter opens it).
          if ((event.key === "j" || event.key === "k") && !event.shiftKey && view.state.selection.empty) {
            const offset = posToOffset(layout, view.state.selection.from);
            const byStart = [...latest.current.claims].sort((a, b) => a.start - b.start || a.end - b.end);
            const target = event.key === "j" ? byStart.find((c) => c.start > offset) : byStart.reverse().find((c) => c.start < offset);
            if (target) ed.chain().setTextSelection(offsetToPos(layout, target.start)).scrollIntoView().run();
            return true;
          }
          if (event.key === "Enter" && view.state.selection.empty) {
            const claim = claimAt(latest.current.claims, posToOffset(layout, view.state.selection.from));
            if (claim) latest.current.onOpenClaim(claim.id);
            return true;
          }
          return false;
        },
        handleClick: (view, _pos, event) => {
          const target = (event.target as HTMLElement).closest<HTMLElement>("[data-claim-id]");
          if (target && view.state.selection.empty) latest.current.onOpenClaim(target.dataset.claimId!);
          return false;
        },
      },
      onSelectionUpdate: ({ editor: ed }) => {
        const span = selectedSpan(ed, layout);
        latest.current.onSelectionChange(span);
        setToolbar(span ? { ...floatingAt(ed, ed.state.selection.to), span } : null);
        const { empty, from } = ed.state.selection;
        const claim = empty ? claimAt(latest.current.claims, posToOffset(layout, from)) : null;
        setInfo(claim ? { ...floatingAt(ed, from, true), id: claim.id } : null);
      },
    },
    [extensions],
  );
  editorRef.current = editor;

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const highlights: HighlightState = {
      layout,
      claims: claims.map(({ id, start, end, kind }) => ({ id, start, end, kind })),
      suggestions, selectedId, flashId,
    };
    editor.view.dispatch(editor.state.tr.setMeta(highlightKey, highlights));
    // For `npm run bench`: when the claims are first on screen, as a performance mark.
    if (claims.length && !performance.getEntriesByName("claims-painted").length) {
      requestAnimationFrame(() => performance.mark("claims-painted", { detail: { claims: claims.length } }));
    }
  }, [editor, layout, claims, suggestions, selectedId, flashId]);


  const onMouseOver = (event: React.MouseEvent) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>("[data-claim-id]");
    if (!target || !wrapper.current) return;
    const box = wrapper.current.getBoundingClientRect();
    const rect = target.getBoundingClientRect();
    setInfo({ id: target.dataset.claimId!, top: rect.top - box.top - 6, left: Math.max(0, rect.left - box.left) });
  };
  const infoClaim = info ? claims.find((c) => c.id === info.id) : undefined;

  return (
    <div className="reader-wrapper" ref={wrapper} onMouseOver={onMouseOver} onMouseLeave={() => setInfo(null)}>
      {editor ? (
        <EditorContent editor={editor} />
      ) : (
        <StaticText body={body} claims={claims} />
      )}
      {toolbar && (
        <div className="tag-toolbar" role="toolbar" aria-label="Tag the selection as" style={{ top: toolbar.top, left: toolbar.left }}>
          {(Object.keys(KIND_LABELS) as ClaimKind[]).map((kind) => (
            <button key={kind} type="button" className={`kind-button kind-${kind.toLowerCase()}`} onMouseDown={(e) => e.preventDefault()} onClick={() => tagSpan(kind, toolbar.span)}
              aria-keyshortcuts={kindLabel(kind)[0]}>
              {kindLabel(kind)}
            </button>
          ))}
        </div>
      )}
      {infoClaim && !toolbar && (
        <div className="claim-info" role="status" style={{ top: info!.top, left: info!.left }}>
          <strong>{kindLabel(infoClaim.kind)}</strong> by {infoClaim.authorName}
          {" · "}{infoClaim.linkCount} link{infoClaim.linkCount === 1 ? "" : "s"}
          {infoClaim.note && <span className="claim-info-note">{infoClaim.note}</span>}
        </div>
      )}
    </div>
  );
}
