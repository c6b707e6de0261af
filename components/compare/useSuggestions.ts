"use client";

import { useCallback, useEffect, useState } from "react";
import type { ContradictionSuggestion } from "@/lib/suggestions/contradictions";
import { contradictionDismissalKey } from "@/lib/dismissals";
import type { LinkRelation } from "@/lib/types";
import { callApi, errorMessage, projectApi } from "@/components/api/client";
import { useProject } from "@/components/shell/ProjectContext";

/** A suggested contradiction, and whether the researcher viewing dismissed it. */
export type ShownSuggestion = ContradictionSuggestion & { dismissed: boolean };

/** Suggested contradictions between the sources shown: load, accept as a link of any relation,
 *  dismiss (kept per researcher on the server), show the dismissed ones again. */
export function useSuggestions(sourceIds: string[], onError: (message: string) => void) {
  const [suggestions, setSuggestions] = useState<ShownSuggestion[]>([]);
  const key = sourceIds.join(",");
  const { slug } = useProject();

  const load = useCallback(async () => {
    const { suggestions } = await callApi<{ suggestions: ShownSuggestion[] }>(projectApi("/api/contradictions", slug, { sourceIds: key }));
    setSuggestions(suggestions);
  }, [key, slug]);

  useEffect(() => {
    load().catch((err) => onError(errorMessage(err)));
  }, [load, onError]);

  /** Links the pair as the researcher judges it; the figures that disagree become the link's note. */
  async function accept(s: ContradictionSuggestion, relation: LinkRelation): Promise<boolean> {
    try {
      const note = s.conflicts.map((c) => `${c.a} vs ${c.b}`).join("; ");
      await callApi("/api/links", { method: "POST", body: { fromId: s.fromId, toId: s.toId, relation, note } });
      return true;
    } catch (err) {
      onError(errorMessage(err));
      return false;
    }
  }

  /** The list hides the suggestion at once; the server keeps the dismissal. */
  async function dismiss(s: ShownSuggestion) {
    setSuggestions((prev) => prev.map((x) => (x.key === s.key ? { ...x, dismissed: true } : x)));
    try {
      await callApi("/api/dismissals", { method: "POST", body: { keys: [contradictionDismissalKey(s.key)] } });
    } catch (err) {
      onError(errorMessage(err));
      await load().catch(() => undefined);
    }
  }

  async function showDismissed(keys: string[]) {
    try {
      await callApi("/api/dismissals", { method: "DELETE", body: { keys: keys.map(contradictionDismissalKey) } });
      await load();
    } catch (err) {
      onError(errorMessage(err));
    }
  }

  return { suggestions, load, accept, dismiss, showDismissed };
}
