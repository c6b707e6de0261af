// Loads what an export or the claims list shows for a filter: claims in text order with their
// sources and links, in a fixed number of queries whatever the number of claims.
import "server-only";
import type { Db } from "./db";
import { notFound } from "../errors";
import { buildExportBundle, exportClaims, indexSource, type ExportBundle, type ExportClaim, type ExportStream, type IndexedSource } from "../export/model";
import type { Prisma } from "../generated/prisma/client";
import type { PageRange } from "../import/pdf/types";
import type { OriginalReference } from "../types";
import { fullTextClaimIds } from "./search";
import { toSourceMeta } from "./sources";
import { toProvenance, type ProvenanceRow } from "./provenance-fields";
import { attributionLabel } from "../labels";
import { SEE_EVERYTHING, visibleClaimsWhere, type ClaimVisibility } from "./rounds";
import type { ExportFilter } from "../schemas";
import { displayTitle, type ClaimRecord, type LinkRecord, type SourceDoc, type SourceMeta, type SourceSection } from "../types";

type ClaimSort = NonNullable<ExportFilter["sort"]>;

const liveLink = { deletedAt: null } satisfies Prisma.ClaimLinkWhereInput;

type OriginFilter = NonNullable<ExportFilter["origin"]>;

/** Each origin filter over the three rests-on columns (at most one of them is set, by constraint);
 *  each column has its own index. */
const ORIGIN_WHERE: Record<OriginFilter, Prisma.ClaimWhereInput> = {
  any: { OR: [{ restsOnClaimId: { not: null } }, { restsOnSourceId: { not: null } }, { restsOnReferenceId: { not: null } }] },
  none: { restsOnClaimId: null, restsOnSourceId: null, restsOnReferenceId: null },
  claim: { restsOnClaimId: { not: null } },
  source: { restsOnSourceId: { not: null } },
  reference: { restsOnReferenceId: { not: null } },
};

/** The one place the claims list's and the exports' filter becomes a WHERE clause, always within
 *  one project and as the reader may see it (lib/server/rounds.ts). `textMatches`: ids from the
 *  full-text search (lib/server/search.ts) when the filter has text. */
export function claimWhere(projectId: string, filter: ExportFilter, textMatches?: string[], visibility: ClaimVisibility = SEE_EVERYTHING): Prisma.ClaimWhereInput {
  const hasLink: Prisma.ClaimWhereInput = { OR: [{ linksFrom: { some: liveLink } }, { linksTo: { some: liveLink } }] };
  return {
    ...visibleClaimsWhere(visibility),
    deletedAt: null,
    source: { projectId },
    // The curated set: claims that are the result of a curator's decision (CurationDecision).
    ...(filter.set === "curated" ? { curatedFrom: { some: {} } } : {}),
    ...(filter.author ? { authorId: filter.author } : {}),
    sourceId: filter.sourceId,
    kind: filter.kind,
    speakerId: filter.speakerId,
    attributionType: filter.attribution,
    ...(filter.clusterId ? { clusters: { some: { clusterId: filter.clusterId } } } : {}),
    ...(filter.linked === "orphaned" ? { orphaned: true } : {}),
    ...(filter.researcher ? { author: { name: { equals: filter.researcher, mode: "insensitive" as const } } } : {}),
    ...(filter.q ? { id: { in: textMatches ?? [] } } : {}),
    AND: [
      ...(filter.linked === "linked" ? [hasLink] : filter.linked === "unlinked" ? [{ NOT: hasLink }] : []),
      ...(filter.origin ? [ORIGIN_WHERE[filter.origin]] : []),
      // Resting on a source: on the source itself or on one of its claims.
      ...(filter.originSourceId ? [{ OR: [{ restsOnSourceId: filter.originSourceId }, { restsOnClaim: { sourceId: filter.originSourceId } }] }] : []),
    ],
  };
}

/** Sources in the order the home page lists them, then each source's claims by position. */
const TEXT_ORDER: Prisma.ClaimOrderByWithRelationInput[] = [
  { source: { seedKey: { sort: "asc", nulls: "last" } } },
  { source: { createdAt: "asc" } },
  { sourceId: "asc" },
  { start: "asc" },
  { end: "asc" },
  { id: "asc" },
];

