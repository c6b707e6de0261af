// Who asserts a claim, and how the source carries it: the default a new claim gets. The types
// (ATTRIBUTION_TYPES) live in lib/types.ts and their words in lib/labels.ts, for the browser.
import type { AttributionType, SourceSection } from "../types";

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
