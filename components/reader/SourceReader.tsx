"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { CLAIM_KINDS, type ClaimView, type ReaderClaim, type ClaimKind, type SourceSection } from "@/lib/types";
import { suggestionDismissalKey } from "@/lib/dismissals";
import type { Suggestion } from "@/lib/suggestions/sentences";
import { textLayout } from "@/lib/text-positions";
import { ClaimEditorPanel } from "./ClaimEditorPanel";
import { ClaimList, KindLegend, isShown } from "./ClaimList";
import { claimsApi, type ClaimChange } from "./claimsApi";
import { kindLabel } from "@/lib/labels";
import { ReaderEditor, type TextSpan } from "./ReaderEditor";
import type { PageStart } from "./readerExtensions";
import { SuggestionList, suggestionKey } from "./SuggestionList";
import { isTextEntry } from "../text-entry";

/** What Undo does for the last change: the inverse call, made against the claim's current version. */
type UndoStep =
  | { type: "create"; claimId: string; label: string }
  | { type: "update"; claimId: string; before: ClaimChange; label: string }
  | { type: "delete"; claimId: string; label: string };

const MAX_UNDO_STEPS = 50;

interface Props {
  sourceId: string;
  body: string;
  sections: SourceSection[];
  pageStarts?: PageStart[];
  initialClaims: ReaderClaim[];
}

const NO_PAGES: PageStart[] = [];

