// Shapes of HTML extraction.
import type { SourceSection } from "@/lib/types";

export type BlockKind = "heading" | "paragraph" | "quote" | "list-item";

/** One paragraph of the body: [start, end) in the body text, and what it was in the page. */
export interface HtmlBlock {
  kind: BlockKind;
  start: number;
  end: number;
}

export interface HtmlMetadata {
  title: string | null;
  author: string | null;
  publisher: string | null;
  /** ISO yyyy-mm-dd as the page states it (the publication date, not converted to UTC). */
  date: string | null;
  canonicalUrl: string | null;
}

export interface HtmlExtraction {
  /** Plain text: one block per line, blocks separated by a blank line (as the corpus texts are). */
  body: string;
  blocks: HtmlBlock[];
  /** The reader comments, when the page marks them up, appended after the article and flagged. */
  sections: SourceSection[];
  metadata: HtmlMetadata;
}

export type HtmlErrorCode = "NO_ARTICLE" | "TOO_LARGE";

export type HtmlResult = { ok: true; value: HtmlExtraction } | { ok: false; error: { code: HtmlErrorCode; message: string } };
