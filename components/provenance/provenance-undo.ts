// What undo restores after a provenance change: the claim's values before it, in PATCH form.
import type { ClaimView } from "@/lib/types";
import type { ClaimChange } from "@/components/reader/claimsApi";

export function provenanceBefore(claim: Pick<ClaimView, "provenance">, change: ClaimChange): ClaimChange {
  const p = claim.provenance;
  const before: ClaimChange = {};
  if (change.speakerId !== undefined || change.speakerName !== undefined) before.speakerId = p?.speaker?.id ?? null;
  if (change.attributionType !== undefined) before.attributionType = p?.attributionType ?? "OWN_VOICE";
  if (change.restsOn !== undefined) before.restsOn = p?.restsOn ? { kind: p.restsOn.kind, id: p.restsOn.id } : null;
  if (change.claimDate !== undefined) before.claimDate = p?.claimDate ?? null;
  return before;
}
