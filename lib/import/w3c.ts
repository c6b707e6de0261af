// Validates a W3C annotation collection written by w3c.ts and turns it into an ImportPlan.
// Pure: nothing is written here; the caller applies the plan in one transaction.
//
// Refuses the whole document at the first bad record, named by its place and id, e.g.
//   first.items[3] (urn:claim:abc): target.selector is missing a TextPositionSelector
// Records are checked in document order (sources first, as claims are checked against them).
// Accepted beyond what w3c.ts writes: items directly on the collection, a single selector or
// body object instead of an array, https variants of the anno.jsonld context.

import { readProvenance, type ImportProvenance } from "./w3c-provenance";
import { z } from "zod";
import { CLAIM_KINDS, LINK_RELATIONS, type ClaimRecord, type LinkRecord, type SourceMeta, type SourceSection } from "../types";
import { isRealDay, valueAt } from "../schemas";
import { ANNO_CONTEXT, parseRecordIri, type OriginalReference, type RecordKind } from "../export/w3c";
import type { PageRange } from "./pdf/types";

export interface ImportSource extends SourceMeta {
  /** Null when the file carries no text: the source must then already exist. */
  body: string | null;
  sections: SourceSection[];
  /** PDF-born sources: body ranges per page (cp:pageMap), contiguous and covering cp:body. */
  pageMap: PageRange[] | null;
  /** The file the source was made from, by reference (cp:original); its bytes do not travel. */
  original: OriginalReference | null;
}

