"use client";
// The cluster page's judgments: the event its dates are of, a claim's corrected value, and links
// among its members. Each saves through the one client and refreshes the server page.

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { callApi, errorMessage } from "@/components/api/client";
import { RELATION_LABELS } from "@/lib/labels";
import { DATE_PRECISION_VALUES, LINK_RELATIONS, type DatePrecisionValue, type DateValueView, type LinkRelation, type ValueCorrectionView } from "@/lib/types";

function useSave() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function save(action: () => Promise<unknown>) {
    setError(null);
    setBusy(true);
    try {
      await action();
      router.refresh();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, save };
}

/** Names the event the members' dates are of: dates are compared only within one event. */
export function ClusterEventForm({ clusterId, event }: { clusterId: string; event: string | null }) {
  const id = useId();
  const [value, setValue] = useState(event ?? "");
  const { error, busy, save } = useSave();
  return (
    <form className="inline-form" aria-label="Event the dates are of" onSubmit={(e) => {
      e.preventDefault();
      void save(() => callApi(`/api/clusters/${clusterId}`, { method: "PATCH", body: { event: value.trim() || null } }));
    }}>
      <label htmlFor={id}>Event these claims date</label>
      <input id={id} value={value} onChange={(e) => setValue(e.target.value)} maxLength={200} placeholder="e.g. CSTO founded" />
      <button type="submit" disabled={busy}>Save event</button>
      {error && <p role="alert" className="error-text">{error}</p>}
    </form>
  );
}

const numberOrNull = (s: string) => (s.trim() === "" ? null : Number(s.replace(/[,\s]/g, "")));

const PRECISION_WORDS: Record<DatePrecisionValue, string> = { DAY: "day", MONTH: "month", YEAR: "year" };

/** A researcher's correction of one claim's value; empty fields leave the parse alone.
 *  `date` is the claim's date as the cluster shows it; only a stored one (corrected) fills the fields. */
