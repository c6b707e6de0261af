"use client";
// Curation of a round: each unit where the annotators differ, their versions side by side, and
// the curator's choice: accept one version, edit one (another kind), or reject all. Accepted and
// edited versions become claims of the project's curated set; every decision is in the history.
import { useState } from "react";
import { callApi } from "@/components/api/client";
import { useAction } from "@/components/useAction";
import { KIND_LABELS, kindLabel } from "@/lib/labels";
import { CLAIM_KINDS, type ClaimKind, type CurationUnitView } from "@/lib/types";

const ISSUE_WORDS: Record<CurationUnitView["issues"][number], string> = {
  kinds: "the same words tagged differently",
  "only-one": "not marked by every annotator",
  spans: "passages overlap but differ",
};

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

function Unit({ unit, mayDecide, decide }: { unit: CurationUnitView; mayDecide: boolean; decide: (body: object) => Promise<boolean> }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [kind, setKind] = useState<ClaimKind>("FACT");
  const ids = unit.claims.map((c) => c.id);
  const label = `Passage at ${unit.start}–${unit.end}`;
  return (
    <li className="curation-unit" aria-label={label}>
      <p className="unit-issues"><strong>{label}:</strong> {unit.issues.length ? unit.issues.map((i) => ISSUE_WORDS[i]).join("; ") : "all agree"}</p>
      <div className="versions">
        {unit.claims.map((c) => (
          <div key={c.id} className="version" role="group" aria-label={`${c.authorName}'s version`}>
            <p className="version-head"><strong>{c.authorName}</strong> <span className={`kind-badge kind-${c.kind.toLowerCase()}`}>{kindLabel(c.kind)}</span> <span className="muted">{c.start}–{c.end}</span></p>
            <blockquote>{c.quote}</blockquote>
            {mayDecide && !unit.decision && (
              editing === c.id ? (
                <form onSubmit={(e) => { e.preventDefault(); void decide({ unit: ids, decision: "edit", claimId: c.id, kind }).then((ok) => ok && setEditing(null)); }}>
                  <label>Kind <select value={kind} onChange={(e) => setKind(e.target.value as ClaimKind)}>
                    {CLAIM_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
                  </select></label>{" "}
                  <button type="submit" className="primary">Save edited version</button>{" "}
                  <button type="button" onClick={() => setEditing(null)}>Cancel</button>
                </form>
              ) : (
                <p className="version-actions">
                  <button type="button" className="primary" onClick={() => void decide({ unit: ids, decision: "accept", claimId: c.id })}>Accept {c.authorName}&apos;s version</button>{" "}
                  <button type="button" onClick={() => { setKind(c.kind); setEditing(c.id); }}>Edit {c.authorName}&apos;s version</button>
                </p>
              )
            )}
          </div>
        ))}
      </div>
      {unit.decision ? (
        <p className="unit-decision" role="status">
          {unit.decision.decision === "REJECT" ? "Rejected" : unit.decision.decision === "EDIT" ? "Edited and accepted" : "Accepted"} by {unit.decision.decidedByName}, {when(unit.decision.decidedAt)}
          {unit.decision.resultKind && <>: curated as {kindLabel(unit.decision.resultKind).toLowerCase()}, “{unit.decision.resultQuote}”</>}
        </p>
      ) : mayDecide && (
        <p><button type="button" onClick={() => void decide({ unit: ids, decision: "reject" })}>Reject all</button></p>
      )}
    </li>
  );
}

export function CurationList({ roundId, initialUnits, mayDecide, decidable }: { roundId: string; initialUnits: CurationUnitView[]; mayDecide: boolean; decidable: boolean }) {
  const [units, setUnits] = useState(initialUnits);
  const { busy, error, run } = useAction();
  const reload = async () => setUnits((await callApi<{ units: CurationUnitView[] }>(`/api/rounds/${roundId}/disagreements?all=1`)).units);
  const decide = (body: object) => run(async () => {
    try {
      await callApi(`/api/rounds/${roundId}/decisions`, { method: "POST", body });
    } finally {
      await reload();
    }
  });
  const open = units.filter((u) => u.issues.length > 0);
  const agreed = units.filter((u) => u.issues.length === 0);
  const agreedOpen = agreed.filter((u) => !u.decision);
  const canDecide = mayDecide && decidable;
  return (
    <section aria-labelledby="curation-heading" className="curation" aria-busy={busy}>
      <h2 id="curation-heading">Curation</h2>
      <p className="figure-note">
        Each item is one passage: the annotators&apos; versions side by side. Accept one, edit one (give it another kind), or reject them all.
        Accepted versions form the project&apos;s curated set (export it with “Curated set” below).
        {!decidable && " Curation starts when every annotator is done or the round is closed."}
        {decidable && !mayDecide && " Only a curator or an owner decides."}
      </p>
      {error && <p role="alert" className="error-text">{error}</p>}
      {open.length === 0 ? <p>No disagreements: the annotators marked the same passages with the same kinds.</p> : (
        <ol className="curation-list" aria-label="Disagreements">
          {open.map((u) => <Unit key={u.claims.map((c) => c.id).join()} unit={u} mayDecide={canDecide} decide={decide} />)}
        </ol>
      )}
      {agreed.length > 0 && (
        <p>
          {agreed.length} passage{agreed.length === 1 ? "" : "s"} where everyone agreed{agreedOpen.length < agreed.length && ` (${agreed.length - agreedOpen.length} already decided)`}.{" "}
          {canDecide && agreedOpen.length > 0 && (
            <button type="button" disabled={busy} onClick={() => void run(async () => {
              // One decision per passage: each is its own transaction and history row.
              for (const u of agreedOpen) await callApi(`/api/rounds/${roundId}/decisions`, { method: "POST", body: { unit: u.claims.map((c) => c.id), decision: "accept", claimId: u.claims[0]!.id } });
              await reload();
            })}>Accept all {agreedOpen.length} agreed passage{agreedOpen.length === 1 ? "" : "s"}</button>
          )}
        </p>
      )}
    </section>
  );
}