export interface LoadExportOptions {
  /** Embed source texts (the W3C export needs them so an import can recreate the sources). */
  withBodies?: boolean;
  /** Only the first claims (the list page); exports take all. */
  limit?: number;
  /** With `limit`: the claims after this one in the filter's order (keyset paging, so a late page
   *  costs what the first does; an offset would read and skip every claim before it). */
  after?: string;
  now?: Date;
  /** Whose view (lib/server/rounds.ts): others' claims on a source in an open round are hidden
   *  from its annotators until they mark their work done. */
  visibility?: ClaimVisibility;
}

export interface LoadedExport {
  bundle: ExportBundle;
  bodies: Map<string, { body: string; sections: SourceSection[]; pageMap: PageRange[] | null; original: OriginalReference | null }>;
  /** Claims matching the filter, also when `limit` cut the list. */
  total: number;
  /** With `limit`: the last claim shown when more follow (the next page's `after`), else null. */
  nextAfter: string | null;
}

const SORTS: Record<ClaimSort, Prisma.ClaimOrderByWithRelationInput[]> = {
  position: TEXT_ORDER,
  date: [{ createdAt: "desc" }, { id: "asc" }],
  source: [{ source: { title: { sort: "asc", nulls: "last" } } }, { source: { suggestedTitle: { sort: "asc", nulls: "last" } } }, ...TEXT_ORDER],
};

type ClaimRecordRow = Omit<ClaimRecord, "createdAt" | "updatedAt" | "provenance"> & {
  createdAt: Date; updatedAt: Date;
  attributionType: ProvenanceRow["attributionType"]; claimDateStart: Date | null; claimDateEnd: Date | null; claimDatePrecision: ProvenanceRow["claimDatePrecision"];
  speakerId: string | null; speakerName: string | null; speakerRole: string | null; speakerAliases: string[] | null;
  originClaimId: string | null; originClaimQuote: string | null; originClaimSourceId: string | null;
  originSourceId: string | null; originSourceTitle: string | null; originSourceSuggestedTitle: string | null;
  originReferenceId: string | null; originReferenceTitle: string | null; originReferencePublisher: string | null; originReferenceUrl: string | null; originReferenceDate: Date | null; originReferenceCreatedAt: Date | null;
};

/**
 * The claims with these ids as records, with author and provenance, in one statement (any
 * order). Raw SQL rather than a Prisma select with five relations: the client would send one
 * query per relation with every id as a parameter and join them in JavaScript, which tripled an
 * export's time in npm run bench. One index lookup per claim and joined row.
 */
async function claimRecordsByIds(db: Db, ids: string[]): Promise<ClaimRecord[]> {
  if (!ids.length) return [];
  const rows = await db.$queryRaw<ClaimRecordRow[]>`
    SELECT c."id", c."sourceId", c."start", c."end", c."quote", c."prefix", c."suffix", c."kind"::text AS "kind", c."note", c."orphaned",
           c."createdAt", c."updatedAt", u."name" AS "authorName",
           c."attributionType"::text AS "attributionType", c."claimDateStart", c."claimDateEnd", c."claimDatePrecision"::text AS "claimDatePrecision",
           sp."id" AS "speakerId", sp."name" AS "speakerName", sp."role" AS "speakerRole", sp."aliases" AS "speakerAliases",
           oc."id" AS "originClaimId", oc."quote" AS "originClaimQuote", oc."sourceId" AS "originClaimSourceId",
           os."id" AS "originSourceId", os."title" AS "originSourceTitle", os."suggestedTitle" AS "originSourceSuggestedTitle",
           r."id" AS "originReferenceId", r."title" AS "originReferenceTitle", r."publisher" AS "originReferencePublisher", r."url" AS "originReferenceUrl",
           r."date" AS "originReferenceDate", r."createdAt" AS "originReferenceCreatedAt"
    FROM "Claim" c JOIN "User" u ON u."id" = c."authorId"
    LEFT JOIN "Speaker" sp ON sp."id" = c."speakerId"
    LEFT JOIN "Claim" oc ON oc."id" = c."restsOnClaimId"
    LEFT JOIN "Source" os ON os."id" = c."restsOnSourceId"
    LEFT JOIN "ExternalReference" r ON r."id" = c."restsOnReferenceId"
    WHERE c."id" = ANY(${ids})`;
  return rows.map((r) => ({
    id: r.id, sourceId: r.sourceId, start: r.start, end: r.end, quote: r.quote, prefix: r.prefix, suffix: r.suffix,
    kind: r.kind, note: r.note, orphaned: r.orphaned, authorName: r.authorName,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
    provenance: toProvenance({
      attributionType: r.attributionType, claimDateStart: r.claimDateStart, claimDateEnd: r.claimDateEnd, claimDatePrecision: r.claimDatePrecision,
      speaker: r.speakerId ? { id: r.speakerId, name: r.speakerName!, role: r.speakerRole, aliases: r.speakerAliases ?? [] } : null,
      restsOnClaim: r.originClaimId ? { id: r.originClaimId, quote: r.originClaimQuote!, sourceId: r.originClaimSourceId! } : null,
      restsOnSource: r.originSourceId ? { id: r.originSourceId, title: r.originSourceTitle, suggestedTitle: r.originSourceSuggestedTitle } : null,
      restsOnReference: r.originReferenceId
        ? { id: r.originReferenceId, title: r.originReferenceTitle!, publisher: r.originReferencePublisher, url: r.originReferenceUrl, date: r.originReferenceDate, createdAt: r.originReferenceCreatedAt! }
        : null,
    }),
  }));
}

