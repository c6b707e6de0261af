"use client";
// The claim editor's "Who says it" section: speaker (a combobox over kept speakers, typed or
// picked by keyboard), attribution type, what the claim rests on (a claim by search, a source, an
// outside reference), the claim date with its precision, and one-click suggestions from the
// attribution phrases and dates around the span. Every change goes through the editor's onUpdate
// (PATCH, versioned, undoable); a suggestion is saved only when accepted.
import { useEffect, useId, useState } from "react";
import { ATTRIBUTION_TYPES, DATE_PRECISION_VALUES, type AttributionType, type ClaimView, type DatePrecisionValue, type ProvenanceSuggestions, type SpeakerView } from "@/lib/types";
import { attributionLabel } from "@/lib/labels";
import { ProjectLink } from "@/components/shell/ProjectContext";
import { ClaimSearch } from "@/components/links/ClaimSearch";
import { useSourceTitles } from "@/components/links/useSourceTitles";
import { claimsApi, type ClaimChange } from "@/components/reader/claimsApi";
import "./provenance.css";

interface Props {
  claim: ClaimView;
  busy: boolean;
  onUpdate: (change: ClaimChange, label: string) => void;
}

const PRECISION_WORDS: Record<DatePrecisionValue, string> = { DAY: "Day", MONTH: "Month", YEAR: "Year" };

