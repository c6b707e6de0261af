import { memo, useMemo } from "react";
import { HighlightedRuns } from "@/components/highlights/HighlightedText";
import { paintClaims } from "@/components/highlights/paint";
import type { TextWindow } from "@/lib/highlights/window";
import type { ReaderClaim } from "@/lib/types";
import { provenanceTitle } from "@/components/provenance/ProvenanceFacts";

/** Which claims are painted how: the selected one, those chosen for a cluster, those flashing. */
export interface ClaimMarks {
  activeId: string | null;
  chosen: readonly string[];
  flashing: ReadonlySet<string>;
}

/** A column's text with its claims painted by the one highlight painter (components/highlights):
 *  the same overlap rule and class names as the reader. Runs and levels over all the column's claims,
 *  O(n log n) for n claims per render; elements only for the runs inside `paint` (the whole text
 *  when null), the rest is plain text. */
export const CompareColumnText = memo(function CompareColumnText({ body, claims, marks, paint }: { body: string; claims: ReaderClaim[]; marks: ClaimMarks; paint: TextWindow | null }) {
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const painted = useMemo(() => paintClaims(body.length, claims, {
    selectedId: marks.activeId,
    stateClasses: (id) => [marks.chosen.includes(id) ? "claim-chosen" : "", marks.flashing.has(id) ? "claim-flash" : ""].filter(Boolean),
  }), [body, claims, marks]);
  const [from, to] = paint ? [paint.from, paint.to] : [0, body.length];
  return (
    <>
      {body.slice(0, from)}
      <HighlightedRuns text={body} from={from} to={to} painted={painted} idAttribute="data-claim-id"
        extra={(id) => {
          const claim = byId.get(id)!;
          return { role: "button", tabIndex: 0, "aria-pressed": marks.activeId === id, title: `${claim.kind.toLowerCase()} · ${claim.linkCount} links · ${provenanceTitle(claim)}` };
        }} />
      {body.slice(to)}
    </>
  );
});