/** Claim as in the database; author and times are null when the file does not say. */
export interface ImportClaim extends Omit<ClaimRecord, "authorName" | "createdAt" | "updatedAt" | "provenance"> {
  /** Speaker, attribution, origin and claim date (PROV terms; lib/import/w3c-provenance.ts). */
  provenance: ImportProvenance;
  authorName: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface ImportLink extends Omit<LinkRecord, "authorName" | "createdAt"> {
  authorName: string | null;
  createdAt: string | null;
}

export interface ImportPlan {
  sources: ImportSource[];
  claims: ImportClaim[];
  links: ImportLink[];
}

export type ImportResult = { ok: true; data: ImportPlan } | { ok: false; error: string };

class ImportError extends Error {}

function fail(where: string, problem: string): never {
  throw new ImportError(`${where}: ${problem}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `${out ? "." : ""}${String(p)}`;
  return out;
}

function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  // Error messages end up in the UI; a pasted paragraph in the wrong field should not.
  return typeof v === "string" && v.length > 60 ? JSON.stringify(`${v.slice(0, 60)}…`) : String(JSON.stringify(v));
}

type Issue = z.core.$ZodIssue;

/**
 * A union's own message is just "Invalid input"; the branch that got furthest into the value
 * says what is actually wrong, e.g. "selector[1].start: must not be negative".
 */
function deepestIssue(issue: Issue, value: unknown): { path: PropertyKey[]; issue: Issue } {
  if (issue.code !== "invalid_union" || valueAt(value, issue.path) === undefined) return { path: [...issue.path], issue };
  let best: { path: PropertyKey[]; issue: Issue } | null = null;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (!first) continue;
    const inner = deepestIssue(first, valueAt(value, issue.path));
    if (!best || inner.path.length > best.path.length) best = inner;
  }
  // Branches that fail on the value itself (wrong type altogether) explain nothing more.
  if (!best || best.path.length === 0) return { path: [...issue.path], issue: { ...issue, message: `has an unexpected shape (${describeValue(valueAt(value, issue.path))})` } };
  return { path: [...issue.path, ...best.path], issue: best.issue };
}

/** Parses with zod and turns its first issue into "where: path problem". */
function check<T>(schema: z.ZodType<T>, value: unknown, where: string, basePath: readonly PropertyKey[] = []): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const found = deepestIssue(result.error.issues[0]!, value);
  const path = formatPath([...basePath, ...found.path]);
  if (valueAt(value, found.path) === undefined) fail(where, `${path || "value"} is missing`);
  fail(where, path ? `${path}: ${found.issue.message}` : found.issue.message);
}

// ---------------------------------------------------------------- schemas

const nullableText = z.string().nullable().optional().transform((v) => v ?? null);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a yyyy-mm-dd date")
  .refine(isRealDay, "is not a real day")
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected a partial ISO date such as 2022 or 2022-05")
  .refine((v) => v.length === 4 || isRealDay(v.length === 7 ? `${v}-01` : v), "is not a real month or day")
  .nullable()
  .optional()
  .transform((v) => v ?? null);
// Offsets are stored as 32-bit integers; no source text comes near this.
const offset = z.int("expected a whole number").nonnegative("must not be negative").max(10_000_000, "is out of range");
// A four-digit year keeps the instant inside PostgreSQL's timestamp range; the day must exist.
const dateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, "expected an ISO 8601 date-time such as 2022-01-06T10:00:00Z")
  .refine((v) => isRealDay(v.slice(0, 10)) && !Number.isNaN(Date.parse(v)), "is not a real date-time")
  .optional();

const sectionSchema = z.object({
  kind: z.literal("comments"),
  start: offset,
  end: offset,
  label: z.string(),
});

const sourceSchema = z.looseObject({
  id: z.string(),
  "dcterms:title": nullableText,
  "cp:suggestedTitle": nullableText,
  "dcterms:creator": nullableText,
  "dcterms:publisher": nullableText,
  "dcterms:issued": isoDate,
  "cp:approxDate": partialDate,
  "cp:url": nullableText,
  "cp:body": z.string().optional(),
  "cp:sections": z.array(sectionSchema).optional(),
  "cp:pageMap": z.array(z.object({ page: z.int("expected a whole number").min(1, "must be 1 or more").max(1_000_000, "is out of range"), start: offset, end: offset })).nullable().optional(),
  "cp:original": z
    .object({
      "cp:fileName": z.string().min(1, "must not be empty").max(1000, "is too long"),
      "dcterms:format": z.string().min(1, "must not be empty").max(200, "is too long"),
      "cp:byteSize": z.int("expected a whole number").nonnegative("must not be negative"),
      "cp:sha256": z.string().regex(/^[0-9a-f]{64}$/, "expected 64 lower-case hex digits"),
    })
    .nullable()
    .optional(),
});

const typeIncludes = (name: string) =>
  z.union([z.string(), z.array(z.string())]).refine((t) => (Array.isArray(t) ? t.includes(name) : t === name), `must be "${name}"`);

const bodyObject = z.looseObject({
  id: z.string().optional(),
  type: z.string().optional(),
  purpose: z.string().optional(),
  value: z.unknown().optional(),
});
const bodyItem = z.union([z.string(), bodyObject]);
const bodyField = z.union([bodyItem, z.array(bodyItem)]).optional();

const personSchema = z.looseObject({ name: z.string().optional(), nickname: z.string().optional() });
const creatorField = z.union([z.string(), personSchema, z.array(z.union([z.string(), personSchema]))]).optional();

const annotationBase = {
  id: z.string().min(1),
  type: typeIncludes("Annotation"),
  motivation: z.union([z.string(), z.array(z.string())]).optional(),
  created: dateTime,
  modified: dateTime,
  creator: creatorField,
  body: bodyField,
};

const selectorObject = z.looseObject({ type: z.string() });
const claimSchema = z.looseObject({
  ...annotationBase,
  target: z.looseObject({
    source: z.string().min(1),
    selector: z.union([selectorObject, z.array(selectorObject)]),
  }),
  "cp:orphaned": z.boolean().optional(),
});

const quoteSelector = z.looseObject({
  exact: z.string().min(1, "exact must not be empty"),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
const positionSelector = z.looseObject({ start: offset, end: offset });

const reference = z.union([z.string().min(1), z.looseObject({ id: z.string().min(1) })]);
const linkSchema = z.looseObject({
  ...annotationBase,
  body: z.union([bodyItem, z.array(bodyItem).min(1, "body must name the linked claim")]),
  target: z.union([reference, z.array(reference).length(1, "a link has exactly one target")]),
  "cp:relation": z.unknown(),
});

const documentSchema = z.looseObject({
  "@context": z.union([z.string(), z.array(z.unknown())]),
  type: typeIncludes("AnnotationCollection"),
  total: z.int().nonnegative().optional(),
  "cp:sources": z.array(z.unknown()).optional(),
  first: z.union([z.string(), z.looseObject({ items: z.array(z.unknown()) })]).optional(),
  items: z.array(z.unknown()).optional(),
});

// ---------------------------------------------------------------- helpers

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const MAX_NAME_LENGTH = 60;

function creatorName(field: z.infer<typeof creatorField>, where: string): string | null {
  for (const c of asArray(field)) {
    // A bare string is an IRI for the agent, not a name.
    if (typeof c !== "string") {
      const name = (c.name ?? c.nickname)?.trim();
      if (name && name.length > MAX_NAME_LENGTH) fail(where, `creator name has ${name.length} characters (at most ${MAX_NAME_LENGTH})`);
      if (name) return name;
    }
  }
  return null;
}

const describeText = (v: string) => (v.length > 80 ? `${v.slice(0, 80)}…` : v);

function recordId(kind: RecordKind, iri: string, where: string, what: string): string {
  const id = parseRecordIri(kind, iri);
  if (id === null) fail(where, `${what} "${describeText(iri)}" is not a ${kind} IRI (expected urn:${kind}:<id> or <base>/${kind}s/<id>)`);
  // Ids are kept as they are: the same alphabet and length as the ids this app makes.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) fail(where, `${what} "${describeText(iri)}" has an id that is not 1–64 letters, digits, _ or -`);
  return id;
}

function isLink(item: unknown): boolean {
  if (!item || typeof item !== "object") return false;
  const m = (item as { motivation?: unknown }).motivation;
  return m === "linking" || (Array.isArray(m) && m.includes("linking"));
}

function itemId(item: unknown): string | null {
  const id = item && typeof item === "object" ? (item as { id?: unknown }).id : undefined;
  return typeof id === "string" ? id : null;
}

function label(path: string, id: string | null): string {
  return id ? `${path} (${id})` : path;
}

const KIND_LIST = CLAIM_KINDS.join(", ");
const RELATION_LIST = LINK_RELATIONS.join(", ");

// ---------------------------------------------------------------- records

function parseSource(raw: unknown, where: string): ImportSource {
  const s = check(sourceSchema, raw, where);
  const id = recordId("source", s.id, where, "id");
  const body = s["cp:body"] ?? null;
  const sections = s["cp:sections"] ?? [];
  sections.forEach((sec, i) => {
    if (sec.end < sec.start) fail(where, `cp:sections[${i}] ends before it starts`);
    if (body !== null && sec.end > body.length) fail(where, `cp:sections[${i}] ends at ${sec.end}, past the end of cp:body (${body.length})`);
  });
  const pageMap = s["cp:pageMap"] ?? null;
  if (pageMap) checkPageMap(pageMap, body, where);
  const o = s["cp:original"] ?? null;
  return {
    id,
    title: s["dcterms:title"],
    suggestedTitle: s["cp:suggestedTitle"],
    author: s["dcterms:creator"],
    publisher: s["dcterms:publisher"],
    url: s["cp:url"],
    publishedDate: s["dcterms:issued"],
    approxDate: s["cp:approxDate"],
    body,
    sections,
    pageMap: pageMap && pageMap.length ? pageMap : null,
    original: o ? { name: o["cp:fileName"], mediaType: o["dcterms:format"], size: o["cp:byteSize"], sha256: o["cp:sha256"] } : null,
  };
}

/** As lib/import/pdf builds them: from 0 to the end of the text, each range where the last ended, pages rising. */
function checkPageMap(pageMap: PageRange[], body: string | null, where: string): void {
  if (body === null) fail(where, "cp:pageMap needs cp:body (its offsets index the text)");
  pageMap.forEach((r, i) => {
    const expectedStart = i === 0 ? 0 : pageMap[i - 1]!.end;
    if (r.start !== expectedStart) fail(where, `cp:pageMap[${i}] starts at ${r.start}; it must start at ${expectedStart}, where ${i === 0 ? "the text starts" : "the page before ends"}`);
    if (r.end < r.start) fail(where, `cp:pageMap[${i}] ends before it starts`);
    if (i > 0 && r.page <= pageMap[i - 1]!.page) fail(where, `cp:pageMap[${i}] is page ${r.page}, not after page ${pageMap[i - 1]!.page}`);
  });
  const last = pageMap.at(-1);
  if (last && last.end !== body.length) fail(where, `cp:pageMap ends at ${last.end}, not at the end of cp:body (${body.length})`);
}

function parseClaim(raw: unknown, where: string, sources: ReadonlyMap<string, ImportSource>): ImportClaim {
  const a = check(claimSchema, raw, where);
  const id = recordId("claim", a.id, where, "id");
  const sourceId = recordId("source", a.target.source, where, "target.source");

  const selectors = asArray(a.target.selector);
  const quoteAt = selectors.findIndex((s) => s.type === "TextQuoteSelector");
  const positionAt = selectors.findIndex((s) => s.type === "TextPositionSelector");
  const selectorPath = (i: number) => (Array.isArray(a.target.selector) ? ["target", "selector", i] : ["target", "selector"]);
  if (quoteAt < 0) fail(where, "target.selector is missing a TextQuoteSelector");
  if (positionAt < 0) fail(where, "target.selector is missing a TextPositionSelector");
  const quote = check(quoteSelector, selectors[quoteAt], where, selectorPath(quoteAt));
  const pos = check(positionSelector, selectors[positionAt], where, selectorPath(positionAt));
  if (pos.end <= pos.start) fail(where, `TextPositionSelector end (${pos.end}) must be after start (${pos.start})`);

  const tags = asArray(a.body).filter((b): b is z.infer<typeof bodyObject> => typeof b === "object" && b.purpose === "tagging");
  if (tags.length === 0) fail(where, `body has no tagging TextualBody giving the kind (${KIND_LIST})`);
  const kindTag = tags.find((t) => (CLAIM_KINDS as readonly unknown[]).includes(t.value));
  if (!kindTag) fail(where, `unknown kind ${describeValue(tags[0]!.value)} (expected one of ${KIND_LIST})`);
  const notes = asArray(a.body).filter((b): b is z.infer<typeof bodyObject> => typeof b === "object" && b.purpose === "commenting");
  const badNote = notes.find((n) => typeof n.value !== "string");
  if (badNote) fail(where, "the commenting body's value must be text");

  const provenance = readProvenance(a);
  if (!provenance.ok) fail(where, provenance.error);

  const orphaned = a["cp:orphaned"] ?? false;
  // An orphaned claim keeps its last quote, which by definition no longer matches the text.
  if (!orphaned) {
    if (quote.exact.length !== pos.end - pos.start) {
      fail(where, `TextQuoteSelector.exact has ${quote.exact.length} characters but TextPositionSelector spans ${pos.end - pos.start} (${pos.start}–${pos.end})`);
    }
    const body = sources.get(sourceId)?.body;
    if (body != null) {
      if (pos.end > body.length) fail(where, `TextPositionSelector end (${pos.end}) is past the end of the source text (${body.length})`);
      const actual = body.slice(pos.start, pos.end);
      if (actual !== quote.exact) {
        fail(where, `TextQuoteSelector.exact does not match the source text at ${pos.start}–${pos.end} (found ${JSON.stringify(actual.length > 60 ? `${actual.slice(0, 60)}…` : actual)})`);
      }
    }
  }

  return {
    id,
    sourceId,
    start: pos.start,
    end: pos.end,
    quote: quote.exact,
    prefix: quote.prefix ?? "",
    suffix: quote.suffix ?? "",
    kind: kindTag.value as ImportClaim["kind"],
    note: notes.map((n) => n.value as string).join("\n\n"),
    orphaned,
    provenance: provenance.value,
    authorName: creatorName(a.creator, where),
    createdAt: a.created ?? null,
    updatedAt: a.modified ?? a.created ?? null,
  };
}

function parseLink(raw: unknown, where: string, claimIds: ReadonlySet<string>): ImportLink {
  const a = check(linkSchema, raw, where);
  const id = recordId("link", a.id, where, "id");

  const relation = a["cp:relation"];
  if (relation === undefined) fail(where, `cp:relation is missing (expected one of ${RELATION_LIST})`);
  if (!(LINK_RELATIONS as readonly unknown[]).includes(relation)) fail(where, `unknown relation ${describeValue(relation)} (expected one of ${RELATION_LIST})`);

  const targetRef = asArray(a.target)[0]!;
  const fromIri = typeof targetRef === "string" ? targetRef : targetRef.id;
  // The linked claim is the body given by IRI (a bare string or an object with only an id and no value).
  const bodies = asArray(a.body);
  const toRef = bodies.find((b) => typeof b === "string" || (b.id !== undefined && b.type !== "TextualBody"));
  if (toRef === undefined) fail(where, "body does not name the linked claim");
  const toIri = typeof toRef === "string" ? toRef : toRef.id!;
  const fromId = recordId("claim", fromIri, where, "target");
  const toId = recordId("claim", toIri, where, "body");
  if (!claimIds.has(fromId)) fail(where, `target refers to ${fromIri}, which is not a claim in this file`);
  if (!claimIds.has(toId)) fail(where, `body refers to ${toIri}, which is not a claim in this file`);
  if (fromId === toId) fail(where, "a claim cannot be linked to itself");

  const notes = bodies.filter((b): b is z.infer<typeof bodyObject> => typeof b === "object" && b.purpose === "commenting");
  if (notes.some((n) => typeof n.value !== "string")) fail(where, "the commenting body's value must be text");

  return {
    id,
    fromId,
    toId,
    relation: relation as ImportLink["relation"],
    note: notes.map((n) => n.value as string).join("\n\n"),
    authorName: creatorName(a.creator, where),
    createdAt: a.created ?? null,
  };
}

// ---------------------------------------------------------------- document

function parseDocument(input: unknown): ImportPlan {
  let json = input;
  if (typeof json === "string") {
    try {
      json = JSON.parse(json);
    } catch (e) {
      fail("document", `not valid JSON (${(e as Error).message})`);
    }
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    fail("document", `expected a JSON object (a W3C AnnotationCollection), got ${describeValue(json)}`);
  }
  const doc = check(documentSchema, json, "document");
  const contexts = asArray(doc["@context"]);
  if (!contexts.some((c) => c === ANNO_CONTEXT || c === ANNO_CONTEXT.replace("http:", "https:"))) {
    fail("document", `@context must include ${ANNO_CONTEXT}`);
  }
  if (typeof doc.first === "string") fail("document", "first is a link to a separate page; only collections with their items embedded can be imported");
  const [itemsPath, items] = doc.first ? ["first.items", doc.first.items] : doc.items ? ["items", doc.items] : fail("document", "no annotations: expected first.items or items");
  if (doc.total !== undefined && doc.total !== items.length) {
    fail("document", `total says ${doc.total} annotations but ${items.length} are embedded (is the file truncated?)`);
  }

  const sources = new Map<string, ImportSource>();
  const sourceAt = new Map<string, string>();
  (doc["cp:sources"] ?? []).forEach((raw, i) => {
    const where = label(`cp:sources[${i}]`, itemId(raw));
    const s = parseSource(raw, where);
    const earlier = sourceAt.get(s.id);
    if (earlier) fail(where, `duplicate source id (also at ${earlier})`);
    sourceAt.set(s.id, `cp:sources[${i}]`);
    sources.set(s.id, s);
  });

  // Links may come before the claims they join, so collect claim ids up front.
  const claimIds = new Set<string>();
  for (const item of items) {
    const iri = itemId(item);
    const id = iri && !isLink(item) ? parseRecordIri("claim", iri) : null;
    if (id !== null) claimIds.add(id);
  }

  const claims: ImportClaim[] = [];
  const links: ImportLink[] = [];
  const seenAt = new Map<string, string>();
  const claimAt = new Map<string, string>();
  const pairAt = new Map<string, string>();
  // Sources named only by claim targets: the first such claim's cp:sourceInfo describes them.
  const unlisted = new Map<string, { info: unknown; where: string }>();
  items.forEach((item, i) => {
    const path = `${itemsPath}[${i}]`;
    const where = label(path, itemId(item));
    if (item === null || typeof item !== "object" || Array.isArray(item)) fail(where, `expected an Annotation object, got ${describeValue(item)}`);
    const iri = itemId(item);
    const earlier = iri !== null ? seenAt.get(iri) : undefined;
    if (earlier) fail(where, `duplicate id (also at ${earlier})`);
    if (iri !== null) seenAt.set(iri, path);

    if (isLink(item)) {
      const link = parseLink(item, where, claimIds);
      const pair = `${link.fromId}\u0000${link.toId}`;
      const samePair = pairAt.get(pair);
      if (samePair) fail(where, `these two claims are already linked at ${samePair}`);
      pairAt.set(pair, path);
      links.push(link);
    } else {
      const claim = parseClaim(item, where, sources);
      // The same claim id can hide behind two IRI forms (urn: and a base URL).
      const sameClaim = claimAt.get(claim.id);
      if (sameClaim) fail(where, `duplicate claim id ${claim.id} (also at ${sameClaim})`);
      claimAt.set(claim.id, path);
      if (!sources.has(claim.sourceId) && !unlisted.has(claim.sourceId)) {
        unlisted.set(claim.sourceId, { info: (item as { target: Record<string, unknown> }).target["cp:sourceInfo"], where });
      }
      claims.push(claim);
    }
  });

  // Such a source must already exist, as the file has no text for it; it is still listed
  // (body null) so the caller can look it up or refuse.
  for (const [sourceId, { info, where }] of unlisted) {
    const meta = info === undefined ? {} : check(sourceSchema.omit({ id: true }), info, where, ["target", "cp:sourceInfo"]);
    sources.set(sourceId, { ...parseSource({ ...meta, id: `urn:source:${sourceId}` }, where), body: null, sections: [], pageMap: null, original: null });
  }

  return { sources: [...sources.values()], claims, links };
}

/**
 * Validates a W3C export (parsed JSON, or its text) and returns what to create, ids kept.
 * Never throws for bad input: the error names the first bad record and what is wrong with it.
 */
export function parseW3cImport(json: unknown): ImportResult {
  try {
    return { ok: true, data: parseDocument(json) };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, error: e.message };
    throw e;
  }
}
