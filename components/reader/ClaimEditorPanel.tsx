"use client";

import { useEffect, useRef, useState } from "react";
import { CLAIM_KINDS, type ClaimView, type HistoryEntry, type ClaimKind } from "@/lib/types";
import { stepSpanByWord } from "@/lib/text-positions";
import { LinkPanel } from "@/components/links/LinkPanel";
import { WhoSaysIt } from "@/components/provenance/WhoSaysIt";
import { claimsApi, type ClaimChange } from "./claimsApi";
import { kindLabel } from "@/lib/labels";
import type { TextSpan } from "./ReaderEditor";

interface Props {
  claim: ClaimView;
  body: string;
  /** The reader's current selection, offered as the claim's new span. */
  selection: TextSpan | null;
  busy: boolean;
  onUpdate: (change: ClaimChange, label: string) => void;
  onDelete: () => void;
  onClose: () => void;
  onChanged: () => void;
}

function describeEntry(entry: HistoryEntry): string {
  const when = new Date(entry.createdAt).toLocaleString("en-GB", { dateStyle: "short", timeStyle: "medium" });
  return `${entry.action.replaceAll("+", ", ")} by ${entry.actorName ?? "someone"}, ${when}`;
}

/** Edit one claim: kind, note, span, links, delete; with its history. */
export function ClaimEditorPanel({ claim, body, selection, busy, onUpdate, onDelete, onClose, onChanged }: Props) {
  const [note, setNote] = useState(claim.note);
  const [confirming, setConfirming] = useState(false);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);

  // When the stored note changes (saved here, or by someone else), an untouched draft follows
  // it; a draft being written is kept, so a refused save (409) loses nothing.
  const lastStoredNote = useRef(claim.note);
  useEffect(() => {
    setNote((draft) => (draft === lastStoredNote.current ? claim.note : draft));
    lastStoredNote.current = claim.note;
  }, [claim.note]);
  useEffect(() => {
    let live = true;
    claimsApi.history(claim.id).then((h) => live && setHistory(h), () => live && setHistory(null));
    return () => {
      live = false;
    };
  }, [claim.id, claim.version, claim.links.length]); // linking changes no version but is history

  const step = (edge: "start" | "end", direction: -1 | 1, label: string) => {
    const span = stepSpanByWord(body, claim, edge, direction);
    if (span.start !== claim.start || span.end !== claim.end) onUpdate(span, label);
  };
  const links = claim.links.length;
  // Rights come with the claim as loaded (GET); a claim just saved here was ours to change.
  const rights = claim.viewer ?? { mayChange: true, mayLink: true, reason: null };

  return (
    <section className="claim-editor" aria-labelledby="claim-editor-title">
      <div className="claim-editor-head">
        <h2 id="claim-editor-title">{rights.mayChange ? "Edit claim" : "Claim"}</h2>
        <button type="button" onClick={onClose}>Close</button>
      </div>
      <blockquote className={`claim-quote kind-${claim.kind.toLowerCase()}`}>{claim.quote}</blockquote>
      <p className="muted">by {claim.authorName} · characters {claim.start}–{claim.end}</p>
      {rights.reason && <p className="read-only-reason" role="note">{rights.reason}</p>}
      {claim.orphaned && (
        <p className="error-text">Orphaned: its words are no longer in the text. Select new words and re-attach it, or delete it.</p>
      )}

      {/* A disabled fieldset disables every control inside it, the provenance form's too. */}
      <fieldset className="claim-controls" disabled={!rights.mayChange} aria-label={rights.mayChange ? undefined : "Claim details (read-only)"}>

      <label className="field">
        Kind{" "}
        <select value={claim.kind} disabled={busy} onChange={(e) => onUpdate({ kind: e.target.value as ClaimKind }, `retagged as ${kindLabel(e.target.value as ClaimKind)}`)}>
          {CLAIM_KINDS.map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
        </select>
      </label>

      <form className="field" onSubmit={(e) => { e.preventDefault(); onUpdate({ note }, "note saved"); }}>
        <label htmlFor="claim-note">Note</label>
        <textarea id="claim-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" disabled={busy || note === claim.note}>Save note</button>
        {note !== claim.note && (
          <p className="muted" id="claim-note-saved">
            Not saved yet. The saved note reads: {claim.note ? `“${claim.note}”` : "(no note)"}
          </p>
        )}
      </form>

      <fieldset className="span-tools">
        <legend>Span</legend>
        {!claim.orphaned && (
          <>
            <button type="button" disabled={busy} onClick={() => step("start", -1, "widened at the start")}>Extend start by a word</button>
            <button type="button" disabled={busy} onClick={() => step("start", 1, "narrowed at the start")}>Shrink start by a word</button>
            <button type="button" disabled={busy} onClick={() => step("end", -1, "narrowed at the end")}>Shrink end by a word</button>
            <button type="button" disabled={busy} onClick={() => step("end", 1, "widened at the end")}>Extend end by a word</button>
          </>
        )}
        <button type="button" disabled={busy || !selection} onClick={() => selection && onUpdate({ start: selection.start, end: selection.end }, claim.orphaned ? "re-attached to the selection" : "moved to the selection")}>
          {claim.orphaned ? "Re-attach to selection" : "Use current selection as span"}
        </button>
      </fieldset>

      <WhoSaysIt claim={claim} busy={busy} onUpdate={onUpdate} />
      </fieldset>

      <fieldset className="claim-controls" disabled={!rights.mayLink}>
        <LinkPanel claim={claim} onChanged={onChanged} />
      </fieldset>

      {rights.mayChange && <div className="danger-zone">
        {confirming ? (
          <div role="group" aria-label="Confirm delete">
            <p>Delete this claim? {links ? `${links} link${links === 1 ? "" : "s"} will be removed with it.` : "It has no links."}</p>
            <button type="button" className="danger" disabled={busy} onClick={() => { setConfirming(false); onDelete(); }}>Confirm delete</button>{" "}
            <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>Delete</button>
        )}
      </div>}

      <h3>History</h3>
      {history ? (
        <ol className="claim-history" aria-label="History">
          {history.map((h) => <li key={h.id}>{describeEntry(h)}</li>)}
        </ol>
      ) : (
        <p className="muted">Loading history…</p>
      )}
    </section>
  );
}
