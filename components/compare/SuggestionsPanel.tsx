import { LINK_RELATIONS, type LinkRelation } from "@/lib/types";
import { Quote } from "@/components/Quote";
import { RELATION_LABELS } from "@/lib/labels";
import type { ShownSuggestion } from "./useSuggestions";

/** Pairs of claims whose figures cannot both be true. The researcher decides what the pair is:
 *  accepted as contradicts, supports or refines, or dismissed. */
export function SuggestionsPanel({ suggestions, claimById, titleOf, onAccept, onDismiss, onShowDismissed }: {
  suggestions: ShownSuggestion[];
  claimById: ReadonlyMap<string, { quote: string; sourceId: string }>;
  titleOf: (sourceId: string) => string;
  onAccept: (s: ShownSuggestion, relation: LinkRelation) => void;
  onDismiss: (s: ShownSuggestion) => void;
  onShowDismissed: (keys: string[]) => void;
}) {
  const onScreen = suggestions.filter((s) => claimById.has(s.fromId) && claimById.has(s.toId));
  const open = onScreen.filter((s) => !s.dismissed);
  const dismissedKeys = onScreen.filter((s) => s.dismissed).map((s) => s.key);
  return (
    <section className="panel" aria-label="Suggested contradictions">
      <h2>Suggested contradictions</h2>
      {open.length === 0 ? <p className="muted">No figures here disagree across sources, or all were dealt with.</p> : (
        <ul className="plain-list">
          {open.map((s) => {
            const [a, b] = [claimById.get(s.fromId)!, claimById.get(s.toId)!];
            return (
              <li key={s.key} className="suggestion" data-suggestion={s.key}>
                <Quote text={a.quote} /> <span className="muted">({titleOf(a.sourceId)})</span> vs{" "}
                <Quote text={b.quote} /> <span className="muted">({titleOf(b.sourceId)})</span>
                <br /><span className="conflict-note">{s.conflicts.map((c) => `${c.a} vs ${c.b}`).join("; ")}</span>
                <div className="suggestion-actions" role="group" aria-label="Link the first claim as">
                  <span className="muted">Link as:</span>
                  {LINK_RELATIONS.map((r) => (
                    <button key={r} type="button" onClick={() => onAccept(s, r)}>{RELATION_LABELS[r].out}</button>
                  ))}
                  <button type="button" onClick={() => onDismiss(s)}>Dismiss</button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {dismissedKeys.length > 0 && (
        <button type="button" onClick={() => onShowDismissed(dismissedKeys)}>Show {dismissedKeys.length} dismissed again</button>
      )}
    </section>
  );
}
