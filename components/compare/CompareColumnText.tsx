import { memo } from "react";
import { HighlightedText } from "@/components/highlights/HighlightedText";
import type { ClaimView } from "@/lib/types";
import { provenanceTitle } from "@/components/provenance/ProvenanceFacts";

/** Which claims are painted how: the selected one, those chosen for a cluster, those flashing. */
export interface ClaimMarks {
  activeId: string | null;
  chosen: readonly string[];
  flashing: ReadonlySet<string>;
}

/** A column's text with its claims painted by the one highlight painter (components/highlights):
 *  the same overlap rule and class names as the reader. O(n log n) for n claims per render. */
export const CompareColumnText = memo(function CompareColumnText({ body, claims, marks }: { body: string; claims: ClaimView[]; marks: ClaimMarks }) {
  const byId = new Map(claims.map((c) => [c.id, c]));
  return (
    <HighlightedText
      text={body}
      claims={claims}
      selectedId={marks.activeId}
      stateClasses={(id) => [marks.chosen.includes(id) ? "claim-chosen" : "", marks.flashing.has(id) ? "claim-flash" : ""].filter(Boolean)}
      extra={(id) => {
        const claim = byId.get(id)!;
        return { role: "button", tabIndex: 0, "aria-pressed": marks.activeId === id, title: `${claim.kind.toLowerCase()} · ${claim.links.length} links · ${provenanceTitle(claim.provenance)}` };
      }}
    />
  );
});
