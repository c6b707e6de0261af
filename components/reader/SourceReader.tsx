"use client";

import { provenanceBefore } from "@/components/provenance/provenance-undo";
import { Suspense, lazy, useEffect, useMemo, useRef, useState } from "react";
import { useLiveChanges } from "@/components/live/LiveChanges";
import { CLAIM_KINDS, receivedReaderClaims, type ClaimView, type ReaderClaim, type ClaimKind, type SentReaderClaims, type SourceSection } from "@/lib/types";
import { textLayout } from "@/lib/text-positions";
import { ClaimList, KindLegend, isShown } from "./ClaimList";
import { claimsApi, type ClaimChange } from "./claimsApi";
import { useDeepLink } from "./hooks/useDeepLink";
import { useOpenClaim } from "./hooks/useOpenClaim";
import { useSuggestions } from "./hooks/useSuggestions";
import { useUndo, type UndoStep } from "./hooks/useUndo";
import { kindLabel, roleLabel } from "@/lib/labels";
import { mayAnnotate, type ProjectRole } from "@/lib/roles";
import { OrphanList } from "./OrphanList";
import { ReaderEditor, type ReaderHandle, type TextSpan } from "./ReaderEditor";
import type { PageStart } from "./extensions/pageMarkers";
import { SuggestionList } from "./SuggestionList";
import { whenIdle } from "./whenIdle";

interface Props {
  sourceId: string;
  body: string;
  sections: SourceSection[];
  pageStarts?: PageStart[];
  initialClaims: SentReaderClaims;
  /** The reader's role in the source's project: a viewer reads and exports, and is offered no
   *  marking (the server refuses it anyway). */
  role?: ProjectRole;
}

const NO_PAGES: PageStart[] = [];

// Not needed until a claim is opened: the panel (with links and provenance, about 40 KB of the
// reader's script) is fetched when the browser is idle after the text is ready, not parsed and
// run before it (the reader at 1,000 claims was ready 90 ms later than before provenance).
const loadClaimEditorPanel = () => import("./ClaimEditorPanel");
const ClaimEditorPanel = lazy(() => loadClaimEditorPanel().then((m) => ({ default: m.ClaimEditorPanel })));

const VIEWER_NOTE = "You can read and export this project's claims; marking them is for its annotators.";

const excerpt = (quote: string) => (quote.length > 60 ? `${quote.slice(0, 60).trimEnd()}…` : quote);

