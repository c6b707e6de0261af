"use client";
// Reads a W3C JSON export in the browser and sends it to POST /api/import, which writes all of
// it or nothing; the page says which record was refused, or what was added.
import { ProjectLink, useProject } from "@/components/shell/ProjectContext";
import { useId, useState } from "react";
import { callApi, errorMessage, projectApi } from "@/components/api/client";
import type { ImportSummary } from "@/lib/types";
import styles from "./sources.module.css";

type State =
  | { step: "idle" }
  | { step: "working"; message: string }
  | { step: "failed"; message: string }
  | { step: "done"; summary: ImportSummary; fileName: string };

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function ImportForm() {
  const { slug } = useProject();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: "idle" });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file) {
      setState({ step: "failed", message: "Choose a file first" });
      return;
    }
    setState({ step: "working", message: `Reading ${file.name}…` });
    const text = await file.text();
    setState({ step: "working", message: `Checking and importing ${file.name} (${Math.ceil(file.size / 1024)} KB)…` });
    try {
      const json = await callApi<{ summary: ImportSummary }>(projectApi("/api/import", slug), { method: "POST", body: text });
      setState({ step: "done", summary: json.summary, fileName: file.name });
    } catch (err) {
      setState({ step: "failed", message: errorMessage(err) });
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Import claims">
      <div className={styles.field}>
        <label htmlFor={inputId}>W3C JSON file exported by this app</label>
        <input
          id={inputId}
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json"
          aria-describedby={`${inputId}-hint`}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setState({ step: "idle" });
          }}
        />
        <span id={`${inputId}-hint`} className={styles.hint}>
          Up to 20 MB. Sources, claims and links keep their ids; records already here are skipped when identical. If any record is refused, nothing is imported.
        </span>
      </div>
      <div className={styles.actions}>
        <button type="submit" className="primary" disabled={state.step === "working"}>Import</button>
      </div>
      <div aria-live="polite">
        {state.step === "working" && <p role="status">{state.message}</p>}
        {state.step === "done" && (
          <p role="status" className={styles.result}>
            Imported {state.fileName}: {count(state.summary.claims.created, "claim")}, {count(state.summary.links.created, "link")} and{" "}
            {count(state.summary.sources.created, "new source")}
            {state.summary.claims.unchanged + state.summary.sources.reused > 0 &&
              ` (already here: ${count(state.summary.claims.unchanged, "claim")}, ${count(state.summary.links.unchanged, "link")}, ${count(state.summary.sources.reused, "source")})`}
            . <ProjectLink to="/claims">See all claims</ProjectLink>
          </p>
        )}
      </div>
      {state.step === "failed" && <p role="alert" className="error-text">Import refused: {state.message}</p>}
    </form>
  );
}
