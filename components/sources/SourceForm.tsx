"use client";
// Add a source from pasted text, or correct one (text from a .txt/.md file read in the browser): metadata and
// text. Saving corrected text re-anchors the claims on the server; the form says what happened.
import { ApiError, callApi, errorMessage, projectApi } from "@/components/api/client";
import { ProjectLink, useProject, useProjectPath } from "@/components/shell/ProjectContext";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { describeReanchor, type ReanchorSummary } from "@/lib/reanchor-summary";
import { displayTitle, type NearDuplicate, type SourceMeta } from "@/lib/types";
import { NearDuplicateOffers } from "./NearDuplicateOffers";
import styles from "./sources.module.css";

export interface SourceFormValues {
  title: string;
  suggestedTitle: string;
  author: string;
  publisher: string;
  date: string;
  dateEvidence: string;
  url: string;
  note: string;
  body: string;
}

export const EMPTY_SOURCE_FORM: SourceFormValues = { title: "", suggestedTitle: "", author: "", publisher: "", date: "", dateEvidence: "", url: "", note: "", body: "" };

type Props =
  | { mode: "create" }
  | { mode: "edit"; sourceId: string; version: number; initial: SourceFormValues };

const MAX_FILE_BYTES = 1024 * 1024;

function Field({ label, hint, children }: { label: string; hint?: string; children: (id: string, hintId?: string) => React.ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint && <span id={hintId} className={styles.hint}>{hint}</span>}
    </div>
  );
}

export function SourceForm(props: Props) {
  const router = useRouter();
  const { slug } = useProject();
  const pathOf = useProjectPath();
  const initial = props.mode === "edit" ? props.initial : EMPTY_SOURCE_FORM;
  const [values, setValues] = useState<SourceFormValues>(initial);
  const [version, setVersion] = useState(props.mode === "edit" ? props.version : 1);
  const [savedBody, setSavedBody] = useState(initial.body);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Create mode: the source the text already is (409), or the added one with what it resembles.
  const [duplicateOf, setDuplicateOf] = useState<{ id: string; title: string } | null>(null);
  const [added, setAdded] = useState<{ source: SourceMeta; nearDuplicates: NearDuplicate[] } | null>(null);

  const set = (key: keyof SourceFormValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues((v) => ({ ...v, [key]: e.target.value }));

  async function readFile(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setError(`${file.name} is larger than 1 MB; paste the part you need instead`);
      return;
    }
    const text = await file.text();
    setError(null);
    setValues((v) => ({ ...v, body: text, title: v.title || file.name.replace(/\.(txt|md)$/i, "") }));
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    setDuplicateOf(null);
    const { suggestedTitle, dateEvidence, note, body, ...common } = values;
    const payload =
      props.mode === "create"
        ? { ...common, body }
        : { ...common, suggestedTitle, dateEvidence, note, version, ...(body !== savedBody ? { body } : {}) };
    try {
      const json = await callApi<{ source: SourceMeta & { version: number }; reanchor?: ReanchorSummary | null; nearDuplicates?: NearDuplicate[] }>(
        props.mode === "create" ? projectApi("/api/sources", slug) : `/api/sources/${props.sourceId}`,
        { method: props.mode === "create" ? "POST" : "PATCH", body: payload },
      );
      if (props.mode === "create") {
        // Resembling sources are offered first; otherwise straight to the new source.
        if (json.nearDuplicates?.length) setAdded({ source: json.source, nearDuplicates: json.nearDuplicates });
        else router.push(pathOf(`/sources/${json.source.id}`));
        return;
      }
      setVersion(json.source.version);
      setSavedBody(body);
      const summary = json.reanchor ?? null;
      setResult(summary ? `Saved. Text changed: ${describeReanchor(summary)}.` : "Saved.");
      router.refresh();
    } catch (err) {
      const first = err instanceof ApiError && err.status === 409 ? (err.details?.duplicateOf as { id: string; title: string } | undefined) : undefined;
      if (first) setDuplicateOf(first);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-label={props.mode === "create" ? "New source" : "Edit source"}>
      <Field label="Title">{(id) => <input id={id} value={values.title} onChange={set("title")} />}</Field>
      {props.mode === "edit" && (
        <Field label="Suggested title" hint="Shown in italics when the text itself has no title">
          {(id, hintId) => <input id={id} aria-describedby={hintId} value={values.suggestedTitle} onChange={set("suggestedTitle")} />}
        </Field>
      )}
      <div className={styles.row}>
        <Field label="Author">{(id) => <input id={id} value={values.author} onChange={set("author")} />}</Field>
        <Field label="Publisher">{(id) => <input id={id} value={values.publisher} onChange={set("publisher")} />}</Field>
      </div>
      <div className={styles.row}>
        <Field label="Date" hint="Exact: yyyy-mm-dd. Approximate: yyyy or yyyy-mm.">
          {(id, hintId) => <input id={id} aria-describedby={hintId} value={values.date} onChange={set("date")} placeholder="2022-05-16" inputMode="numeric" />}
        </Field>
        <Field label="URL">{(id) => <input id={id} type="url" value={values.url} onChange={set("url")} placeholder="https://" />}</Field>
      </div>
      {props.mode === "edit" && (
        <>
          <Field label="How the date is known">{(id) => <input id={id} value={values.dateEvidence} onChange={set("dateEvidence")} />}</Field>
          <Field label="Note">{(id) => <input id={id} value={values.note} onChange={set("note")} />}</Field>
        </>
      )}
      {/* New sources from files go through the upload above the form (components/sources/DocumentUpload.tsx). */}
      {props.mode === "edit" && (
        <Field label="Text file (.txt or .md)" hint="Read in your browser into the text box below; nothing is sent until you save.">
          {(id, hintId) => <input id={id} aria-describedby={hintId} type="file" accept=".txt,.md,text/plain,text/markdown" onChange={readFile} />}
        </Field>
      )}
      <Field
        label="Text"
        hint={props.mode === "edit" ? "Correcting the text moves each claim to where its quote now is; claims whose quote is gone are kept and marked orphaned." : "Plain text; one paragraph per line."}
      >
        {(id, hintId) => <textarea id={id} aria-describedby={hintId} value={values.body} onChange={set("body")} required />}
      </Field>
      {error && (
        <p role="alert" className="error-text">
          {error} {duplicateOf && <ProjectLink to={`/sources/${duplicateOf.id}`}>Open “{duplicateOf.title}”</ProjectLink>}
        </p>
      )}
      {added && (
        <div role="status" className={styles.result}>
          <strong>Added:</strong> <ProjectLink to={`/sources/${added.source.id}`}>{displayTitle(added.source)}</ProjectLink>
          <NearDuplicateOffers sourceId={added.source.id} nearDuplicates={added.nearDuplicates} />
        </div>
      )}
      {result && (
        <p role="status" className={styles.result}>
          {result} {props.mode === "edit" && <ProjectLink to={`/sources/${props.sourceId}`}>Back to the source</ProjectLink>}
        </p>
      )}
      <div className={styles.actions}>
        <button type="submit" className="primary" disabled={busy || added !== null}>{busy ? "Saving…" : props.mode === "create" ? "Add source" : "Save changes"}</button>
      </div>
    </form>
  );
}
