// ONE registry of export formats: what each is called, how its file is named and typed, whether
// it embeds source texts, and how it renders. The export route, the claims list's download links
// and the tests all read it:
//   const f = EXPORT_FORMATS[format];
//   return new Response(chunksToStream(f.stream(bundle, opts)), { headers: {
//     "content-type": f.contentType,
//     "content-disposition": `attachment; filename="${exportFileName(format, scope, new Date())}"` } });

import { claimReviewClaims, renderClaimReview } from "./claimreview";
import { renderCslJson, sourcesToBibtex } from "./csl";
import { csvBatchChunks, csvChunks, renderCsv } from "./csv";
import { gephiEdgesChunks, gephiNodesChunks, renderGephiEdges, renderGephiNodes } from "./gephi";
import { htmlChunks, renderHtml } from "./html";
import { markdownChunks, renderMarkdown } from "./markdown";
import type { ExportBundle, ExportChunk, ExportStream } from "./model";
import { renderW3c, w3cChunks, w3cStream, type W3cOptions } from "./w3c";

export const EXPORT_FORMAT_NAMES = ["csv", "markdown", "html", "w3c", "csl", "bibtex", "gephi-nodes", "gephi-edges", "claimreview"] as const;
export type ExportFormat = (typeof EXPORT_FORMAT_NAMES)[number];

export interface ExportOptions extends W3cOptions {
  /** Heading of the Markdown and HTML lists, usually the scope label. */
  title?: string;
  /** UTF-8 BOM on the claims CSV (default true; never on Gephi files). */
  bom?: boolean;
}

export interface ExportFormatSpec {
  /** What the format is, in full ("CSV (spreadsheet)"). */
  label: string;
  /** The claims list's download link and its tooltip. */
  linkText: string;
  linkTitle: string;
  contentType: string;
  extension: string;
  /** File name around the scope and date: `<prefix>-<scope>-<date><suffix>.<extension>`. */
  fileStem: { prefix: "claims" | "references"; suffix: string };
  /** Embeds the source texts (so an import can recreate the sources). */
  needsBodies: boolean;
  /** Whole file in memory: fine for small exports and tests. */
  render(bundle: ExportBundle, options?: ExportOptions): string;
  /** Same bytes as render, in chunks, for streaming large exports. */
  stream(bundle: ExportBundle, options?: ExportOptions): AsyncGenerator<string>;
  /** Same bytes again, fed by claims read from the database in batches: formats that have it
   *  export any number of claims in flat memory (the route prefers it). */
  streamBatches?(source: ExportStream, options?: ExportOptions): AsyncGenerator<ExportChunk>;
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
    fileStem: { prefix: "claims", suffix: "" },
    needsBodies: false,
    linkText: "CSV",
    linkTitle: "spreadsheet, one row per claim",
    render: (b, o) => renderCsv(b.claims, { bom: o?.bom }),
    stream: (b, o) => csvChunks(b.claims, { bom: o?.bom }),
    streamBatches: (e, o) => csvBatchChunks(e.batches, { bom: o?.bom }),
  },
  markdown: {
    label: "Markdown cited list",
    contentType: "text/markdown; charset=utf-8",
    extension: "md",
    fileStem: { prefix: "claims", suffix: "" },
    needsBodies: false,
    linkText: "Markdown",
    linkTitle: "cited list",
    render: (b, o) => renderMarkdown(b, { title: o?.title }),
    stream: (b, o) => fromSync(markdownChunks(b, { title: o?.title })),
  },
  html: {
    label: "HTML cited list",
    contentType: "text/html; charset=utf-8",
    extension: "html",
    fileStem: { prefix: "claims", suffix: "" },
    needsBodies: false,
    linkText: "HTML",
    linkTitle: "cited list",
    render: (b, o) => renderHtml(b, { title: o?.title }),
    stream: (b, o) => fromSync(htmlChunks(b, { title: o?.title })),
  },
  w3c: {
    label: "W3C Web Annotations (JSON-LD)",
    // The media type the Web Annotation Protocol registers for this profile.
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    extension: "jsonld",
    fileStem: { prefix: "claims", suffix: "-annotations" },
    needsBodies: true,
    linkText: "W3C JSON",
    linkTitle: "Web Annotations, importable here",
    render: (b, o) => renderW3c(b, o),
    stream: (b, o) => fromSync(w3cChunks(b, o)),
    streamBatches: (e, o) => w3cFromStream(e, o),
  },
  csl: {
    label: "CSL-JSON references",
    contentType: "application/vnd.citationstyles.csl+json; charset=utf-8",
    extension: "json",
    fileStem: { prefix: "references", suffix: "" },
    needsBodies: false,
    linkText: "CSL-JSON",
    linkTitle: "references for Zotero or Pandoc",
    render: (b) => renderCslJson(b.sources, b.citedPages),
    stream: (b) => once(renderCslJson(b.sources, b.citedPages)),
  },
  bibtex: {
    label: "BibTeX references",
    contentType: "application/x-bibtex; charset=utf-8",
    extension: "bib",
    fileStem: { prefix: "references", suffix: "" },
    needsBodies: false,
    linkText: "BibTeX",
    linkTitle: "references",
    render: (b) => sourcesToBibtex(b.sources, b.citedPages),
    stream: (b) => once(sourcesToBibtex(b.sources, b.citedPages)),
  },
  "gephi-nodes": {
    label: "Gephi nodes table",
    contentType: "text/csv; charset=utf-8; header=present",
    extension: "csv",
    fileStem: { prefix: "claims", suffix: "-gephi-nodes" },
    needsBodies: false,
    linkText: "Gephi nodes",
    linkTitle: "claims as graph nodes",
    render: (b) => renderGephiNodes(b.claims),
    stream: (b) => gephiNodesChunks(b.claims),
  },
  "gephi-edges": {
    label: "Gephi edges table",
    contentType: "text/csv; charset=utf-8; header=present",
    extension: "csv",
    fileStem: { prefix: "claims", suffix: "-gephi-edges" },
    needsBodies: false,
    linkText: "Gephi edges",
    linkTitle: "links as graph edges",
    render: (b) => renderGephiEdges(b),
    stream: (b) => gephiEdgesChunks(b),
  },
  claimreview: {
    label: "ClaimReview JSON-LD (schema.org)",
    contentType: "application/ld+json; charset=utf-8",
    extension: "jsonld",
    fileStem: { prefix: "claims", suffix: "-claimreview" },
    needsBodies: false,
    linkText: "ClaimReview",
    linkTitle: "schema.org Claim records: speaker, date, appearances",
    render: (b, o) => renderClaimReviewText(b, o),
    stream: (b, o) => once(renderClaimReviewText(b, o)),
  },
};

async function* w3cFromStream(e: ExportStream, options: ExportOptions = {}): AsyncGenerator<ExportChunk> {
  const links = await e.linksWithinScope();
  // Bodies come with the sources, one batch at a time, instead of a map of every text.
  yield* w3cStream({ generatedAt: e.generatedAt, claimCount: e.claimCount, sources: e.sources({ withBodies: true }), links, batches: e.batches }, { ...options, bodies: undefined });
}

function renderClaimReviewText(bundle: ExportBundle, options?: ExportOptions): string {
  return `${JSON.stringify(renderClaimReview(claimReviewClaims(bundle), { baseUrl: options?.baseUrl }), null, 2)}\n`;
}

export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMAT_NAMES as readonly string[]).includes(name);
}

