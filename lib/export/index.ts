// One entry per export format, so a route handler can serve any of them the same way:
//   const f = EXPORT_FORMATS[format];
//   return new Response(chunksToStream(f.stream(bundle, opts)), { headers: {
//     "content-type": f.contentType,
//     "content-disposition": `attachment; filename="${exportFileName(format, scope, new Date())}"` } });

import { renderCslJson, sourcesToBibtex } from "./csl";
import { csvChunks, renderCsv } from "./csv";
import { gephiEdgesChunks, gephiNodesChunks, renderGephiEdges, renderGephiNodes } from "./gephi";
import { htmlChunks, renderHtml } from "./html";
import { markdownChunks, renderMarkdown } from "./markdown";
import type { ExportBundle } from "./model";
import { renderW3c, w3cChunks, type W3cOptions } from "./w3c";

export * from "./model";
export { CSV_COLUMNS, csvChunks, renderCsv, formatLinkedClaims } from "./csv";
export { renderMarkdown, markdownChunks, escapeMarkdown } from "./markdown";
export { renderHtml, htmlChunks, escapeHtml } from "./html";
export { renderW3c, w3cChunks, recordIri, parseRecordIri, CP_NAMESPACE } from "./w3c";
export { parseW3cImport, type ImportPlan, type ImportSource, type ImportClaim, type ImportLink, type ImportResult } from "../import/w3c";
export { sourcesToCsl, sourcesToBibtex, renderCslJson, citationKeys, parseAuthorNames, type CslItem } from "./csl";
export { renderGephiNodes, renderGephiEdges, gephiNodesChunks, gephiEdgesChunks } from "./gephi";

export const EXPORT_FORMAT_NAMES = ["csv", "markdown", "html", "w3c", "csl", "bibtex", "gephi-nodes", "gephi-edges"] as const;
export type ExportFormat = (typeof EXPORT_FORMAT_NAMES)[number];

export interface ExportOptions extends W3cOptions {
  /** Heading of the Markdown and HTML lists, usually the scope label. */
  title?: string;
  /** UTF-8 BOM on the claims CSV (default true; never on Gephi files). */
  bom?: boolean;
}

export interface ExportFormatSpec {
  label: string;
  contentType: string;
  extension: string;
  /** Whole file in memory: fine for small exports and tests. */
  render(bundle: ExportBundle, options?: ExportOptions): string;
  /** Same bytes as render, in chunks, for streaming large exports. */
  stream(bundle: ExportBundle, options?: ExportOptions): AsyncGenerator<string>;
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

async function* fromSync(chunks: Iterable<string>): AsyncGenerator<string> {
  yield* chunks;
}

export const EXPORT_FORMATS: Record<ExportFormat, ExportFormatSpec> = {
  csv: {
    label: "CSV (spreadsheet)",
    contentType: "text/csv; charset=utf-8; header=present",
    extension: "csv",
    render: (b, o) => renderCsv(b.claims, { bom: o?.bom }),
    stream: (b, o) => csvChunks(b.claims, { bom: o?.bom }),
  },
  markdown: {
    label: "Markdown cited list",
    contentType: "text/markdown; charset=utf-8",
    extension: "md",
    render: (b, o) => renderMarkdown(b, { title: o?.title }),
    stream: (b, o) => fromSync(markdownChunks(b, { title: o?.title })),
  },
  html: {
    label: "HTML cited list",
    contentType: "text/html; charset=utf-8",
    extension: "html",
    render: (b, o) => renderHtml(b, { title: o?.title }),
    stream: (b, o) => fromSync(htmlChunks(b, { title: o?.title })),
  },
  w3c: {
    label: "W3C Web Annotations (JSON-LD)",
    // The media type the Web Annotation Protocol registers for this profile.
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    extension: "jsonld",
    render: (b, o) => renderW3c(b, o),
    stream: (b, o) => fromSync(w3cChunks(b, o)),
  },
  csl: {
    label: "CSL-JSON references",
    contentType: "application/vnd.citationstyles.csl+json; charset=utf-8",
    extension: "json",
    render: (b) => renderCslJson(b.sources, b.citedPages),
    stream: (b) => once(renderCslJson(b.sources, b.citedPages)),
  },
  bibtex: {
    label: "BibTeX references",
    contentType: "application/x-bibtex; charset=utf-8",
    extension: "bib",
    render: (b) => sourcesToBibtex(b.sources, b.citedPages),
    stream: (b) => once(sourcesToBibtex(b.sources, b.citedPages)),
  },
  "gephi-nodes": {
    label: "Gephi nodes table",
    contentType: "text/csv; charset=utf-8; header=present",
    extension: "csv",
    render: (b) => renderGephiNodes(b.claims),
    stream: (b) => gephiNodesChunks(b.claims),
  },
  "gephi-edges": {
    label: "Gephi edges table",
    contentType: "text/csv; charset=utf-8; header=present",
    extension: "csv",
    render: (b) => renderGephiEdges(b),
    stream: (b) => gephiEdgesChunks(b.links, new Set(b.claims.map((c) => c.id))),
  },
};

export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMAT_NAMES as readonly string[]).includes(name);
}

// Russian and Kazakh Cyrillic, the scripts this corpus's scope labels are most likely to use.
const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k",
  л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts",
  ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya", і: "i", ә: "a",
  ғ: "g", қ: "q", ң: "n", ө: "o", ұ: "u", ү: "u", һ: "h", ї: "yi", є: "ye", ґ: "g",
};

/** Lowercase ASCII words joined by "-", at most maxLength long, cut at a word boundary. */
export function slugify(text: string, maxLength = 60): string {
  const ascii = text
    .toLowerCase()
    .replace(/[\u0400-\u04ff]/g, (ch) => CYRILLIC[ch] ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[æ]/g, "ae")
    .replace(/[ø]/g, "o")
    .replace(/['’]/g, "");
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > 0 ? cut.slice(0, lastDash) : slug.slice(0, maxLength)).replace(/-+$/, "");
}

const FILE_STEMS: Record<ExportFormat, { prefix: string; suffix: string }> = {
  csv: { prefix: "claims", suffix: "" },
  markdown: { prefix: "claims", suffix: "" },
  html: { prefix: "claims", suffix: "" },
  w3c: { prefix: "claims", suffix: "-annotations" },
  csl: { prefix: "references", suffix: "" },
  bibtex: { prefix: "references", suffix: "" },
  "gephi-nodes": { prefix: "claims", suffix: "-gephi-nodes" },
  "gephi-edges": { prefix: "claims", suffix: "-gephi-edges" },
};

/**
 * e.g. claims-kazakhstan-deployment-2026-11-23.csv. ASCII only, so it is safe in a
 * Content-Disposition header without RFC 5987 encoding. The date is taken in UTC.
 */
export function exportFileName(format: ExportFormat, scopeLabel: string | null | undefined, date: Date | string): string {
  const { prefix, suffix } = FILE_STEMS[format];
  const day = typeof date === "string" ? date.slice(0, 10) : date.toISOString().slice(0, 10);
  const parts = [prefix, slugify(scopeLabel ?? ""), /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : ""].filter(Boolean);
  return `${parts.join("-")}${suffix}.${EXPORT_FORMATS[format].extension}`;
}