/** Ctrl+Z inside a text field undoes typing there, not the last claim change. */
export function SourceReader({ sourceId, body, sections, pageStarts = NO_PAGES, initialClaims }: Props) {
  const comments = sections.find((s) => s.kind === "comments") ?? null;
  const layout = useMemo(() => textLayout(body, comments?.start ?? null), [body, comments?.start]);
  const [claims, setClaims] = useState(initialClaims);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [flashId, setFlashId] = useState<string | null>(null);
  const [shownKinds, setShownKinds] = useState<ClaimKind[]>([...CLAIM_KINDS]);
  const [shownAuthor, setShownAuthor] = useState<string | null>(null);
  const [selection, setSelection] = useState<TextSpan | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [undoSteps, setUndoSteps] = useState<UndoStep[]>([]);
  // Kept for the tab's session, so a reload does not lose what Undo can take back; each step
  // re-reads the claim's current version when it runs, so an old step is still safe.
  const undoKey = `undo:${sourceId}`;
  const undoRestored = useRef(false);
  useEffect(() => {
    if (undoRestored.current) sessionStorage.setItem(undoKey, JSON.stringify(undoSteps.slice(-MAX_UNDO_STEPS)));
  }, [undoKey, undoSteps]);
  useEffect(() => { // after the effect above, so the first render's empty list never overwrites the kept one
    try {
      setUndoSteps(JSON.parse(sessionStorage.getItem(undoKey) ?? "[]") as UndoStep[]);
    } catch {
      sessionStorage.removeItem(undoKey);
    }
    undoRestored.current = true;
  }, [undoKey]);
  const [busy, setBusy] = useState(false);
  const [showSuggestions, setShowSuggestions] = useState(false);
  // Loaded the first time suggestions are shown: most visits never pay for them.
  const [suggestions, setSuggestions] = useState<(Suggestion & { dismissed: boolean })[]>([]);
  const [suggestionsLoaded, setSuggestionsLoaded] = useState(false);
  useEffect(() => {
    if (!showSuggestions || suggestionsLoaded) return;
    claimsApi.suggestions(sourceId)
      .then((data) => {
        setSuggestions(data.suggestions);
        setSuggestionsLoaded(true);
      })
      .catch(() => setSuggestionsLoaded(false));
  }, [showSuggestions, suggestionsLoaded, sourceId]);

  const visibleClaims = useMemo(() => claims.filter((c) => isShown(c, shownKinds, shownAuthor)), [claims, shownKinds, shownAuthor]);
  const openSuggestions = useMemo(
    () => suggestions.filter((s) => !s.dismissed && !claims.some((c) => c.start === s.start && c.end === s.end)),
    [suggestions, claims],
  );
  const suggestionMarks = useMemo(
    () => (showSuggestions ? openSuggestions.map((s) => ({ key: suggestionKey(s), start: s.start, end: s.end })) : []),
    [showSuggestions, openSuggestions],
  );
  // The open claim in full (links, history): loaded when opened, and again by every reload, so
  // a change made right after a save goes against the claim's current version.
  const [openClaim, setOpenClaim] = useState<ClaimView | null>(null);
  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;
  const selected = openClaim?.id === selectedId && !openClaim.deleted ? openClaim : null;

  const reload = useCallback(async () => {
    const openId = selectedRef.current;
    const [fresh, open] = await Promise.all([
      claimsApi.listForReader(sourceId),
      openId ? claimsApi.get(openId).catch(() => undefined) : undefined, // unreachable: keep what is shown
    ]);
    setClaims(fresh);
    if (open && !open.deleted) setOpenClaim(open);
    else if (open?.deleted && selectedRef.current === openId) setSelectedId(null); // nothing left to edit
  }, [sourceId]);

  useEffect(() => {
    if (!selectedId) return;
    let live = true;
    // A claim deleted elsewhere since this page loaded: say so, and take it out of the text.
    const gone = (text: string) => {
      setMessage({ text, error: true });
      setSelectedId(null);
      void reload().catch(() => undefined);
    };
    claimsApi.get(selectedId).then(
      (claim) => live && (claim.deleted ? gone(`Claim ${claim.id} was deleted meanwhile`) : setOpenClaim(claim)),
      (err: Error) => live && gone(err.message),
    );
    return () => {
      live = false;
    };
  }, [selectedId, reload]);

  /** Runs one change against the server, then reloads; a refusal is shown, never thrown. */
  const run = useCallback(
    async (work: () => Promise<string>) => {
      if (busy) return;
      setBusy(true);
      try {
        const done = await work();
        setMessage({ text: done, error: false });
      } catch (err) {
        setMessage({ text: err instanceof Error ? err.message : String(err), error: true });
      } finally {
        await reload().catch(() => undefined);
        setBusy(false);
      }
    },
    [busy, reload],
  );

  const createClaim = (kind: ClaimKind, span: { start: number; end: number; quote: string }) =>
    run(async () => {
      const claim = await claimsApi.create({ sourceId, start: span.start, end: span.end, quote: span.quote, kind });
      setUndoSteps((s) => [...s, { type: "create", claimId: claim.id, label: `creating the ${kindLabel(kind).toLowerCase()}` }]);
      return `${kindLabel(kind)} created: “${claim.quote.length > 60 ? `${claim.quote.slice(0, 60).trimEnd()}…` : claim.quote}”`;
    });

  /** `done` completes "Claim …" in the message shown once the change is saved. */
  const updateClaim = (claim: ClaimView, change: ClaimChange, done: string) =>
    run(async () => {
      const before: ClaimChange = {};
      if (change.kind !== undefined) before.kind = claim.kind;
      if (change.note !== undefined) before.note = claim.note;
      if (change.start !== undefined) Object.assign(before, { start: claim.start, end: claim.end });
      await claimsApi.update(claim.id, claim.version, change);
      const undoLabel = change.start !== undefined ? "the span change" : change.kind !== undefined ? "the kind change" : "the note edit";
      setUndoSteps((s) => [...s, { type: "update", claimId: claim.id, before, label: undoLabel }]);
      return `Claim ${done}`;
    });

  const deleteClaim = (claim: ClaimView) =>
    run(async () => {
      const { removedLinks } = await claimsApi.remove(claim.id, claim.version);
      setSelectedId(null);
      setUndoSteps((s) => [...s, { type: "delete", claimId: claim.id, label: "the delete" }]);
      return `Claim deleted${removedLinks ? ` with ${removedLinks} link${removedLinks === 1 ? "" : "s"}` : ""}. Undo brings it back.`;
    });

  const undo = () => {
    const step = undoSteps.at(-1);
    if (!step) return;
    return run(async () => {
      if (step.type === "delete") {
        await claimsApi.restore(step.claimId);
      } else {
        const current = await claimsApi.get(step.claimId);
        if (step.type === "create") await claimsApi.remove(step.claimId, current.version);
        else await claimsApi.update(step.claimId, current.version, step.before);
      }
      setUndoSteps((s) => s.slice(0, -1));
      return `Undid ${step.label}`;
    });
  };
  const undoRef = useRef(undo);
  undoRef.current = undo;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.key.toLowerCase() !== "z" || isTextEntry(event.target)) return;
      event.preventDefault();
      void undoRef.current();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const flashTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pickClaim = (id: string) => {
    setSelectedId(id);
    setFlashId(id);
    document.querySelector(`.reader-text [data-claim-id="${id}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
    clearTimeout(flashTimer.current);
    flashTimer.current = setTimeout(() => setFlashId(null), 1600);
  };

  // A link to /sources/<id>#claim-<claimId> (claims list, search, clusters) opens that claim
  // once the editor has painted it.
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.match(/^#claim-(.+)$/)?.[1] ?? "");
    if (!id) return;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout>;
    const attempt = () => {
      if (document.querySelector(`.reader-text [data-claim-id="${CSS.escape(id)}"]`)) pickClaim(id);
      else if (tries++ < 60) timer = setTimeout(attempt, 50);
    };
    attempt();
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the address the page was opened with
  }, []);

  // Dismissals are kept per researcher on the server (lib/dismissals.ts); the list hides one at once.
  const setDismissed = (spans: { start: number; end: number }[], dismissed: boolean) =>
    setSuggestions((all) => all.map((x) => (spans.some((s) => s.start === x.start && s.end === x.end) ? { ...x, dismissed } : x)));
  const changeDismissals = async (spans: { start: number; end: number }[], dismissed: boolean) => {
    setDismissed(spans, dismissed);
    try {
      await claimsApi.setDismissed(spans.map((s) => suggestionDismissalKey(sourceId, s)), dismissed);
    } catch (err) {
      setDismissed(spans, !dismissed);
      setMessage({ text: err instanceof Error ? err.message : String(err), error: true });
    }
  };
  const dismissedSuggestions = suggestions.filter((s) => s.dismissed);

  const lastStep = undoSteps.at(-1);
  return (
    <div className="annotator">
      <div className="reader-column">
        <div className="reader-tools">
          <KindLegend />
          <label className="inline-check">
            <input type="checkbox" checked={showSuggestions} onChange={(e) => setShowSuggestions(e.target.checked)} /> Show suggestions
          </label>
        </div>
        <p className="muted reader-hint">Select text, then choose Fact, Opinion or Prediction (keys F, O, P). Click a claim, or put the caret in it and press Enter, to edit it.</p>
        <ReaderEditor
          body={body}
          layout={layout}
          sectionLabel={comments?.label ?? ""}
          pageStarts={pageStarts}
          claims={visibleClaims}
          suggestions={suggestionMarks}
          selectedId={selectedId}
          flashId={flashId}
          onSelectionChange={setSelection}
          onTag={(kind, span) => void createClaim(kind, span)}
          onOpenClaim={setSelectedId}
        />
      </div>
      <aside className="annotator-side" aria-label="Annotations">
        <div className="undo-bar">
          <button type="button" onClick={() => void undo()} disabled={!lastStep || busy} aria-keyshortcuts="Control+Z">
            Undo
          </button>
          <span className="muted">{lastStep ? `Undo ${lastStep.label}` : "Nothing to undo"}</span>
        </div>
        <div className={`reader-messages${message?.error ? " error-text" : ""}`} role="status" aria-live="polite">
          {message?.text}
        </div>
        {selected ? (
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
        ) : (
          selectedId && <p className="loading" role="status">Opening the claim…</p>
        )}
        <ClaimList
          claims={claims} shownKinds={shownKinds} onShownKindsChange={setShownKinds}
          shownAuthor={shownAuthor} onShownAuthorChange={setShownAuthor} selectedId={selectedId} onPick={pickClaim}
        />
        {showSuggestions && !suggestionsLoaded && <p className="loading" role="status">Finding suggested claims…</p>}
        {showSuggestions && suggestionsLoaded && (
          <SuggestionList
            suggestions={openSuggestions} busy={busy} onAccept={(s, kind) => void createClaim(kind, s)} onDismiss={(s) => void changeDismissals([s], true)}
            dismissedCount={dismissedSuggestions.length} onShowDismissed={() => void changeDismissals(dismissedSuggestions, false)}
          />
        )}
      </aside>
    </div>
  );
}
