// The input every export format renders, plus the small helpers the formats share.
// Pure: no database, React or Next imports, so every format is testable on plain data.

import {
  citationDate,
  displayTitle,
  type ClaimRecord,
  type LinkRecord,
  type LinkRelation,
  type OriginalReference,
  type SourceDoc,
  type SourceMeta,
} from "../types";
import { paragraphIndex } from "../anchoring/paragraphs";
import { exportProvenance, type ExportProvenance } from "./provenance";
import { citationLabel, pageOf } from "../import/pdf/page-map";

export interface ExportClaimLink {
  linkId: string;
  otherClaimId: string;
  relation: LinkRelation;
  direction: "out" | "in";
  note: string;
}

export interface ExportClaim extends ClaimRecord {
  /** The quote every format shows: the span's text without surrounding whitespace. */
  quote: string;
  /** The span's text exactly as stored (with any surrounding whitespace): the W3C selector, so
   *  a file re-imports into the same database unchanged. */
  exact: string;
  /** 1-based paragraph the claim starts in, as the reader numbers them (lib/anchoring/paragraphs.ts). */
  paragraph: number;
  /** Page of a PDF-born source the claim starts on; null for other sources. */
  page: number | null;
  /** "p. 12, ¶3", or "¶3" without a page: how every format cites the claim's place. */
  location: string;
  source: SourceMeta;
  links: ExportClaimLink[];
  /** Speaker, attribution, rests-on and claim date as every format shows them (provenance.ts). */
  prov: ExportProvenance;
}

export interface ExportBundle {
  generatedAt: string;
  claims: ExportClaim[];
  links: LinkRecord[];
  sources: SourceMeta[];
  /** Per source id, the pages its exported claims sit on ("2", "3–5, 9"); PDF-born sources only. */
  citedPages: Map<string, string>;
}

export type MaybeAsyncIterable<T> = Iterable<T> | AsyncIterable<T>;

/** A piece of an export file: text, or a batch's pieces (one a claim) written in order. A batch
 *  is one step of the stream, not one a claim, yet each piece is encoded on its own: a claim's
 *  text is mostly ASCII (one byte a character in V8) and encodes three times as fast as one
 *  string of the whole batch, which a single curly quote makes two bytes a character. */
export type ExportChunk = string | readonly string[];

/**
 * An export read from the database in batches rather than as one bundle (CSV and W3C use it):
 * what is known before the first claim, then the claims as they arrive. The server side is
 * lib/server/export-query.ts streamExport.
 */
export interface ExportStream {
  generatedAt: string;
  claimCount: number;
  /** Claims in the filter's order, each with its links, paragraph and provenance, a batch (an
   *  array, never empty) at a time: a format writes each batch as one chunk, since a chunk per
   *  claim cost a round of promises per claim. */
  batches: AsyncIterable<ExportClaim[]>;
  /** The sources the claims cite, in the order they first appear, bodies included on request. */
  sources(options: { withBodies: boolean }): AsyncIterable<SourceMeta & { body?: string; sections?: SourceDoc["sections"]; pageMap?: SourceDoc["pageMap"]; original?: OriginalReference | null }>;
  /** Links with both ends among the claims. */
  linksWithinScope(): Promise<LinkRecord[]>;
}

/**
 * The bundle's links with both ends among its claims: the one place an export's scope cuts
 * links. A scoped export leaves out links to claims outside it rather than write dangling ones
 * (Gephi would invent bare nodes, an import would refuse them). One pass over the links.
 */
export function linksWithinScope(bundle: Pick<ExportBundle, "claims" | "links">): LinkRecord[] {
  const ids = new Set(bundle.claims.map((c) => c.id));
  return bundle.links.filter((l) => ids.has(l.fromId) && ids.has(l.toId));
}

/** What the human-readable formats say of an orphaned claim (CSV and Gephi have a column). */
export const ORPHANED_NOTICE = "The source text has changed; this quote is no longer found in it.";

