import { memo } from "react";
import type { ClaimView } from "@/lib/types";
import { highlightSegments } from "@/lib/highlight-segments";

/** Which claims are painted how: the selected one, those chosen for a cluster, those flashing. */
export interface ClaimMarks {
  activeId: string | null;
  chosen: readonly string[];
  flashing: ReadonlySet<string>;
}

/** A column's text with its claims painted as <mark data-claim-id>. The only place the compare view
 *  paints text: the shared highlight painter (components/highlights) is meant to replace this body.
 *  O(text segments) per render. */
export const CompareColumnText = memo(function CompareColumnText({ body, claims, marks }: { body: string; claims: ClaimView[]; marks: ClaimMarks }) {
  const byId = new Map(claims.map((c) => [c.id, c]));
  return highlightSegments(body.length, claims).map((seg) => {
    const text = body.slice(seg.start, seg.end);
    const claim = seg.claimId ? byId.get(seg.claimId) : undefined;
    if (!claim) return <span key={seg.start}>{text}</span>;
    const active = marks.activeId === claim.id;
    const classes = ["claim", `kind-${claim.kind.toLowerCase()}`, active && "active", marks.chosen.includes(claim.id) && "chosen", marks.flashing.has(claim.id) && "flash"];
    return (
      <mark key={seg.start} data-claim-id={claim.id} className={classes.filter(Boolean).join(" ")} role="button" tabIndex={0}
        aria-pressed={active} title={`${claim.kind.toLowerCase()} · ${claim.links.length} links`}>
        {text}
      </mark>
    );
  });
});
