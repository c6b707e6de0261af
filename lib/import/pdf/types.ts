// Shapes of PDF extraction. The reflow works on these plain records, so it is tested without pdf.js.

/** One run of text as pdf.js reports it; x, y in PDF points from the page's bottom-left corner (y is the baseline). */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size in points (the text matrix's vertical scale). */
  size: number;
}

export interface PdfPageText {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** A line of text on one page, in reading order. `flow` numbers the column or band it belongs to on its page. */
export interface PdfLine {
  page: number;
  text: string;
  x: number;
  xEnd: number;
  y: number;
  size: number;
  flow: number;
}

/** The body offsets [start, end) that came from `page`. Ranges are contiguous and cover the whole body. */
export interface PageRange {
  page: number;
  start: number;
  end: number;
}

export interface PdfMetadata {
  title: string | null;
  author: string | null;
  /** ISO yyyy-mm-dd: the document's creation date as the PDF states it. */
  date: string | null;
}

export interface PdfExtraction {
  /** Plain text: one paragraph per line, paragraphs separated by a blank line (as the corpus texts are). */
  body: string;
  pageMap: PageRange[];
  metadata: PdfMetadata;
  warnings: string[];
}

export type PdfErrorCode = "NO_TEXT" | "ENCRYPTED" | "CORRUPT" | "TOO_LARGE";

export type PdfResult = { ok: true; value: PdfExtraction } | { ok: false; error: { code: PdfErrorCode; message: string } };