type LinkRow = Prisma.ClaimLinkGetPayload<{ include: { author: { select: { name: true } } } }>;

function toLinkRecord(l: LinkRow): LinkRecord {
  return { id: l.id, fromId: l.fromId, toId: l.toId, relation: l.relation, note: l.note, authorName: l.author.name, createdAt: l.createdAt.toISOString() };
}

/** Live links touching any of these claims, oldest first; one statement with the ids as one array. */
async function linksTouching(db: Db, ids: string[]): Promise<LinkRecord[]> {
  if (!ids.length) return [];
  const rows = await db.$queryRaw<(Omit<LinkRecord, "createdAt"> & { createdAt: Date })[]>`
    SELECT l."id", l."fromId", l."toId", l."relation"::text AS "relation", l."note", u."name" AS "authorName", l."createdAt"
    FROM "ClaimLink" l JOIN "User" u ON u."id" = l."authorId"
    WHERE l."deletedAt" IS NULL AND (l."fromId" = ANY(${ids}) OR l."toId" = ANY(${ids}))
    ORDER BY l."createdAt", l."id"`;
  return rows.map((l) => ({ ...l, createdAt: l.createdAt.toISOString() }));
}

async function sourceInProject(db: Db, projectId: string, sourceId: string): Promise<boolean> {
  return (await db.source.count({ where: { id: sourceId, projectId } })) > 0;
}

const sourceMetaSelect = { id: true, title: true, suggestedTitle: true, author: true, publisher: true, url: true, publishedDate: true, approxDate: true } satisfies Prisma.SourceSelect;

/** Claims read per query when streaming an export: one batch's rows, links and source texts are
 *  all the memory an export holds, whatever the number of claims. */
export const EXPORT_BATCH = 2_000;

/**
 * An export of every claim of the filter, read in batches of EXPORT_BATCH while it is written.
 * First the filter's claim ids in order (one narrow query: two short strings per claim, the
 * only part that grows with the number of claims), then per batch its claims, the links
 * touching them and its sources' texts (for paragraph numbers and page maps), so memory stays
 * flat and the first bytes leave before the last claim is read. The same claims, links and
 * order as loadExport.
 */
