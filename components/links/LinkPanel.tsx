"use client";

import type { ClaimView } from "@/lib/claims";

/** The links of one claim, and (to come) the form to add one. Rendered inside the reader's claim editor. */
export function LinkPanel({ claim }: { claim: ClaimView; onChanged?: () => void }) {
  if (!claim.links.length) return <p className="muted">No links yet.</p>;
  return (
    <ul aria-label="Links">
      {claim.links.map((l) => (
        <li key={l.linkId}>
          {l.direction === "out" ? l.relation.toLowerCase() : `${l.relation.toLowerCase()} (from)`}: “{l.otherQuote}”
        </li>
      ))}
    </ul>
  );
}
