"use client";
// Add sources from files (PDF, HTML, .txt, .md; several at once) or pasted HTML. Files go up one
// per request, in turn, so each row shows its own progress and result: added (with the metadata
// the file gave, to confirm or correct), duplicate (with the first source), near-duplicate (which
// can be recorded as another appearance of the same document) or refused with the reason.
import { ApiError, callApi, errorMessage, projectApi } from "@/components/api/client";
import { ProjectLink, useProject } from "@/components/shell/ProjectContext";
import { useId, useState } from "react";
import { displayTitle, type UploadedSource } from "@/lib/types";
import { NearDuplicateOffers } from "./NearDuplicateOffers";
import styles from "./sources.module.css";

type Row =
  | { key: number; name: string; state: "waiting" | "uploading" }
  | { key: number; name: string; state: "added"; result: UploadedSource }
  | { key: number; name: string; state: "duplicate"; message: string; duplicateOf: { id: string; title: string } | null }
  | { key: number; name: string; state: "refused"; message: string };

const ACCEPT = ".pdf,.html,.htm,.txt,.md,application/pdf,text/html,text/plain,text/markdown";

function MetadataOffered({ result }: { result: UploadedSource }) {
  const m = result.metadata;
  const found = [m.title && `title “${m.title}”`, m.author && `author ${m.author}`, m.publisher && `publisher ${m.publisher}`, m.date && `date ${m.date}`, m.url && `address ${m.url}`].filter(Boolean);
  return (
    <p className={styles.hint}>
      {found.length ? `From the file: ${found.join(", ")}.` : "The file states no title, author or date."}{" "}
      <ProjectLink to={`/sources/${result.source.id}/edit`}>Confirm or correct the details</ProjectLink>
    </p>
  );
}

function ResultRow({ row }: { row: Row }) {
  switch (row.state) {
    case "waiting":
      return <>Waiting…</>;
    case "uploading":
      return <>Reading and adding…</>;
    case "duplicate":
      return (
        <>
          <strong>Duplicate, not added.</strong> {row.message}{" "}
          {row.duplicateOf && <ProjectLink to={`/sources/${row.duplicateOf.id}`}>Open “{row.duplicateOf.title}”</ProjectLink>}
        </>
      );
    case "refused":
      return <><strong>Refused, not added.</strong> {row.message}</>;
    case "added":
      return (
        <>
          <strong>Added:</strong> <ProjectLink to={`/sources/${row.result.source.id}`}>{displayTitle(row.result.source)}</ProjectLink>
          {row.result.warnings.map((w) => <p key={w} className={styles.hint}>{w}</p>)}
          <MetadataOffered result={row.result} />
          {row.result.nearDuplicates.length > 0 && <NearDuplicateOffers sourceId={row.result.source.id} nearDuplicates={row.result.nearDuplicates} />}
        </>
      );
  }
}

let nextKey = 0;

export function DocumentUpload() {
  const { slug } = useProject();
  const filesId = useId();
  const pasteId = useId();
  const [rows, setRows] = useState<Row[]>([]);
  const [pasted, setPasted] = useState("");
  const [busy, setBusy] = useState(false);

  const update = (key: number, row: Row) => setRows((all) => all.map((r) => (r.key === key ? row : r)));

  async function uploadAll(files: File[]) {
    const queued = files.map((file) => ({ key: nextKey++, file }));
    setRows((all) => [...all, ...queued.map(({ key, file }): Row => ({ key, name: file.name, state: "waiting" }))]);
    setBusy(true);
    // In turn: progress reads top to bottom, and a file repeated within the batch meets the first.
    for (const { key, file } of queued) {
      const name = file.name;
      update(key, { key, name, state: "uploading" });
      const form = new FormData();
      form.set("file", file);
      try {
        const result = await callApi<UploadedSource>(projectApi("/api/sources/upload", slug), { method: "POST", body: form });
        update(key, { key, name, state: "added", result });
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          update(key, { key, name, state: "duplicate", message: err.message, duplicateOf: (err.details?.duplicateOf as { id: string; title: string }) ?? null });
        } else {
          update(key, { key, name, state: "refused", message: errorMessage(err) });
        }
      }
    }
    setBusy(false);
  }

  return (
    <section aria-labelledby={`${filesId}-heading`} className={styles.form}>
      <h2 id={`${filesId}-heading`}>From files</h2>
      <div className={styles.field}>
        <label htmlFor={filesId}>Files (.pdf, .html, .htm, .txt, .md)</label>
        <input
          id={filesId}
          type="file"
          multiple
          accept={ACCEPT}
          aria-describedby={`${filesId}-hint`}
          disabled={busy}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = "";
            if (files.length) void uploadAll(files);
          }}
        />
        <span id={`${filesId}-hint`} className={styles.hint}>
          Each file becomes a source; up to 50 MB each. A PDF keeps its pages for citing (“p. 12, ¶3”); a PDF without a text layer (scanned) cannot be read, as no text recognition is offered.
        </span>
      </div>
      <div className={styles.field}>
        <label htmlFor={pasteId}>Or paste a page’s HTML</label>
        <textarea id={pasteId} className={styles.short} value={pasted} onChange={(e) => setPasted(e.target.value)} />
      </div>
      <div className={styles.actions}>
        <button type="button" disabled={busy || !pasted.trim()} onClick={() => void uploadAll([new File([pasted], "pasted.html", { type: "text/html" })]).then(() => setPasted(""))}>
          Add pasted HTML
        </button>
      </div>
      {rows.length > 0 && (
        <ul aria-label="Files added" className={styles.uploads}>
          {rows.map((row) => (
            <li key={row.key} className={styles.upload} data-state={row.state} aria-busy={row.state === "uploading" || row.state === "waiting"}>
              <span className={styles.fileName}>{row.name}</span>
              <div><ResultRow row={row} /></div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
