"use client";

import { useState } from "react";
import type { Suggestion } from "@/lib/suggestions/sentences";
import { CLAIM_KINDS, type ClaimKind } from "@/lib/types";
import { kindLabel } from "@/lib/labels";

export const suggestionKey = (s: { start: number; end: number }) => `${s.start}:${s.end}`;

interface Props {
  suggestions: Suggestion[];
  busy: boolean;
  onAccept: (suggestion: Suggestion, kind: ClaimKind) => void;
  onDismiss: (suggestion: Suggestion) => void;
  /** How many this researcher dismissed, and how to show them again. */
  dismissedCount: number;
  onShowDismissed: () => void;
}

/** Sentences that look like claims. Nothing is saved until one is accepted. */
export function SuggestionList({ suggestions, busy, onAccept, onDismiss, dismissedCount, onShowDismissed }: Props) {
  const [kinds, setKinds] = useState<Record<string, ClaimKind>>({});
  return (
    <section className="suggestion-list-section" aria-labelledby="suggestion-list-title">
      <h2 id="suggestion-list-title">Suggestions ({suggestions.length})</h2>
      <ol className="suggestion-list" aria-label="Suggested claims">
        {suggestions.map((s) => {
          const key = suggestionKey(s);
          const kind = kinds[key] ?? s.kindHint;
          return (
            <li key={key}>
              <p className="suggestion-quote">{s.quote}</p>
              <p className="muted suggestion-why">Offered for its {s.reason}</p>
              <label>
                Kind{" "}
                <select value={kind} onChange={(e) => setKinds({ ...kinds, [key]: e.target.value as ClaimKind })}>
                  {CLAIM_KINDS.map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
                </select>
              </label>{" "}
              <button type="button" disabled={busy} onClick={() => onAccept(s, kind)}>Accept as {kindLabel(kind)}</button>{" "}
              <button type="button" onClick={() => onDismiss(s)}>Dismiss</button>
            </li>
          );
        })}
      </ol>
      {dismissedCount > 0 && (
        <button type="button" onClick={onShowDismissed}>Show {dismissedCount} dismissed again</button>
      )}
    </section>
  );
}