export function WhoSaysIt({ claim, busy, onUpdate }: Props) {
  const p = claim.provenance;
  const ids = { speaker: useId(), list: useId(), source: useId() };
  const titles = useSourceTitles();
  const [speakerName, setSpeakerName] = useState(p?.speaker?.name ?? "");
  const [speakers, setSpeakers] = useState<SpeakerView[]>([]);
  const [suggestions, setSuggestions] = useState<ProvenanceSuggestions | null>(null);
  const [date, setDate] = useState({ start: p?.claimDate?.start ?? "", end: p?.claimDate?.end ?? "", precision: p?.claimDate?.precision ?? ("DAY" as DatePrecisionValue) });
  const [reference, setReference] = useState({ title: "", publisher: "", url: "", date: "" });

  useEffect(() => setSpeakerName(p?.speaker?.name ?? ""), [p?.speaker?.name]);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => claimsApi.speakers(speakerName.trim()).then((s) => live && setSpeakers(s), () => undefined), 150);
    return () => { live = false; clearTimeout(timer); };
  }, [speakerName]);
  useEffect(() => {
    let live = true;
    claimsApi.provenanceSuggestions(claim.id).then((s) => live && setSuggestions(s), () => live && setSuggestions(null));
    return () => { live = false; };
  }, [claim.id]);

  const saveSpeaker = () => {
    const name = speakerName.trim();
    if (name && name !== p?.speaker?.name) onUpdate({ speakerName: name }, `speaker set to ${name}`);
  };
  const origin = p?.restsOn;

  return (
    <section className="who-says-it" aria-labelledby="who-says-it-heading">
      <h3 id="who-says-it-heading">Who says it</h3>
      <p className="muted">
        {p?.attributionType === "READER_COMMENT" ? "A reader comment, not the author's claim." : p?.speaker ? <>Said by <strong>{p.speaker.name}</strong>{p.speaker.role ? `, ${p.speaker.role}` : ""}</> : "No speaker named."}{" "}
        <ProjectLink to={`/claims/${claim.id}/provenance`}>Provenance</ProjectLink>
      </p>

      <form className="field" onSubmit={(e) => { e.preventDefault(); saveSpeaker(); }}>
        <label htmlFor={ids.speaker}>Speaker</label>
        {/* A native input with a datalist is a combobox already; an explicit role would need aria-controls too (axe). */}
        <input id={ids.speaker} list={ids.list} value={speakerName} autoComplete="off"
          onChange={(e) => setSpeakerName(e.target.value)} placeholder="Person or organisation" />
        <datalist id={ids.list}>{speakers.map((s) => <option key={s.id} value={s.name}>{s.role ?? s.aliases.join(", ")}</option>)}</datalist>
        <button type="submit" disabled={busy || !speakerName.trim() || speakerName.trim() === p?.speaker?.name}>Set speaker</button>
        {p?.speaker && <button type="button" disabled={busy} onClick={() => onUpdate({ speakerId: null }, "speaker removed")}>No speaker</button>}
      </form>

      <label className="field">
        Attribution{" "}
        <select value={p?.attributionType ?? "OWN_VOICE"} disabled={busy} onChange={(e) => onUpdate({ attributionType: e.target.value as AttributionType }, `attributed as ${attributionLabel(e.target.value as AttributionType)}`)}>
          {ATTRIBUTION_TYPES.map((t) => <option key={t} value={t}>{attributionLabel(t)}</option>)}
        </select>
      </label>

      {suggestions && (suggestions.attributions.length > 0 || suggestions.dates.length > 0) && (
        <ul className="provenance-suggestions" aria-label="Provenance suggestions">
          {suggestions.attributions.map((a) => (
            <li key={`a${a.evidence.start}`}>
              <span className="muted">“{a.speakerName ?? a.role ?? "unnamed"}” · {attributionLabel(a.attributionType)}</span>{" "}
              {a.speakerName && (
                <button type="button" disabled={busy} onClick={() => onUpdate(
                  { ...(a.speaker ? { speakerId: a.speaker.id } : { speakerName: a.speakerName!, ...(a.role ? { speakerRole: a.role } : {}) }), attributionType: a.attributionType },
                  `speaker set to ${a.speaker?.name ?? a.speakerName}`,
                )}>Accept speaker: {a.speaker?.name ?? a.speakerName}</button>
              )}{" "}
              {a.originHint && (
                <button type="button" disabled={busy} onClick={() => onUpdate(
                  { restsOn: a.originSource ? { kind: "source", id: a.originSource.id } : { kind: "newReference", reference: { title: a.originHint!, publisher: a.originHint! } } },
                  `origin set to ${a.originSource?.title ?? a.originHint}`,
                )}>Accept origin: {a.originSource?.title ?? a.originHint}</button>
              )}
            </li>
          ))}
          {suggestions.dates.map((d) => (
            <li key={`d${d.evidence.start}`}>
              <button type="button" disabled={busy} onClick={() => onUpdate({ claimDate: { start: d.start, end: d.end, precision: d.precision.toUpperCase() as DatePrecisionValue } }, `dated ${d.text}`)}>
                Accept date: {d.text} ({d.start === d.end ? d.start : `${d.start} – ${d.end}`})
              </button>
            </li>
          ))}
        </ul>
      )}

      <fieldset className="field">
        <legend>Rests on</legend>
        <p>{origin ? <>{origin.kind === "claim" ? "Claim" : origin.kind === "source" ? "Source" : "Outside reference"}: “{origin.label}”{" "}
          <button type="button" disabled={busy} onClick={() => onUpdate({ restsOn: null }, "origin removed")}>Remove origin</button></> : <span className="muted">Nothing cited.</span>}</p>
        <ClaimSearch label="Another claim" actionLabel="Rests on this claim" excludeIds={[claim.id]} onPick={(c) => onUpdate({ restsOn: { kind: "claim", id: c.id } }, "origin set to a claim")} />
        <label htmlFor={ids.source}>A source in the app</label>{" "}
        <select id={ids.source} value="" disabled={busy} onChange={(e) => e.target.value && onUpdate({ restsOn: { kind: "source", id: e.target.value } }, `origin set to ${titles[e.target.value]}`)}>
          <option value="">Choose a source…</option>
          {Object.entries(titles).filter(([id]) => id !== claim.sourceId).map(([id, title]) => <option key={id} value={id}>{title}</option>)}
        </select>
        <form onSubmit={(e) => {
          e.preventDefault();
          const r = Object.fromEntries(Object.entries(reference).filter(([, v]) => v.trim())) as { title: string };
          onUpdate({ restsOn: { kind: "newReference", reference: r } }, `origin set to ${reference.title}`);
        }}>
          <p className="muted">Or an outside reference:</p>
          <label>Title <input value={reference.title} onChange={(e) => setReference({ ...reference, title: e.target.value })} required /></label>{" "}
          <label>Publisher <input value={reference.publisher} onChange={(e) => setReference({ ...reference, publisher: e.target.value })} /></label>{" "}
          <label>URL <input type="url" value={reference.url} onChange={(e) => setReference({ ...reference, url: e.target.value })} /></label>{" "}
          <label>Published <input type="date" value={reference.date} onChange={(e) => setReference({ ...reference, date: e.target.value })} /></label>{" "}
          <button type="submit" disabled={busy || !reference.title.trim()}>Cite reference</button>
        </form>
      </fieldset>

      <form className="field" onSubmit={(e) => {
        e.preventDefault();
        onUpdate({ claimDate: { start: date.start, end: date.end || date.start, precision: date.precision } }, "claim date saved");
      }}>
        <fieldset>
          <legend>Claim date (what the claim is about, not when it was published)</legend>
          <label>From <input type="date" value={date.start} onChange={(e) => setDate({ ...date, start: e.target.value })} required /></label>{" "}
          <label>To <input type="date" value={date.end} onChange={(e) => setDate({ ...date, end: e.target.value })} /></label>{" "}
          <label>Precision{" "}
            <select value={date.precision} onChange={(e) => setDate({ ...date, precision: e.target.value as DatePrecisionValue })}>
              {DATE_PRECISION_VALUES.map((v) => <option key={v} value={v}>{PRECISION_WORDS[v]}</option>)}
            </select>
          </label>{" "}
          <button type="submit" disabled={busy || !date.start}>Save date</button>
          {p?.claimDate && <button type="button" disabled={busy} onClick={() => onUpdate({ claimDate: null }, "claim date removed")}>Remove date</button>}
        </fieldset>
      </form>
    </section>
  );
}
