// Title, author and date from the PDF's document information dictionary, falling back to its XMP metadata.

import type { PdfMetadata } from "./types";

export interface RawPdfMetadata {
  info: Record<string, unknown>;
  /** XMP properties by name, e.g. "dc:title", when the file has an XMP packet. */
  xmp: (name: string) => unknown;
}

/** "D:20221104153000+01'00'" (PDF date) or an ISO date → "2022-11-04"; null when unreadable. */
export function pdfDate(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const m = /^(?:D:)?(\d{4})-?(\d{2})?-?(\d{2})?/.exec(value.trim());
  if (!m) return null;
  const [year, month = "01", day = "01"] = [m[1], m[2], m[3]];
  const date = new Date(Date.UTC(+year, +month - 1, +day));
  if (date.getUTCMonth() !== +month - 1 || date.getUTCDate() !== +day) return null;
  return `${year}-${month}-${day}`;
}

const text = (value: unknown): string | null => {
  const s = Array.isArray(value) ? value.join("; ") : value;
  return typeof s === "string" && s.trim() ? s.trim().replace(/\s+/g, " ") : null;
};

// Word processors write the file name as the title ("Microsoft Word - draft.docx"); that is no title.
const FILE_NAME_TITLE = /(^microsoft \w+ - )|\.(docx?|odt|pdf|rtf|indd|tex)$/i;

export function pdfMetadata(raw: RawPdfMetadata): PdfMetadata {
  const title = text(raw.info.Title) ?? text(raw.xmp("dc:title"));
  return {
    title: title && !FILE_NAME_TITLE.test(title) ? title : null,
    author: text(raw.info.Author) ?? text(raw.xmp("dc:creator")),
    date: pdfDate(raw.info.CreationDate) ?? pdfDate(raw.xmp("xmp:createdate")),
  };
}
