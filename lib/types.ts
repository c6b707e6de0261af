// Plain domain shapes shared by lib/, routes and components. No Prisma or React types here,
// so pure modules (anchoring, export, quantities) stay testable without a database.

export const CLAIM_KINDS = ["FACT", "OPINION", "PREDICTION"] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const LINK_RELATIONS = ["CONTRADICTS", "SUPPORTS", "REFINES"] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

/** A flagged range of a source's body, e.g. reader comments that are not the author's claims. */
export interface SourceSection {
  kind: "comments";
  start: number;
  end: number;
  label: string;
}

export interface SourceMeta {
  id: string;
  title: string | null;
  suggestedTitle: string | null;
  author: string | null;
  publisher: string | null;
  url: string | null;
  /** Exact publication date, ISO yyyy-mm-dd, when known. */
  publishedDate: string | null;
  /** Partial ISO date ("2022", "2022-05") when only an approximate date is known. */
  approxDate: string | null;
}

export interface SourceDoc extends SourceMeta {
  body: string;
  sections: SourceSection[];
}

/** Offsets are UTF-16 code units into the source's plain-text body, end exclusive. */
export interface ClaimRecord {
  id: string;
  sourceId: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  kind: ClaimKind;
  note: string;
  orphaned: boolean;
  authorName: string;
  createdAt: string;
  updatedAt: string;
}

export interface LinkRecord {
  id: string;
  fromId: string;
  toId: string;
  relation: LinkRelation;
  note: string;
  authorName: string;
  createdAt: string;
}

/** Title shown to people: the real title, else the suggested one, else a placeholder. */
export function displayTitle(s: Pick<SourceMeta, "title" | "suggestedTitle">): string {
  return s.title ?? s.suggestedTitle ?? "Untitled source";
}

/** The date a citation should carry: the exact date, else the approximate one. */
export function citationDate(s: Pick<SourceMeta, "publishedDate" | "approxDate">): string | null {
  return s.publishedDate ?? s.approxDate;
}
