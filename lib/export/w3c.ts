// Claims and links as a W3C Web Annotation Data Model collection (JSON-LD), readable by any
// annotation tool and importable back into an empty database by parseW3cImport.
//
// Layout: an AnnotationCollection whose single embedded AnnotationPage ("first") holds the
// items, as §5 of the model puts annotations on pages, not on the collection itself.
//
// Claim → Annotation, motivation "describing":
//   body:   [{ TextualBody, purpose "tagging", value: "FACT" | "OPINION" | "PREDICTION" },
//            { TextualBody, purpose "commenting", value: note }]   (the note only when non-empty)
//   target: { source: urn:source:<id>, selector: [TextQuoteSelector, TextPositionSelector] }
//   creator { type Person, name }, created, modified.
// Link → Annotation on the claim annotation, motivation "linking":
//   target: the "from" claim's annotation IRI; body: the "to" claim's IRI, followed by a
//   commenting TextualBody when the link has a note.
//
// Extension vocabulary, prefix "cp" (CP_NAMESPACE, declared in the @context):
//   cp:relation     on link annotations: "CONTRADICTS" | "SUPPORTS" | "REFINES"
//   cp:paragraph    on claim annotations: 1-based paragraph of the quote (informative only)
//   FragmentSelector "page=N" (RFC 3778) in the target of a claim in a PDF-born source
//   cp:orphaned     on claim annotations, only when true: the source text was corrected and no
//                   longer contains the quote, so the selectors record where it last was
//   cp:sourceInfo   on claim targets: the source's citation metadata (dcterms:title,
//                   dcterms:creator, dcterms:publisher, dcterms:issued, cp:approxDate, cp:url,
//                   cp:suggestedTitle), so a single annotation can be cited on its own
//   cp:sources      on the collection: every source with that metadata and, when requested,
//                   cp:body (the plain text the offsets index, UTF-16 code units) and
//                   cp:sections (flagged ranges such as reader comments); for a source made
//                   from a file, cp:pageMap ([{ page, start, end }] body ranges per PDF page, so
//                   an imported source still cites "p. 12, ¶3") and cp:original (cp:fileName,
//                   dcterms:format, cp:byteSize, cp:sha256: which file it came from). The file's
//                   bytes do not travel: a 50 MB PDF would swell the export by a third again as
//                   base64 and annotation tools have no use for it; the text, offsets and pages
//                   are what the annotations rest on, and the hash lets a holder of the file
//                   check it is the same one.
// Unknown metadata is written as null rather than left out, so a round trip is exact.
//
// IRIs are urn:claim:<id>, urn:link:<id>, urn:source:<id>, or with a baseUrl
// <base>/claims/<id>, <base>/links/<id>, <base>/sources/<id>.

import type { PageRange } from "../import/pdf/types";
import type { LinkRecord, OriginalReference, SourceMeta, SourceSection } from "../types";

export type { OriginalReference };
import { linksWithinScope, ORPHANED_NOTICE, type ExportBundle, type ExportChunk, type ExportClaim } from "./model";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const CP_NAMESPACE = "urn:claim-provenance:ns#";
export const PROV_NAMESPACE = "http://www.w3.org/ns/prov#";
export const W3C_CONTEXT = [ANNO_CONTEXT, { cp: CP_NAMESPACE, dcterms: "http://purl.org/dc/terms/", prov: PROV_NAMESPACE }] as const;

export type RecordKind = "claim" | "link" | "source" | "reference";

export interface W3cOptions {
  /** Makes ids dereferenceable app URLs instead of URNs, e.g. "https://claims.example.org". */
  baseUrl?: string;
  /** Source bodies to embed (cp:body, cp:sections, cp:pageMap, cp:original) so an import can recreate the sources. */
  bodies?: ReadonlyMap<string, { body: string; sections?: SourceSection[]; pageMap?: PageRange[] | null; original?: OriginalReference | null }>;
  /** Collection label; defaults to "Claim export". */
  label?: string;
}

export function recordIri(kind: RecordKind, id: string, baseUrl?: string): string {
  if (!baseUrl) return `urn:${kind}:${id}`;
  return `${baseUrl.replace(/\/+$/, "")}/${kind}s/${encodeURIComponent(id)}`;
}

/** Inverse of recordIri for either form; null when the IRI is not of that kind. */
export function parseRecordIri(kind: RecordKind, iri: string): string | null {
  const urn = `urn:${kind}:`;
  if (iri.startsWith(urn)) return iri.length > urn.length ? iri.slice(urn.length) : null;
  const m = new RegExp(`^https?://[^?#]*/${kind}s/([^/?#]+)$`).exec(iri);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
}


export function originalEntry(o: OriginalReference): Record<string, unknown> {
  return { "cp:fileName": o.name, "dcterms:format": o.mediaType, "cp:byteSize": o.size, "cp:sha256": o.sha256 };
}

export interface W3cSourceInfo {
  "dcterms:title": string | null;
  "cp:suggestedTitle": string | null;
  "dcterms:creator": string | null;
  "dcterms:publisher": string | null;
  "dcterms:issued": string | null;
  "cp:approxDate": string | null;
  "cp:url": string | null;
}