export async function streamExport(db: Db, projectId: string, filter: ExportFilter, options: { now?: Date; batch?: number; visibility?: ClaimVisibility } = {}): Promise<ExportStream> {
  const where = claimWhere(projectId, filter, filter.q ? await fullTextClaimIds(db, projectId, filter.q) : undefined, options.visibility);
  const order = await db.claim.findMany({ where, orderBy: SORTS[filter.sort ?? "position"], select: { id: true, sourceId: true } });
  const sourceIds = [...new Set(order.map((r) => r.sourceId))];
  if (filter.sourceId && !sourceIds.includes(filter.sourceId) && (await sourceInProject(db, projectId, filter.sourceId))) sourceIds.unshift(filter.sourceId);
  const batch = options.batch ?? EXPORT_BATCH;

  // Each source's paragraph numbering and page map, read once per export (the claims come in
  // text order, so a source's text is read when its first claim arrives) and kept without the
  // text: a few numbers a paragraph, whatever the number of claims.
  const indexed = new Map<string, IndexedSource>();

  async function* claims(): AsyncGenerator<ExportClaim> {
    for (let at = 0; at < order.length; at += batch) {
      const ids = order.slice(at, at + batch).map((r) => r.id);
      const [records, links] = await Promise.all([claimRecordsByIds(db, ids), linksTouching(db, ids)]);
      const unread = [...new Set(records.map((r) => r.sourceId))].filter((id) => !indexed.has(id));
      if (unread.length) {
        const texts = await db.source.findMany({ where: { id: { in: unread } }, select: { ...sourceMetaSelect, body: true, sections: true, pageMap: true } });
        for (const t of texts) indexed.set(t.id, indexSource({ ...toSourceMeta(t), body: t.body, sections: [], pageMap: t.pageMap as unknown as PageRange[] | null }));
      }
      const byId = new Map(exportClaims(records, indexed, links).map((c) => [c.id, c]));
      // A claim deleted since the ids were read is left out, as if the export had started later.
      for (const id of ids) {
        const claim = byId.get(id);
        if (claim) yield claim;
      }
    }
  }

  async function* sources({ withBodies }: { withBodies: boolean }): AsyncGenerator<SourceMeta & { body?: string; sections?: SourceSection[]; pageMap?: PageRange[] | null; original?: OriginalReference | null }> {
    // 50 texts a query: a thousand sources' bodies are never held at once. Originals by
    // reference only (name, type, size, hash): their bytes stay in the database.
    for (let at = 0; at < sourceIds.length; at += 50) {
      const ids = sourceIds.slice(at, at + 50);
      const [rows, files] = await Promise.all([
        db.source.findMany({ where: { id: { in: ids } }, select: { ...sourceMetaSelect, body: withBodies, sections: withBodies, pageMap: withBodies } }),
        withBodies ? db.sourceFile.findMany({ where: { sourceId: { in: ids } }, select: { sourceId: true, name: true, mediaType: true, size: true, sha256: true } }) : [],
      ]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const originals = new Map(files.map(({ sourceId, ...o }) => [sourceId, o]));
      for (const id of ids) {
        const r = byId.get(id);
        if (!r) continue;
        yield withBodies
          ? { ...toSourceMeta(r), body: r.body, sections: r.sections as unknown as SourceSection[], pageMap: r.pageMap as unknown as PageRange[] | null, original: originals.get(id) ?? null }
          : toSourceMeta(r);
      }
    }
  }

  return {
    generatedAt: (options.now ?? new Date()).toISOString(),
    claimCount: order.length,
    claims: claims(),
    sources,
    async linksWithinScope() {
      const rows = await db.claimLink.findMany({ where: { deletedAt: null, from: where, to: where }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: { select: { name: true } } } });
      return rows.map(toLinkRecord);
    },
  };
}

export async function loadExport(db: Db, projectId: string, filter: ExportFilter, options: LoadExportOptions = {}): Promise<LoadedExport> {
  const where = claimWhere(projectId, filter, filter.q ? await fullTextClaimIds(db, projectId, filter.q) : undefined, options.visibility);
  const [order, total] = await Promise.all([
    db.claim.findMany({
      where, orderBy: SORTS[filter.sort ?? "position"], select: { id: true },
      // One more than shown tells whether a next page exists.
      ...(options.limit === undefined ? {} : { take: options.limit + 1, ...(options.after ? { cursor: { id: options.after }, skip: 1 } : {}) }),
    }),
    options.limit === undefined ? Promise.resolve(-1) : db.claim.count({ where }),
  ]);
  const more = options.limit !== undefined && order.length > options.limit;
  const claimIds = (more ? order.slice(0, options.limit) : order).map((r) => r.id);
  const [records, links] = await Promise.all([claimRecordsByIds(db, claimIds), linksTouching(db, claimIds)]);
  const recordById = new Map(records.map((r) => [r.id, r]));
  // In the filter's order; a claim deleted between the two reads is left out.
  const claims: ClaimRecord[] = claimIds.flatMap((id) => recordById.get(id) ?? []);
  const sourceIds = [...new Set(claims.map((r) => r.sourceId))];
  if (filter.sourceId && !sourceIds.includes(filter.sourceId)) sourceIds.unshift(filter.sourceId);
  // The filter's own source is named even when none of its claims match, if it is this project's.
  const sourceRows = await db.source.findMany({ where: { id: { in: sourceIds }, projectId } });
  const byId = new Map(sourceRows.map((s) => [s.id, s]));
  const sources: SourceDoc[] = sourceIds.flatMap((id) => {
    const s = byId.get(id);
    return s ? [{ ...toSourceMeta(s), body: s.body, sections: s.sections as unknown as SourceSection[], pageMap: s.pageMap as unknown as PageRange[] | null }] : [];
  });
  const bundle = buildExportBundle({ generatedAt: (options.now ?? new Date()).toISOString(), sources, claims, links });
  // Originals by reference only (name, type, size, hash): their bytes stay in the database.
  const originals = options.withBodies
    ? new Map((await db.sourceFile.findMany({ where: { sourceId: { in: sourceIds } }, select: { sourceId: true, name: true, mediaType: true, size: true, sha256: true } })).map(({ sourceId, ...o }) => [sourceId, o]))
    : new Map<string, OriginalReference>();
  const bodies = new Map(options.withBodies ? sources.map((s) => [s.id, { body: s.body, sections: s.sections, pageMap: s.pageMap ?? null, original: originals.get(s.id) ?? null }]) : []);
  return { bundle, bodies, total: total < 0 ? claims.length : total, nextAfter: more ? claimIds.at(-1)! : null };
}

