// One uploaded file (PDF, HTML page, plain text or Markdown) → what a new source is made of:
// body, page map, flagged sections, metadata offered for confirmation, warnings. Pure; errors
// come back as typed results with the HTTP status the upload route answers with.
import { extractHtml } from "./html";
import { MAX_DOCUMENT_BYTES } from "./limits";
import { extractPdf, type PageRange } from "./pdf";
import type { SourceSection } from "../types";

export type DocumentKind = "pdf" | "html" | "text";

export interface DocumentMetadata {
  title: string | null;
  author: string | null;
  publisher: string | null;
  /** yyyy-mm-dd as the file states it. */
  date: string | null;
  url: string | null;
}

export interface DocumentExtraction {
  kind: DocumentKind;
  body: string;
  pageMap: PageRange[] | null;
  sections: SourceSection[];
  metadata: DocumentMetadata;
  warnings: string[];
}

export type DocumentResult =
  | { ok: true; value: DocumentExtraction }
  | { ok: false; error: { status: 413 | 415 | 422; code: string; message: string } };

export const ACCEPTED_EXTENSIONS = [".pdf", ".html", ".htm", ".txt", ".md"] as const;

/** By extension first (browsers report .md as "" or octet-stream), then by media type. */
export function documentKind(name: string, mediaType: string): DocumentKind | null {
  const ext = /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? "";
  if (ext === ".pdf" || mediaType === "application/pdf") return "pdf";
  if (ext === ".html" || ext === ".htm" || mediaType === "text/html") return "html";
  if (ext === ".txt" || ext === ".md" || mediaType === "text/plain" || mediaType === "text/markdown") return "text";
  return null;
}

export const MEDIA_TYPES: Record<DocumentKind, string> = { pdf: "application/pdf", html: "text/html", text: "text/plain" };

const NO_META: DocumentMetadata = { title: null, author: null, publisher: null, date: null, url: null };

export async function extractDocument(file: { name: string; mediaType: string; bytes: Uint8Array }): Promise<DocumentResult> {
  const kind = documentKind(file.name, file.mediaType);
  if (!kind) {
    return { ok: false, error: { status: 415, code: "UNSUPPORTED", message: `${file.name} is not a PDF, HTML, .txt or .md file.` } };
  }
  if (file.bytes.byteLength > MAX_DOCUMENT_BYTES) {
    return { ok: false, error: { status: 413, code: "TOO_LARGE", message: `${file.name} is ${(file.bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is 50 MB.` } };
  }
  if (kind === "pdf") {
    const result = await extractPdf(file.bytes);
    if (!result.ok) return { ok: false, error: { status: result.error.code === "TOO_LARGE" ? 413 : 422, ...result.error } };
    const { body, pageMap, metadata, warnings } = result.value;
    return { ok: true, value: { kind, body, pageMap, sections: [], metadata: { ...NO_META, ...metadata }, warnings } };
  }
  const text = new TextDecoder("utf-8").decode(file.bytes);
  if (kind === "html") {
    const result = extractHtml(text);
    if (!result.ok) return { ok: false, error: { status: result.error.code === "TOO_LARGE" ? 413 : 422, ...result.error } };
    const { body, sections, metadata } = result.value;
    const { canonicalUrl, ...rest } = metadata;
    return { ok: true, value: { kind, body, pageMap: null, sections, metadata: { ...rest, url: canonicalUrl }, warnings: [] } };
  }
  // Line ends are normalised with every body when the source is stored (lib/server/sources.ts).
  const body = text;
  if (!/[\p{L}\p{N}]/u.test(body)) return { ok: false, error: { status: 422, code: "NO_TEXT", message: `${file.name} has no text.` } };
  return { ok: true, value: { kind, body, pageMap: null, sections: [], metadata: NO_META, warnings: [] } };
}