export function sourceInfo(s: SourceMeta): W3cSourceInfo {
  return {
    "dcterms:title": s.title,
    "cp:suggestedTitle": s.suggestedTitle,
    "dcterms:creator": s.author,
    "dcterms:publisher": s.publisher,
    "dcterms:issued": s.publishedDate,
    "cp:approxDate": s.approxDate,
    "cp:url": s.url,
  };
}

export function sourceEntry(s: SourceMeta, options: W3cOptions = {}): Record<string, unknown> {
  const entry: Record<string, unknown> = { id: recordIri("source", s.id, options.baseUrl), type: "Text", ...sourceInfo(s) };
  const body = options.bodies?.get(s.id);
  if (body) {
    entry["cp:body"] = body.body;
    entry["cp:sections"] = body.sections ?? [];
    if (body.pageMap) entry["cp:pageMap"] = body.pageMap.map(({ page, start, end }) => ({ page, start, end }));
    if (body.original) entry["cp:original"] = originalEntry(body.original);
  }
  return entry;
}

function creator(name: string): { creator?: { type: "Person"; name: string } } {
  return name ? { creator: { type: "Person", name } } : {};
}

export function claimAnnotation(c: ExportClaim, options: W3cOptions = {}): Record<string, unknown> {
  const body: Record<string, unknown>[] = [{ type: "TextualBody", purpose: "tagging", value: c.kind }];
  if (c.note) body.push({ type: "TextualBody", purpose: "commenting", value: c.note, format: "text/plain" });
  // Said where any Web Annotation client shows it, besides cp:orphaned for this app's import.
  if (c.orphaned) body.push({ type: "TextualBody", purpose: "assessing", value: `Orphaned: ${ORPHANED_NOTICE}`, format: "text/plain" });
  return {
    id: recordIri("claim", c.id, options.baseUrl),
    type: "Annotation",
    motivation: "describing",
    created: c.createdAt,
    modified: c.updatedAt,
    ...creator(c.authorName),
    body,
    target: {
      source: recordIri("source", c.sourceId, options.baseUrl),
      "cp:sourceInfo": sourceInfo(c.source),
      selector: [
        { type: "TextQuoteSelector", exact: c.exact, prefix: c.prefix, suffix: c.suffix },
        { type: "TextPositionSelector", start: c.start, end: c.end },
        // The page of the original PDF (RFC 3778's #page=N), an alternative description of where it is.
        ...(c.page !== null ? [{ type: "FragmentSelector", conformsTo: "http://tools.ietf.org/rfc/rfc3778", value: `page=${c.page}` }] : []),
      ],
    },
    "cp:paragraph": c.paragraph,
    ...(c.orphaned ? { "cp:orphaned": true } : {}),
    ...provenanceTerms(c, options),
  };
}

/** Speaker and origin in PROV-O terms, the attribution type and claim date in ours:
 *  prov:wasAttributedTo an agent (name, cp:role); a direct quote prov:wasQuotedFrom its origin,
 *  anything else prov:hadPrimarySource; a reader comment is attributed to no one. */
function provenanceTerms(c: ExportClaim, options: W3cOptions): Record<string, unknown> {
  const p = c.prov;
  const out: Record<string, unknown> = { "cp:attribution": p.attribution };
  if (p.speaker) out["prov:wasAttributedTo"] = { type: "prov:Agent", name: p.speaker.name, ...(p.speaker.role ? { "cp:role": p.speaker.role } : {}) };
  const r = p.restsOn;
  if (r) {
    const origin = r.kind === "reference"
      ? {
          id: recordIri("reference", r.id, options.baseUrl),
          "dcterms:title": r.reference.title,
          ...(r.reference.publisher ? { "dcterms:publisher": r.reference.publisher } : {}),
          ...(r.reference.date ? { "dcterms:issued": r.reference.date } : {}),
          ...(r.reference.url ? { "cp:url": r.reference.url } : {}),
        }
      : { id: recordIri(r.kind, r.id, options.baseUrl) };
    out[p.attribution === "DIRECT_QUOTE" ? "prov:wasQuotedFrom" : "prov:hadPrimarySource"] = origin;
  }
  if (p.claimDate) out["cp:claimDate"] = { "cp:start": p.claimDate.start, "cp:end": p.claimDate.end, "cp:precision": p.claimDate.precision };
  return out;
}

export function linkAnnotation(l: LinkRecord, options: W3cOptions = {}): Record<string, unknown> {
  const to = recordIri("claim", l.toId, options.baseUrl);
  return {
    id: recordIri("link", l.id, options.baseUrl),
    type: "Annotation",
    motivation: "linking",
    created: l.createdAt,
    ...creator(l.authorName),
    body: l.note ? [to, { type: "TextualBody", purpose: "commenting", value: l.note, format: "text/plain" }] : to,
    target: recordIri("claim", l.fromId, options.baseUrl),
    "cp:relation": l.relation,
  };
}

