// The words every export format uses for a claim's provenance, so they say the same thing:
// who says it (a reader comment is always "reader comment", never the article's author), how,
// what it rests on and when it is about. Pure; one call per claim.
import { attributionLabel } from "../labels";
import type { AttributionType, ClaimDateView, ClaimRecord, RestsOnView } from "../types";

export interface ExportProvenance {
  speaker: { name: string; role: string | null } | null;
  attribution: AttributionType;
  restsOn: RestsOnView | null;
  claimDate: ClaimDateView | null;
}

/** A record without provenance (made before it existed) reads as the source's own voice. */
export function exportProvenance(c: Pick<ClaimRecord, "provenance">): ExportProvenance {
  const p = c.provenance;
  return {
    speaker: p?.speaker && p.attributionType !== "READER_COMMENT" ? { name: p.speaker.name, role: p.speaker.role } : null,
    attribution: p?.attributionType ?? "OWN_VOICE",
    restsOn: p?.restsOn ?? null,
    claimDate: p?.claimDate ?? null,
  };
}

export const isReaderComment = (p: ExportProvenance) => p.attribution === "READER_COMMENT";

/** "Michael Andersen (Danish journalist)", "reader comment", or null when nobody is known. */
export function speakerWords(p: ExportProvenance): string | null {
  if (isReaderComment(p)) return "reader comment";
  if (!p.speaker) return null;
  return p.speaker.role ? `${p.speaker.name} (${p.speaker.role})` : p.speaker.name;
}

/** "claim:<id>", "source:<id>", "reference:<id>": the machine form of the CSV's rests_on. */
export const restsOnKey = (r: RestsOnView | null) => (r ? `${r.kind}:${r.id}` : null);

/** "claim “…”", "source Title", "Title, Publisher, date <url>". */
export function restsOnWords(r: RestsOnView | null): string | null {
  if (!r) return null;
  if (r.kind === "claim") return `claim “${r.label}”`;
  if (r.kind === "source") return `source ${r.label}`;
  return r.reference.url ? `${r.label} <${r.reference.url}>` : r.label;
}

/** ISO 8601 at its precision: "2022-01-06", "2022-01", "2022", or "start/end" for a span. */
export function claimDateWords(d: ClaimDateView | null): string | null {
  if (!d) return null;
  const cut = d.precision === "DAY" ? 10 : d.precision === "MONTH" ? 7 : 4;
  const start = d.start.slice(0, cut);
  const end = d.end.slice(0, cut);
  return start === end ? start : `${start}/${end}`;
}

/** One sentence for the cited lists: "Said by: X · Direct quote · Rests on: … · About: 2022". */
export function provenanceSentence(p: ExportProvenance): string {
  const who = speakerWords(p);
  return [
    isReaderComment(p) ? "Reader comment (not the author's claim)" : who ? `Said by: ${who}` : null,
    isReaderComment(p) ? null : attributionLabel(p.attribution),
    restsOnWords(p.restsOn) && `Rests on: ${restsOnWords(p.restsOn)}`,
    claimDateWords(p.claimDate) && `About: ${claimDateWords(p.claimDate)}`,
  ].filter(Boolean).join(" · ");
}