export function SourceReader({ sourceId, body, sections, pageStarts = NO_PAGES, initialClaims: sent, role = "OWNER" }: Props) {
  const mayMark = mayAnnotate(role);
  const initialClaims = useMemo(() => receivedReaderClaims(sent, body), [sent, body]);
  const comments = sections.find((s) => s.kind === "comments") ?? null;
  const layout = useMemo(() => textLayout(body, comments?.start ?? null), [body, comments?.start]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const showError = (text: string) => setMessage({ text, error: true });
  const { claims, selectedId, setSelectedId, selected, reload } = useOpenClaim(sourceId, initialClaims, showError);
  // Another researcher's claim, kind, note or link on this source appears without a reload.
  useLiveChanges((n) => (n.entity === "CLAIM" || n.entity === "LINK") && n.sourceId === sourceId, () => void reload().catch(() => undefined));
  const [flashId, setFlashId] = useState<string | null>(null);
  const [shownKinds, setShownKinds] = useState<ClaimKind[]>([...CLAIM_KINDS]);
  const [shownAuthor, setShownAuthor] = useState<string | null>(null);
  const [selection, setSelection] = useState<TextSpan | null>(null);
  const [busy, setBusy] = useState(false);

  // Orphans are listed apart and never painted: their offsets point at words that are gone.
  const orphans = useMemo(() => claims.filter((c) => c.orphaned), [claims]);
  const anchored = useMemo(() => claims.filter((c) => !c.orphaned), [claims]);
  const visibleClaims = useMemo(() => anchored.filter((c) => isShown(c, shownKinds, shownAuthor)), [anchored, shownKinds, shownAuthor]);
  const suggestions = useSuggestions(sourceId, claims, showError);

  /** Runs one change against the server, then reloads; a refusal is shown, never thrown. */
  const run = async (work: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    try {
      setMessage({ text: await work(), error: false });
    } catch (err) {
      showError(err instanceof Error ? err.message : String(err));
    } finally {
      await reload().catch(() => undefined);
      setBusy(false);
    }
  };

  const undo = useUndo(sourceId, (step: UndoStep, done) =>
    void run(async () => {
      if (step.type === "delete") {
        await claimsApi.restore(step.claimId);
      } else {
        const current = await claimsApi.get(step.claimId);
        if (step.type === "create") await claimsApi.remove(step.claimId, current.version);
        else await claimsApi.update(step.claimId, current.version, step.before);
      }
      done();
      return `Undid ${step.label}`;
    }),
  );

  const createClaim = (kind: ClaimKind, span: { start: number; end: number; quote: string }) =>
    !mayMark ? showError(VIEWER_NOTE) : run(async () => {
      const claim = await claimsApi.create({ sourceId, start: span.start, end: span.end, quote: span.quote, kind });
      undo.push({ type: "create", claimId: claim.id, label: `creating the ${kindLabel(kind).toLowerCase()}` });
      return `${kindLabel(kind)} created: “${excerpt(claim.quote)}”`;
    });

  type Versioned = Pick<ClaimView, "id" | "version" | "kind" | "note" | "start" | "end" | "provenance" | "viewer">;
  /** A claim the reader may not change says why before anything is sent (shortcuts included). */
  const refuseReadOnly = (claim: Pick<ClaimView, "viewer">) => {
    if (claim.viewer?.mayChange !== false) return false;
    showError(claim.viewer.reason ?? "You may not change this claim");
    return true;
  };
  /** `done` completes "Claim …" in the message shown once the change is saved. */
  const updateClaim = (claim: Versioned, change: ClaimChange, done: string) =>
    refuseReadOnly(claim) ? undefined : run(async () => {
      const before: ClaimChange = {};
      if (change.kind !== undefined) before.kind = claim.kind;
      if (change.note !== undefined) before.note = claim.note;
      if (change.start !== undefined) Object.assign(before, { start: claim.start, end: claim.end });
      Object.assign(before, provenanceBefore(claim, change));
      await claimsApi.update(claim.id, claim.version, change);
      const undoLabel = change.start !== undefined ? "the span change" : change.kind !== undefined ? "the kind change" : change.note !== undefined ? "the note edit" : "the provenance change";
      undo.push({ type: "update", claimId: claim.id, before, label: undoLabel });
      return `Claim ${done}`;
    });

  const deleteClaim = (claim: Pick<ClaimView, "id" | "version" | "viewer">) =>
    refuseReadOnly(claim) ? undefined : run(async () => {
      const { removedLinks } = await claimsApi.remove(claim.id, claim.version);
      if (selectedId === claim.id) setSelectedId(null);
      undo.push({ type: "delete", claimId: claim.id, label: "the delete" });
      return `Claim deleted${removedLinks ? ` with ${removedLinks} link${removedLinks === 1 ? "" : "s"}` : ""}. Undo brings it back.`;
    });

  const flashTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const reader = useRef<ReaderHandle>(null);
  useEffect(() => whenIdle(loadClaimEditorPanel, 3000), []);
  const pickClaim = (id: string) => {
    setSelectedId(id);
    setFlashId(id);
    reader.current?.reveal(id);
    clearTimeout(flashTimer.current);
    flashTimer.current = setTimeout(() => setFlashId(null), 1600);
  };
  useDeepLink(pickClaim, (id) => initialClaims.some((c) => c.id === id && c.orphaned));

  return (
    <div className="annotator">
      <div className="reader-column">
        <div className="reader-tools">
          <KindLegend />
          {mayMark && (
            <label className="inline-check">
              <input type="checkbox" checked={suggestions.shown} onChange={(e) => suggestions.setShown(e.target.checked)} /> Show suggestions
            </label>
          )}
        </div>
        {mayMark ? (
          <p className="muted reader-hint">Select text, then choose Fact, Opinion or Prediction (keys F, O, P). Click a claim, or put the caret in it and press Enter, to edit it.</p>
        ) : (
          <p className="reader-hint role-note" role="status" aria-label="Your role"><strong>{roleLabel(role)}.</strong> {VIEWER_NOTE} Click a claim to read it.</p>
        )}
        <ReaderEditor
          ref={reader}
          body={body}
          layout={layout}
          sectionLabel={comments?.label ?? ""}
          pageStarts={pageStarts}
          claims={visibleClaims}
          suggestions={suggestions.marks}
          selectedId={selectedId}
          flashId={flashId}
          onSelectionChange={setSelection}
          onTag={(kind, span) => void createClaim(kind, span)}
          onOpenClaim={setSelectedId}
          mayTag={mayMark}
        />
      </div>
      <aside className="annotator-side" aria-label="Annotations">
        <div className="undo-bar">
          <button type="button" onClick={undo.undo} disabled={!undo.last || busy} aria-keyshortcuts="Control+Z">
            Undo
          </button>
          <span className="muted">{undo.last ? `Undo ${undo.last.label}` : "Nothing to undo"}</span>
        </div>
        <div className={`reader-messages${message?.error ? " error-text" : ""}`} role="status" aria-live="polite">
          {message?.text}
        </div>
        {selected ? (
          <Suspense fallback={<p className="loading" role="status">Opening the claim…</p>}>
            <ClaimEditorPanel
              key={selected.id}
              claim={selected}
              body={body}
              selection={selection}
              busy={busy}
              onUpdate={(change, label) => void updateClaim(selected, change, label)}
              onDelete={() => void deleteClaim(selected)}
              onClose={() => setSelectedId(null)}
              onChanged={() => void reload()}
            />
          </Suspense>
        ) : (
          selectedId && <p className="loading" role="status">Opening the claim…</p>
        )}
        {orphans.length > 0 && (
          <OrphanList
            orphans={orphans} selection={selection} busy={busy} onOpen={setSelectedId}
            onReattach={(claim, span) => void updateClaim(claim, { start: span.start, end: span.end }, "re-attached to the selection")}
            onDelete={(claim) => void deleteClaim(claim)}
          />
        )}
        <ClaimList
          claims={anchored} shownKinds={shownKinds} onShownKindsChange={setShownKinds}
          shownAuthor={shownAuthor} onShownAuthorChange={setShownAuthor} selectedId={selectedId} onPick={pickClaim}
        />
        {suggestions.shown && !suggestions.loaded && <p className="loading" role="status">Finding suggested claims…</p>}
        {suggestions.shown && suggestions.loaded && (
          <SuggestionList
            suggestions={suggestions.open} busy={busy} onAccept={(s, kind) => void createClaim(kind, s)} onDismiss={(s) => void suggestions.changeDismissals([s], true)}
            dismissedCount={suggestions.dismissed.length} onShowDismissed={() => void suggestions.changeDismissals(suggestions.dismissed, false)}
          />
        )}
      </aside>
    </div>
  );
}