/** Sources the claims need, listed ones first; each once. */
function exportSources(bundle: ExportBundle): SourceMeta[] {
  const byId = new Map<string, SourceMeta>();
  for (const s of bundle.sources) if (!byId.has(s.id)) byId.set(s.id, s);
  for (const c of bundle.claims) if (!byId.has(c.sourceId)) byId.set(c.sourceId, c.source);
  return [...byId.values()];
}


/** Re-indents a pretty-printed JSON value to sit `depth` levels deep, as JSON.stringify(…, 2) would. */
const nested = (value: unknown, indent: string) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);

type SourceWithBody = SourceMeta & { body?: string; sections?: SourceSection[]; pageMap?: PageRange[] | null; original?: OriginalReference | null };

/** The document's pieces, shared by the in-memory and the streamed writers; together they are
 *  byte for byte what JSON.stringify(document, null, 2) would print for the head. */
function w3cPieces(generatedAt: string, total: number, options: W3cOptions) {
  const collectionId = options.baseUrl
    ? `${options.baseUrl.replace(/\/+$/, "")}/exports/${encodeURIComponent(generatedAt)}`
    : `urn:claim-export:${generatedAt}`;
  const head = {
    "@context": W3C_CONTEXT,
    id: collectionId,
    type: "AnnotationCollection",
    label: options.label ?? "Claim export",
    created: generatedAt,
    generator: { type: "Software", name: "claim-provenance" },
    total,
  };
  let sources = 0;
  let items = 0;
  return {
    head: `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "cp:sources": [`,
    source(s: SourceWithBody): string {
      const entry = sourceEntry(s, s.body === undefined ? options : { ...options, bodies: new Map([[s.id, { body: s.body, sections: s.sections, pageMap: s.pageMap, original: s.original }]]) });
      return `${sources++ ? "," : ""}\n    ${nested(entry, "    ")}`;
    },
    // Reopen the head object to append the page; JSON key order carries no meaning.
    page(): string {
      const page = nested({ id: `${collectionId}#page-1`, type: "AnnotationPage", startIndex: 0 }, "  ");
      return `${sources ? "\n  ]" : "]"},\n  "first": ${page.slice(0, -4)},\n    "items": [`;
    },
    item(a: Record<string, unknown>): string {
      return `${items++ ? "," : ""}\n      ${JSON.stringify(a)}`;
    },
    end: (): string => `${items ? "\n    " : ""}]\n  }\n}\n`,
  };
}

/** What the streamed document needs besides the claims: known before the first claim is read. */
export interface W3cStreamInput {
  generatedAt: string;
  /** Claims that will be written (with the links, the collection's `total`). */
  claimCount: number;
  /** Every source the claims cite, in order, each with its body when one should be embedded. */
  sources: AsyncIterable<SourceWithBody> | Iterable<SourceWithBody>;
  /** Links with both ends among the claims (written after the claims). */
  links: readonly LinkRecord[];
  /** The claims in order, a batch at a time. */
  batches: AsyncIterable<ExportClaim[]>;
}

/** Links written per chunk after the claims: as many as a claims batch, so no chunk grows with
 *  the number of links. */
const LINKS_PER_CHUNK = 2_000;

/**
 * The document streamed piece by piece: the head, each source, then one line per annotation, a
 * claims batch (or LINKS_PER_CHUNK links) a chunk (ExportChunk), so 100,000 claims come from the database in
 * batches without one giant string, and the file stays diffable.
 */
export async function* w3cStream(input: W3cStreamInput, options: W3cOptions = {}): AsyncGenerator<ExportChunk> {
  const pieces = w3cPieces(input.generatedAt, input.claimCount + input.links.length, options);
  yield pieces.head;
  for await (const s of input.sources) yield pieces.source(s);
  yield pieces.page();
  for await (const claims of input.batches) yield claims.map((c) => pieces.item(claimAnnotation(c, options)));
  for (let at = 0; at < input.links.length; at += LINKS_PER_CHUNK) yield input.links.slice(at, at + LINKS_PER_CHUNK).map((l) => pieces.item(linkAnnotation(l, options)));
  yield pieces.end();
}

/** The bundle's document in pieces (what w3cStream writes for the same claims). */
export function* w3cChunks(bundle: ExportBundle, options: W3cOptions = {}): Generator<string> {
  // Links that can be imported from this file: both ends among the exported claims.
  const links = linksWithinScope(bundle);
  const pieces = w3cPieces(bundle.generatedAt, bundle.claims.length + links.length, options);
  yield pieces.head;
  for (const s of exportSources(bundle)) {
    const body = options.bodies?.get(s.id);
    yield pieces.source(body ? { ...s, ...body } : s);
  }
  yield pieces.page();
  for (const c of bundle.claims) yield pieces.item(claimAnnotation(c, options));
  for (const l of links) yield pieces.item(linkAnnotation(l, options));
  yield pieces.end();
}

export function renderW3c(bundle: ExportBundle, options: W3cOptions = {}): string {
  return [...w3cChunks(bundle, options)].join("");
}
