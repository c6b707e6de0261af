"use client";
// Suggested claims: loaded the first time they are shown (most visits never pay for them);
// dismissals are kept per researcher on the server (lib/dismissals.ts), the list hides one at once.
import { useEffect, useMemo, useState } from "react";
import { suggestionDismissalKey } from "@/lib/dismissals";
import type { Suggestion } from "@/lib/suggestions/sentences";
import { claimsApi } from "../claimsApi";
import { suggestionKey } from "../SuggestionList";

type Span = { start: number; end: number };

export function useSuggestions(sourceId: string, claims: Span[], onError: (text: string) => void) {
  const [shown, setShown] = useState(false);
  const [suggestions, setSuggestions] = useState<(Suggestion & { dismissed: boolean })[]>([]);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!shown || loaded) return;
    claimsApi.suggestions(sourceId)
      .then((data) => {
        setSuggestions(data.suggestions);
        setLoaded(true);
      })
      .catch(() => setLoaded(false));
  }, [shown, loaded, sourceId]);

  // Cost: a set of the claims' spans, then one look-up per suggestion.
  const open = useMemo(() => {
    const claimed = new Set(claims.map((c) => `${c.start}:${c.end}`));
    return suggestions.filter((s) => !s.dismissed && !claimed.has(`${s.start}:${s.end}`));
  }, [suggestions, claims]);
  const marks = useMemo(() => (shown ? open.map((s) => ({ key: suggestionKey(s), start: s.start, end: s.end })) : []), [shown, open]);
  const dismissed = suggestions.filter((s) => s.dismissed);

  const setDismissed = (spans: Span[], value: boolean) =>
    setSuggestions((all) => all.map((x) => (spans.some((s) => s.start === x.start && s.end === x.end) ? { ...x, dismissed: value } : x)));
  const changeDismissals = async (spans: Span[], value: boolean) => {
    setDismissed(spans, value);
    try {
      await claimsApi.setDismissed(spans.map((s) => suggestionDismissalKey(sourceId, s)), value);
    } catch (err) {
      setDismissed(spans, !value);
      onError(err instanceof Error ? err.message : String(err));
    }
  };
  return { shown, setShown, loaded, open, marks, dismissed, changeDismissals };
}