/** Each claim's links seen from that claim, in both directions. */
export function linksByClaim(links: Iterable<LinkRecord>): Map<string, ExportClaimLink[]> {
  const byClaim = new Map<string, ExportClaimLink[]>();
  const add = (claimId: string, link: ExportClaimLink) => {
    const list = byClaim.get(claimId);
    if (list) list.push(link);
    else byClaim.set(claimId, [link]);
  };
  for (const l of links) {
    add(l.fromId, { linkId: l.id, otherClaimId: l.toId, relation: l.relation, direction: "out", note: l.note });
    add(l.toId, { linkId: l.id, otherClaimId: l.fromId, relation: l.relation, direction: "in", note: l.note });
  }
  return byClaim;
}

function metaOf(doc: SourceMeta): SourceMeta {
  // Keeps bodies out of the bundle: they are large and only the W3C export wants them, on request.
  return {
    id: doc.id,
    title: doc.title,
    suggestedTitle: doc.suggestedTitle,
    author: doc.author,
    publisher: doc.publisher,
    url: doc.url,
    publishedDate: doc.publishedDate,
    approxDate: doc.approxDate,
  };
}

/** What a claim's citation needs of its source once the text is read: the body itself is dropped,
 *  so a streamed export keeps one of these per source (a few numbers a paragraph), not the texts. */
export interface IndexedSource {
  meta: SourceMeta;
  paragraphOf: (offset: number) => number;
  pageMap: SourceDoc["pageMap"];
}

/** Numbers a source's paragraphs once: O(length of the body). */
export function indexSource(doc: SourceDoc): IndexedSource {
  return { meta: metaOf(doc), paragraphOf: paragraphIndex(doc.body), pageMap: doc.pageMap ?? null };
}

/**
 * Claims with their place (paragraph, page), links and provenance as every format shows them.
 * O(claims × log paragraphs). Adds each claim's page to `pagesBySource` (PDF-born sources).
 * Throws when a claim's source is missing, since that is a caller bug.
 */
export function exportClaims(
  claims: ClaimRecord[],
  sources: Map<string, IndexedSource>,
  links: Iterable<LinkRecord>,
  pagesBySource = new Map<string, Set<number>>(),
): ExportClaim[] {
  const byClaim = linksByClaim(links);
  return claims.map((c): ExportClaim => {
    const src = sources.get(c.sourceId);
    if (!src) throw new Error(`claim ${c.id} refers to source ${c.sourceId}, which is not in the bundle`);
    const paragraph = src.paragraphOf(c.start);
    // O(log pages) per claim.
    const page = src.pageMap ? pageOf(src.pageMap, c.start) : null;
    if (page !== null) {
      const pages = pagesBySource.get(c.sourceId) ?? new Set<number>();
      pagesBySource.set(c.sourceId, pages.add(page));
    }
    // Named fields rather than a spread of the record: one object shape for every claim, which
    // kept this loop at a quarter of the time in npm run bench (10,000 claims).
    return {
      id: c.id, sourceId: c.sourceId, start: c.start, end: c.end, quote: c.quote.trim(), exact: c.quote, prefix: c.prefix, suffix: c.suffix,
      kind: c.kind, note: c.note, orphaned: c.orphaned, authorName: c.authorName, createdAt: c.createdAt, updatedAt: c.updatedAt,
      provenance: c.provenance, paragraph, page, location: citationLabel(page, paragraph), source: src.meta, links: byClaim.get(c.id) ?? [], prov: exportProvenance(c),
    };
  });
}

/** Assembles a bundle from plain records. Sources need their bodies here only to number paragraphs. */
export function buildExportBundle(input: {
  generatedAt: string;
  sources: SourceDoc[];
  claims: ClaimRecord[];
  links: LinkRecord[];
}): ExportBundle {
  const sources = new Map(input.sources.map((s) => [s.id, indexSource(s)]));
  const pagesBySource = new Map<string, Set<number>>();
  const claims = exportClaims(input.claims, sources, input.links, pagesBySource);
  const citedPages = new Map([...pagesBySource].map(([id, pages]) => [id, pageRanges(pages)]));
  return { generatedAt: input.generatedAt, claims, links: input.links, sources: [...sources.values()].map((s) => s.meta), citedPages };
}

