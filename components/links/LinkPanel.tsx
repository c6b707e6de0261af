"use client";

import { useEffect, useId, useState } from "react";
import { LINK_RELATIONS, type ClaimView, type LinkRelation } from "@/lib/types";
import { RELATION_LABELS } from "@/lib/labels";
import { callApi } from "@/components/api/client";
import { useAction } from "@/components/useAction";
import { ClaimSearch } from "./ClaimSearch";
import { useSourceTitles } from "./useSourceTitles";
import "./links.css";
import { Quote } from "@/components/Quote";

/** The links of one claim, each with Delete, and a form to add one. Rendered inside the reader's claim editor. */
export function LinkPanel({ claim, onChanged }: { claim: ClaimView; onChanged?: () => void }) {
  const titles = useSourceTitles();
  const relationId = useId();
  const noteId = useId();
  const [links, setLinks] = useState(claim.links);
  const [adding, setAdding] = useState(false);
  const [target, setTarget] = useState<ClaimView | null>(null);
  // No relation is preselected: the researcher judges each link, a default would be saved unread.
  const [relation, setRelation] = useState<LinkRelation | "">("");
  const [note, setNote] = useState("");
  const action = useAction();
  const { busy, error } = action;

  useEffect(() => setLinks(claim.links), [claim]);

  async function afterChange() {
    const { claim: fresh } = await callApi<{ claim: ClaimView }>(`/api/claims/${claim.id}`);
    setLinks(fresh.links);
    onChanged?.();
  }

  const run = (change: () => Promise<unknown>) => action.run(async () => {
    await change();
    await afterChange();
  });

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!target) return;
    if (!relation) {
      action.fail("Choose how the claims relate: contradicts, supports or refines.");
      return;
    }
    const ok = await run(() => callApi("/api/links", { method: "POST", body: { fromId: claim.id, toId: target.id, relation, ...(note.trim() ? { note: note.trim() } : {}) } }));
    if (ok) { setAdding(false); setTarget(null); setNote(""); setRelation(""); }
  }

  return (
    <section className="link-panel" aria-label="Links">
      <h3>Links</h3>
      {links.length === 0 ? <p className="muted">No links yet.</p> : (
        <ul className="link-list" aria-label="Links of this claim">
          {links.map((l) => (
            <li key={l.linkId} data-link-id={l.linkId} className={`relation-${l.relation.toLowerCase()}`}>
              <span className="relation">{RELATION_LABELS[l.relation][l.direction]}</span>{" "}
              <Quote text={l.otherQuote} />{" "}
              <span className="muted">— {titles[l.otherSourceId] ?? "source"}</span>
              {l.note && <span className="muted"> ({l.note})</span>}{" "}
              <button type="button" disabled={busy} onClick={() => run(() => callApi(`/api/links/${l.linkId}`, { method: "DELETE" }))}
                aria-label={`Delete link to: ${l.otherQuote}`}>Delete</button>
            </li>
          ))}
        </ul>
      )}
      {!adding ? (
        <button type="button" onClick={() => { setAdding(true); action.clearError(); }}>Add link</button>
      ) : (
        <form className="link-form" onSubmit={save} aria-label="Add link">
          {target ? (
            <p>Link to <Quote text={target.quote} /> <span className="muted">— {titles[target.sourceId] ?? "source"}</span>{" "}
              <button type="button" onClick={() => setTarget(null)}>Change</button></p>
          ) : (
            <ClaimSearch label="Find the claim to link to" actionLabel="Choose" excludeIds={[claim.id]} onPick={setTarget} />
          )}
          <label htmlFor={relationId}>Relation</label>
          <select id={relationId} value={relation} onChange={(e) => setRelation(e.target.value as LinkRelation)}>
            <option value="" disabled>Choose a relation…</option>
            {LINK_RELATIONS.map((r) => <option key={r} value={r}>{RELATION_LABELS[r].out}</option>)}
          </select>
          <label htmlFor={noteId}>Note (optional)</label>
          <input id={noteId} value={note} onChange={(e) => setNote(e.target.value)} maxLength={5000} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={!target || busy}>Save link</button>
            <button type="button" onClick={() => { setAdding(false); setTarget(null); setRelation(""); action.clearError(); }}>Cancel</button>
          </div>
        </form>
      )}
      {error && <p role="alert" className="error-text">{error}</p>}
    </section>
  );
}
