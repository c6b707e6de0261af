// The words people see for claim kinds, link relations, attribution types and project roles: one
// table that the pages, the browser components and the exports all read.
import type { AttributionType, ClaimKind, LinkRelation } from "./types";
import type { ProjectRole } from "./roles";

export const KIND_LABELS: Record<ClaimKind, string> = { FACT: "Fact", OPINION: "Opinion", PREDICTION: "Prediction" };

export const kindLabel = (kind: ClaimKind) => KIND_LABELS[kind];

interface RelationWords {
  /** The relation's name, and how a cited list introduces a link from its origin ("Contradicts"). */
  label: string;
  /** How a cited list introduces a link seen from its target ("Contradicted by"). */
  passive: string;
  /** In a sentence, from each end of the link: "A contradicts B", "B is contradicted by A". */
  out: string;
  in: string;
}

export const RELATION_LABELS: Record<LinkRelation, RelationWords> = {
  CONTRADICTS: { label: "Contradicts", passive: "Contradicted by", out: "contradicts", in: "is contradicted by" },
  SUPPORTS: { label: "Supports", passive: "Supported by", out: "supports", in: "is supported by" },
  REFINES: { label: "Refines", passive: "Refined by", out: "refines", in: "is refined by" },
};

export const relationLabel = (relation: LinkRelation) => RELATION_LABELS[relation].label;

/** A cited list's lead-in for a link seen from one of its claims: "Contradicts", "Contradicted by". */
export function relationPhrase(relation: LinkRelation, direction: "out" | "in"): string {
  const words = RELATION_LABELS[relation];
  return direction === "out" ? words.label : words.passive;
}

export const ATTRIBUTION_LABELS: Record<AttributionType, string> = {
  OWN_VOICE: "Source's own voice",
  DIRECT_QUOTE: "Direct quote",
  PARAPHRASE: "Paraphrase",
  REPORTED: "Reported (according to …)",
  ANONYMOUS: "Anonymous (officials said …)",
  READER_COMMENT: "Reader comment",
};

export const attributionLabel = (type: AttributionType) => ATTRIBUTION_LABELS[type];

/** A project member's role (lib/roles.ts), with what it lets them do in a line. */
export const ROLE_LABELS: Record<ProjectRole, { label: string; may: string }> = {
  OWNER: { label: "Owner", may: "manages members and settings, and may change anything in the project" },
  CURATOR: { label: "Curator", may: "may change any claim, link, cluster or source of the project" },
  ANNOTATOR: { label: "Annotator", may: "adds sources and claims, changes their own, links any claims" },
  VIEWER: { label: "Viewer", may: "reads and exports" },
};

export const roleLabel = (role: ProjectRole) => ROLE_LABELS[role].label;
