// Who asserts a claim, and how the source carries it. The types match the AttributionType enum
// of the database (prisma/schema.prisma); the labels are what researchers read.
import type { SourceSection } from "../types";

export const ATTRIBUTION_TYPES = ["OWN_VOICE", "DIRECT_QUOTE", "PARAPHRASE", "REPORTED", "ANONYMOUS", "READER_COMMENT"] as const;
export type AttributionType = (typeof ATTRIBUTION_TYPES)[number];

export const ATTRIBUTION_LABELS: Record<AttributionType, string> = {
  OWN_VOICE: "Source's own voice",
  DIRECT_QUOTE: "Direct quote",
  PARAPHRASE: "Paraphrase",
  REPORTED: "Reported (according to …)",
  ANONYMOUS: "Anonymous (officials said …)",
  READER_COMMENT: "Reader comment",
};

export interface DefaultAttribution {
  type: AttributionType;
  /** The speaker to create or reuse; null when nobody is known (a reader comment, an unsigned text). */
  speakerName: string | null;
}

/** True when the claim starts inside a flagged reader-comments section. The migration
 *  20261201120000_provenance backfills with the same rule; keep the two in step. */
export function inCommentsSection(sections: readonly SourceSection[], start: number): boolean {
  return sections.some((s) => s.kind === "comments" && start >= s.start && start < s.end);
}

/** The attribution a new claim gets before the researcher says otherwise: the source's author
 *  (else its publisher) in its own text; a reader comment, never the author, in the comments. */
export function defaultAttribution(
  source: { author: string | null; publisher: string | null },
  sections: readonly SourceSection[],
  start: number,
  _end: number,
): DefaultAttribution {
  if (inCommentsSection(sections, start)) return { type: "READER_COMMENT", speakerName: null };
  const speakerName = source.author?.trim() || source.publisher?.trim() || null;
  return { type: "OWN_VOICE", speakerName };
}