const ORIGIN_SCOPE: Record<OriginFilter, string> = {
  any: "with an origin", none: "without an origin", claim: "resting on a claim", source: "resting on a source", reference: "resting on an outside reference",
};

/** What the file name and heading call the filtered set: "all", a source title, a cluster name, a
 *  kind… A source or cluster of another project is as unknown as a missing one (404). */
export async function scopeLabel(db: Db, projectId: string, filter: ExportFilter): Promise<string> {
  const parts: string[] = [];
  if (filter.clusterId) {
    const cluster = await db.cluster.findUnique({ where: { id: filter.clusterId, projectId }, select: { name: true } });
    if (!cluster) throw notFound(`Cluster ${filter.clusterId} does not exist`);
    parts.push(cluster.name);
  }
  if (filter.sourceId) {
    const source = await db.source.findUnique({ where: { id: filter.sourceId, projectId }, select: { title: true, suggestedTitle: true } });
    if (!source) throw notFound(`Source ${filter.sourceId} does not exist`);
    parts.push(displayTitle(source));
  }
  if (filter.kind) parts.push(filter.kind.toLowerCase());
  if (filter.linked) parts.push(filter.linked);
  if (filter.researcher) parts.push(`by ${filter.researcher}`);
  if (filter.set === "curated") parts.unshift("curated");
  if (filter.author) {
    const author = await db.user.findUnique({ where: { id: filter.author }, select: { name: true } });
    if (!author) throw notFound(`Researcher ${filter.author} does not exist`);
    parts.push(`by ${author.name}`);
  }
  if (filter.speakerId) {
    const speaker = await db.speaker.findUnique({ where: { id: filter.speakerId }, select: { name: true } });
    if (!speaker) throw notFound(`Speaker ${filter.speakerId} does not exist`);
    parts.push(`said by ${speaker.name}`);
  }
  if (filter.attribution) parts.push(attributionLabel(filter.attribution).toLowerCase().replace(/\s*\(.*\)$/, ""));
  if (filter.origin) parts.push(ORIGIN_SCOPE[filter.origin]);
  if (filter.originSourceId) {
    const source = await db.source.findUnique({ where: { id: filter.originSourceId, projectId }, select: { title: true, suggestedTitle: true } });
    if (!source) throw notFound(`Source ${filter.originSourceId} does not exist`);
    parts.push(`resting on ${displayTitle(source)}`);
  }
  if (filter.q) parts.push(`matching ${filter.q}`);
  return parts.length ? parts.join(" ") : "all";
}

/** What the filter form offers: the project's sources and clusters by name, the researchers and
 *  speakers of its live claims. */
export async function filterChoices(db: Db, projectId: string) {
  const liveHere = { some: { deletedAt: null, source: { projectId } } };
  const [sources, clusters, researchers, speakers] = await Promise.all([
    db.source.findMany({ where: { projectId }, orderBy: [{ seedKey: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }], select: { id: true, title: true, suggestedTitle: true } }),
    db.cluster.findMany({ where: { projectId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({ where: { claims: liveHere }, orderBy: { name: "asc" }, select: { name: true } }),
    db.speaker.findMany({ where: { claims: liveHere }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } }),
  ]);
  return { sources: sources.map((s) => ({ id: s.id, title: displayTitle(s) })), clusters, researchers: researchers.map((r) => r.name), speakers };
}