/** {2, 3, 4, 9} → "2–4, 9" (CSL's page field takes ranges and lists). */
export function pageRanges(pages: Iterable<number>): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(", ");
}

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/** "2022-05-16" → "16 May 2022", "2022-05" → "May 2022"; anything unparseable is shown as is. */
export function formatHumanDate(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso.trim());
  if (!m) return iso;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1]!;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** The pieces of "(Author, Title, Publisher, Date, ¶N)", absent ones left out by the formats. */
export function citationParts(source: SourceMeta): { author: string | null; title: string; publisher: string | null; date: string | null } {
  return {
    author: source.author?.trim() || null,
    title: collapse(displayTitle(source)),
    publisher: source.publisher?.trim() || null,
    date: formatHumanDate(citationDate(source)),
  };
}

/** Single-line display text: quotes may span paragraphs, but a cited list wants one line each. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function shorten(text: string, max: number): string {
  const flat = collapse(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const atSpace = cut.lastIndexOf(" ");
  return `${(atSpace > max / 2 ? cut.slice(0, atSpace) : cut).trimEnd()}…`;
}

/**
 * Sources in bundle order that have claims, each with its claims by position. Sources only
 * reachable through a claim (not listed in bundle.sources) are appended in claim order.
 */
export function groupBySource(bundle: ExportBundle): { source: SourceMeta; claims: ExportClaim[] }[] {
  const groups = new Map<string, { source: SourceMeta; claims: ExportClaim[] }>();
  for (const s of bundle.sources) groups.set(s.id, { source: s, claims: [] });
  for (const c of bundle.claims) {
    let g = groups.get(c.sourceId);
    if (!g) {
      g = { source: c.source, claims: [] };
      groups.set(c.sourceId, g);
    }
    g.claims.push(c);
  }
  const out = [...groups.values()].filter((g) => g.claims.length > 0);
  for (const g of out) g.claims.sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
  return out;
}

/** Drains chunks into one string: for tests, and callers that do want the whole file. */
export async function collectChunks(chunks: MaybeAsyncIterable<ExportChunk>): Promise<string> {
  let out = "";
  for await (const c of chunks) out += typeof c === "string" ? c : c.join("");
  return out;
}

/** Bytes of one write to the response: a W3C export yields one line per annotation, and a
 *  stream write per line cost more than writing the line. */
const STREAM_CHUNK_BYTES = 64 * 1024;

/** Wraps chunks for a Response body; web-standard, so a route handler can return it directly.
 *  Chunks are encoded straight into 64 KB buffers (encodeInto): joining strings first and
 *  encoding the joined string cost ten times as much (V8 flattens the joined string first). */
export function chunksToStream(chunks: MaybeAsyncIterable<ExportChunk>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = (async function* () {
    yield* chunks;
  })();
  let rest = "";
  // The pieces of the current batch not yet encoded.
  let batch: readonly string[] = [];
  let next = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const buffer = new Uint8Array(STREAM_CHUNK_BYTES);
      let filled = 0;
      for (;;) {
        while (!rest && next < batch.length) rest = batch[next++]!;
        if (!rest) {
          const { value, done } = await iterator.next();
          if (done) {
            if (filled) controller.enqueue(buffer.subarray(0, filled));
            controller.close();
            return;
          }
          if (typeof value === "string") rest = value;
          else [batch, next] = [value, 0];
          continue;
        }
        const { read, written } = encoder.encodeInto(rest, buffer.subarray(filled));
        filled += written;
        rest = rest.slice(read);
        // The buffer is full (what is left of the chunk goes into the next one).
        if (rest) break;
      }
      controller.enqueue(buffer.subarray(0, filled));
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
}
