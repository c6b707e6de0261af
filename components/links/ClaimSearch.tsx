"use client";

import { useEffect, useId, useState } from "react";
import type { ClaimView } from "@/lib/types";
import { callApi, errorMessage, projectApi } from "@/components/api/client";
import { useProject } from "@/components/shell/ProjectContext";
import { useSourceTitles } from "./useSourceTitles";
import "./links.css";
import { Quote } from "@/components/Quote";

// The first claims found, in text order: the request asks for no more (a common word can match thousands).
const SHOWN = 20;

/** Finds claims by their text across all sources and hands the chosen one to onPick. */
export function ClaimSearch({ label, actionLabel, excludeIds = [], onPick }: {
  label: string;
  actionLabel: string;
  excludeIds?: string[];
  onPick: (claim: ClaimView) => void;
}) {
  const inputId = useId();
  const { slug } = useProject();
  const titles = useSourceTitles();
  const [q, setQ] = useState("");
  const [results, setResults] = useState<ClaimView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const text = q.trim();
    if (!text) { setResults(null); return; }
    let live = true;
    const timer = setTimeout(() => {
      callApi<{ claims: ClaimView[] }>(projectApi("/api/claims", slug, { q: text, limit: String(SHOWN + excludeIds.length) }))
        .then(({ claims }) => { if (live) { setResults(claims); setError(null); } })
        .catch((err) => live && setError(errorMessage(err)));
    }, 200);
    return () => { live = false; clearTimeout(timer); };
  }, [q]);

  const shown = results?.filter((c) => !excludeIds.includes(c.id)) ?? null;
  return (
    <div className="claim-search">
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Words from the quote or note" autoComplete="off" />
      {error && <p role="alert" className="error-text">{error}</p>}
      {shown && (
        shown.length === 0 ? <p className="muted">No claims match.</p> : (
          <ul className="claim-search-results" aria-label="Matching claims">
            {shown.slice(0, SHOWN).map((c) => (
              <li key={c.id}>
                <Quote text={c.quote} /> <span className="muted">— {titles[c.sourceId] ?? "source"}</span>{" "}
                <button type="button" onClick={() => { onPick(c); setQ(""); }} aria-label={`${actionLabel}: ${c.quote}`}>{actionLabel}</button>
              </li>
            ))}
          </ul>
        )
      )}
    </div>
  );
}
