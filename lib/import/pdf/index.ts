// PDF → source body, page map and metadata. Errors come back as typed results, never thrown.
import { MAX_DOCUMENT_BYTES } from "../limits";
import { pageLines } from "./lines";
import { PdfLoadError, loadPdf } from "./load";
import { pdfMetadata } from "./metadata";
import { reflow } from "./reflow";
import { dropRunningLines } from "./running";
import type { PdfResult } from "./types";

export type { PageRange, PdfErrorCode, PdfExtraction, PdfMetadata, PdfResult } from "./types";
export { citationLabel, pageOf } from "./page-map";


export async function extractPdf(bytes: Uint8Array): Promise<PdfResult> {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    return { ok: false, error: { code: "TOO_LARGE", message: `This file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is 50 MB.` } };
  }
  let loaded;
  try {
    loaded = await loadPdf(bytes);
  } catch (e) {
    if (e instanceof PdfLoadError) return { ok: false, error: { code: e.code, message: e.message } };
    throw e;
  }
  const pages = loaded.pages.map((page) => ({ page, lines: pageLines(page) }));
  const { lines } = dropRunningLines(pages);
  const { body, pageMap } = reflow(lines.flat());
  if (!/[\p{L}\p{N}]/u.test(body)) {
    return { ok: false, error: { code: "NO_TEXT", message: "This PDF has no text layer (it looks scanned); text recognition (OCR) is not offered, so there is nothing to import." } };
  }
  const warnings: string[] = [];
  const blank = pages.filter((p) => p.lines.length === 0).map((p) => p.page.page);
  if (blank.length > 0) warnings.push(`No text on page${blank.length > 1 ? "s" : ""} ${blank.join(", ")} (scanned or image only): ${blank.length > 1 ? "their" : "its"} content is missing.`);
  return { ok: true, value: { body, pageMap, metadata: pdfMetadata(loaded.metadata), warnings } };
}
