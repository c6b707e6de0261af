// The provenance of a claim as the database holds it (speaker, attribution type, rests-on, claim
// date) and as the app shows it (ClaimProvenance): one select, one mapping, read by the claim
// views and the exports. Costs one join per relation per claim loaded.
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { displayTitle, type ClaimProvenance, type ExternalReferenceView, type RestsOnView } from "../types";

export const provenanceSelect = {
  attributionType: true,
  claimDateStart: true,
  claimDateEnd: true,
  claimDatePrecision: true,
  speaker: { select: { id: true, name: true, role: true, aliases: true } },
  restsOnClaim: { select: { id: true, quote: true, sourceId: true } },
  restsOnSource: { select: { id: true, title: true, suggestedTitle: true } },
  restsOnReference: true,
} satisfies Prisma.ClaimSelect;

export type ProvenanceRow = Prisma.ClaimGetPayload<{ select: typeof provenanceSelect }>;

const day = (d: Date) => d.toISOString().slice(0, 10);

export function toReferenceView(r: { id: string; title: string; publisher: string | null; url: string | null; date: Date | null }): ExternalReferenceView {
  return { id: r.id, title: r.title, publisher: r.publisher, url: r.url, date: r.date ? day(r.date) : null };
}

/** "Reuters, 6 Jan 2022" style words for an outside reference. */
export function referenceLabel(r: ExternalReferenceView): string {
  return [r.title, r.publisher, r.date].filter(Boolean).join(", ");
}

export function toProvenance(row: ProvenanceRow): ClaimProvenance {
  let restsOn: RestsOnView | null = null;
  if (row.restsOnClaim) restsOn = { kind: "claim", id: row.restsOnClaim.id, sourceId: row.restsOnClaim.sourceId, label: row.restsOnClaim.quote.trim() };
  else if (row.restsOnSource) restsOn = { kind: "source", id: row.restsOnSource.id, label: displayTitle(row.restsOnSource) };
  else if (row.restsOnReference) {
    const reference = toReferenceView(row.restsOnReference);
    restsOn = { kind: "reference", id: reference.id, label: referenceLabel(reference), reference };
  }
  return {
    speaker: row.speaker,
    attributionType: row.attributionType,
    restsOn,
    claimDate: row.claimDateStart && row.claimDateEnd && row.claimDatePrecision
      ? { start: day(row.claimDateStart), end: day(row.claimDateEnd), precision: row.claimDatePrecision }
      : null,
  };
}