export function ValueCorrectionForm({ claimId, number, correction, date }: { claimId: string; number: number; correction: ValueCorrectionView | null; date: DateValueView | null }) {
  const c = correction;
  const text = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));
  const stored = date?.corrected ? date : null;
  const initialDate = { start: stored?.start ?? "", end: stored?.end ?? "", precision: (stored?.precision.toUpperCase() ?? "DAY") as DatePrecisionValue };
  const [dated, setDated] = useState(initialDate);
  const dateChanged = dated.start !== initialDate.start || dated.end !== initialDate.end || dated.precision !== initialDate.precision;
  const [fields, setFields] = useState({
    quantity: c?.quantity ?? "", unit: c?.unit ?? "", value: text(c?.value), lower: text(c?.lower), upper: text(c?.upper),
    lowerOpen: c?.lowerOpen ?? false, upperOpen: c?.upperOpen ?? false,
    tolerance: c?.tolerance === null || c?.tolerance === undefined ? "" : String(Math.round(c.tolerance * 1000) / 10), event: c?.event ?? "",
  });
  const { error, busy, save } = useSave();
  const set = (k: keyof typeof fields) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setFields((f) => ({ ...f, [k]: e.target.type === "checkbox" ? e.target.checked : e.target.value }));
  const submit = (body: Record<string, unknown>) => save(() => callApi(`/api/claims/${claimId}/value`, { method: "PUT", body }));
  return (
    <details>
      <summary>Correct value or date{c || stored ? " (corrected)" : ""}</summary>
      <form className="values-form" aria-label={`Correct the value of #${number}`} onSubmit={(e) => {
        e.preventDefault();
        const tolerance = numberOrNull(fields.tolerance);
        void submit({
          quantity: fields.quantity || null, unit: fields.unit || null, value: numberOrNull(fields.value),
          lower: numberOrNull(fields.lower), upper: numberOrNull(fields.upper), lowerOpen: fields.lowerOpen, upperOpen: fields.upperOpen,
          tolerance: tolerance === null ? null : tolerance / 100, event: fields.event || null,
          // Sent only when changed: the date is the claim's own, which provenance edits too.
          ...(dateChanged ? { date: dated.start || dated.end ? { start: dated.start || dated.end, end: dated.end || dated.start, precision: dated.precision } : null } : {}),
        });
      }}>
        <label>What is counted<input value={fields.quantity} onChange={set("quantity")} placeholder="troops" /></label>
        <label>Unit<input value={fields.unit} onChange={set("unit")} placeholder="soldiers" /></label>
        <label>Value<input inputMode="decimal" value={fields.value} onChange={set("value")} /></label>
        <label title="“about 3,000” is ± this share of 3,000, “almost 3,000” this share below it">Tolerance of “about”, “almost” (%)<input inputMode="decimal" value={fields.tolerance} onChange={set("tolerance")} placeholder="10" /></label>
        <label>Lower bound<input inputMode="decimal" value={fields.lower} onChange={set("lower")} /></label>
        <label>Upper bound<input inputMode="decimal" value={fields.upper} onChange={set("upper")} /></label>
        <label className="inline-check"><input type="checkbox" checked={fields.lowerOpen} onChange={set("lowerOpen")} /> lower bound excluded</label>
        <label className="inline-check"><input type="checkbox" checked={fields.upperOpen} onChange={set("upperOpen")} /> upper bound excluded</label>
        <label>Claim date from<input type="date" value={dated.start} onChange={(e) => setDated({ ...dated, start: e.target.value })} /></label>
        <label>Claim date to<input type="date" value={dated.end} onChange={(e) => setDated({ ...dated, end: e.target.value })} /></label>
        <label>Claim date known to the
          <select value={dated.precision} onChange={(e) => setDated({ ...dated, precision: e.target.value as DatePrecisionValue })}>
            {DATE_PRECISION_VALUES.map((p) => <option key={p} value={p}>{PRECISION_WORDS[p]}</option>)}
          </select>
        </label>
        <label style={{ gridColumn: "1 / -1" }}>Event its date is of<input value={fields.event} onChange={set("event")} placeholder="the cluster's event" /></label>
        <div className="values-form-actions">
          <button type="submit" className="primary" disabled={busy}>Save value</button>
          {(c || stored) && <button type="button" disabled={busy} onClick={() => void submit(stored ? { date: null } : {})}>Back to the parsed value</button>}
        </div>
        {error && <p role="alert" className="error-text" style={{ gridColumn: "1 / -1" }}>{error}</p>}
      </form>
    </details>
  );
}

/** Links two members of the cluster as contradicts, supports or refines. */
export function LinkMembersForm({ members }: { members: { claimId: string; number: number; quote: string }[] }) {
  const ids = { from: useId(), relation: useId(), to: useId() };
  const [from, setFrom] = useState(members[0]?.claimId ?? "");
  const [to, setTo] = useState(members[1]?.claimId ?? "");
  const [relation, setRelation] = useState<LinkRelation>("REFINES");
  const { error, busy, save } = useSave();
  const option = (m: { claimId: string; number: number; quote: string }) => (
    <option key={m.claimId} value={m.claimId}>#{m.number} {m.quote.length > 60 ? `${m.quote.slice(0, 59)}…` : m.quote}</option>
  );
  return (
    <form className="inline-form" aria-label="Link two claims of this cluster" onSubmit={(e) => {
      e.preventDefault();
      void save(() => callApi("/api/links", { method: "POST", body: { fromId: from, toId: to, relation } }));
    }}>
      <label htmlFor={ids.from}>Claim</label>
      <select id={ids.from} value={from} onChange={(e) => setFrom(e.target.value)}>{members.map(option)}</select>
      <label htmlFor={ids.relation}>relation</label>
      <select id={ids.relation} value={relation} onChange={(e) => setRelation(e.target.value as LinkRelation)}>
        {LINK_RELATIONS.map((r) => <option key={r} value={r}>{RELATION_LABELS[r].out}</option>)}
      </select>
      <label htmlFor={ids.to}>other claim</label>
      <select id={ids.to} value={to} onChange={(e) => setTo(e.target.value)}>{members.map(option)}</select>
      <button type="submit" className="primary" disabled={busy}>Link</button>
      {error && <p role="alert" className="error-text">{error}</p>}
    </form>
  );
}
