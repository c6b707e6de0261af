// Loads what an export or the claims list shows for a filter: claims in text order with their
// sources and links, in a fixed number of queries whatever the number of claims.
import "server-only";
import type { Db } from "./db";
import { notFound } from "../errors";
import { buildExportBundle, type ExportBundle, type ExportClaim, type ExportStream } from "../export/model";
import type { Prisma } from "../generated/prisma/client";
import type { PageRange } from "../import/pdf/types";
import type { OriginalReference } from "../types";
import { fullTextClaimIds } from "./search";
import { toSourceMeta } from "./sources";
import { provenanceSelect, toProvenance } from "./provenance-fields";
import { attributionLabel } from "../labels";
import { displayTitle, type ClaimRecord, type ExportFilter, type LinkRecord, type SourceDoc, type SourceMeta, type SourceSection } from "../types";

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

/** The one place the claims list's and the exports' filter becomes a WHERE clause.
 *  `textMatches`: ids from the full-text search (lib/server/search.ts) when the filter has text. */
export function claimWhere(filter: ExportFilter, textMatches?: string[]): Prisma.ClaimWhereInput {
  const hasLink: Prisma.ClaimWhereInput = { OR: [{ linksFrom: { some: liveLink } }, { linksTo: { some: liveLink } }] };
  return {
    deletedAt: null,
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
  now?: Date;
}

export interface LoadedExport {
  bundle: ExportBundle;
  bodies: Map<string, { body: string; sections: SourceSection[]; pageMap: PageRange[] | null; original: OriginalReference | null }>;
  /** Claims matching the filter, also when `limit` cut the list. */
  total: number;
}

const SORTS: Record<ClaimSort, Prisma.ClaimOrderByWithRelationInput[]> = {
  position: TEXT_ORDER,
  date: [{ createdAt: "desc" }, { id: "asc" }],
  source: [{ source: { title: { sort: "asc", nulls: "last" } } }, { source: { suggestedTitle: { sort: "asc", nulls: "last" } } }, ...TEXT_ORDER],
};

const claimSelect = {
  id: true, sourceId: true, start: true, end: true, quote: true, prefix: true, suffix: true, kind: true,
  note: true, orphaned: true, createdAt: true, updatedAt: true, author: { select: { name: true } },
  ...provenanceSelect,
} satisfies Prisma.ClaimSelect;

type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof claimSelect }>;

function toClaimRecord(r: ClaimRow): ClaimRecord {
  return {
    id: r.id, sourceId: r.sourceId, start: r.start, end: r.end, quote: r.quote, prefix: r.prefix, suffix: r.suffix,
    kind: r.kind, note: r.note, orphaned: r.orphaned, authorName: r.author.name,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), provenance: toProvenance(r),
  };
}

type LinkRow = Prisma.ClaimLinkGetPayload<{ include: { author: { select: { name: true } } } }>;

function toLinkRecord(l: LinkRow): LinkRecord {
  return { id: l.id, fromId: l.fromId, toId: l.toId, relation: l.relation, note: l.note, authorName: l.author.name, createdAt: l.createdAt.toISOString() };
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
export async function streamExport(db: Db, filter: ExportFilter, options: { now?: Date; batch?: number } = {}): Promise<ExportStream> {
  const where = claimWhere(filter, filter.q ? await fullTextClaimIds(db, filter.q) : undefined);
  const order = await db.claim.findMany({ where, orderBy: SORTS[filter.sort ?? "position"], select: { id: true, sourceId: true } });
  const sourceIds = [...new Set(order.map((r) => r.sourceId))];
  if (filter.sourceId && !sourceIds.includes(filter.sourceId)) sourceIds.unshift(filter.sourceId);
  const batch = options.batch ?? EXPORT_BATCH;

  async function* claims(): AsyncGenerator<ExportClaim> {
    for (let at = 0; at < order.length; at += batch) {
      const ids = order.slice(at, at + batch).map((r) => r.id);
      const [rows, linkRows] = await Promise.all([
        db.claim.findMany({ where: { id: { in: ids } }, select: claimSelect }),
        db.claimLink.findMany({ where: { deletedAt: null, OR: [{ fromId: { in: ids } }, { toId: { in: ids } }] }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: { select: { name: true } } } }),
      ]);
      const texts = await db.source.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.sourceId))] } }, select: { ...sourceMetaSelect, body: true, sections: true, pageMap: true } });
      const bundle = buildExportBundle({
        generatedAt: "",
        sources: texts.map((t) => ({ ...toSourceMeta(t), body: t.body, sections: t.sections as unknown as SourceSection[], pageMap: t.pageMap as unknown as PageRange[] | null })),
        claims: rows.map(toClaimRecord),
        links: linkRows.map(toLinkRecord),
      });
      const byId = new Map(bundle.claims.map((c) => [c.id, c]));
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

export async function loadExport(db: Db, filter: ExportFilter, options: LoadExportOptions = {}): Promise<LoadedExport> {
  const where = claimWhere(filter, filter.q ? await fullTextClaimIds(db, filter.q) : undefined);
  const [rows, total] = await Promise.all([
    db.claim.findMany({
      where,
      orderBy: SORTS[filter.sort ?? "position"],
      take: options.limit,
      select: claimSelect,
    }),
    options.limit === undefined ? Promise.resolve(-1) : db.claim.count({ where }),
  ]);
  const sourceIds = [...new Set(rows.map((r) => r.sourceId))];
  if (filter.sourceId && !sourceIds.includes(filter.sourceId)) sourceIds.unshift(filter.sourceId);
  const claimIds = rows.map((r) => r.id);
  // Links touching the claims: by the same filter when exporting everything, so the query does
  // not carry 10,000 ids; by id when the list was cut short.
  const linkWhere: Prisma.ClaimLinkWhereInput =
    options.limit === undefined
      ? { deletedAt: null, OR: [{ from: where }, { to: where }] }
      : { deletedAt: null, OR: [{ fromId: { in: claimIds } }, { toId: { in: claimIds } }] };
  const [sourceRows, linkRows] = await Promise.all([
    db.source.findMany({ where: { id: { in: sourceIds } } }),
    db.claimLink.findMany({ where: linkWhere, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: { select: { name: true } } } }),
  ]);
  const byId = new Map(sourceRows.map((s) => [s.id, s]));
  const sources: SourceDoc[] = sourceIds.flatMap((id) => {
    const s = byId.get(id);
    return s ? [{ ...toSourceMeta(s), body: s.body, sections: s.sections as unknown as SourceSection[], pageMap: s.pageMap as unknown as PageRange[] | null }] : [];
  });
  const claims: ClaimRecord[] = rows.map(toClaimRecord);
  const links: LinkRecord[] = linkRows.map(toLinkRecord);
  const bundle = buildExportBundle({ generatedAt: (options.now ?? new Date()).toISOString(), sources, claims, links });
  // Originals by reference only (name, type, size, hash): their bytes stay in the database.
  const originals = options.withBodies
    ? new Map((await db.sourceFile.findMany({ where: { sourceId: { in: sourceIds } }, select: { sourceId: true, name: true, mediaType: true, size: true, sha256: true } })).map(({ sourceId, ...o }) => [sourceId, o]))
    : new Map<string, OriginalReference>();
  const bodies = new Map(options.withBodies ? sources.map((s) => [s.id, { body: s.body, sections: s.sections, pageMap: s.pageMap ?? null, original: originals.get(s.id) ?? null }]) : []);
  return { bundle, bodies, total: total < 0 ? claims.length : total };
}

const ORIGIN_SCOPE: Record<OriginFilter, string> = {
  any: "with an origin", none: "without an origin", claim: "resting on a claim", source: "resting on a source", reference: "resting on an outside reference",
};

/** What the file name and heading call the filtered set: "all", a source title, a cluster name, a kind… */
export async function scopeLabel(db: Db, filter: ExportFilter): Promise<string> {
  const parts: string[] = [];
  if (filter.clusterId) {
    const cluster = await db.cluster.findUnique({ where: { id: filter.clusterId }, select: { name: true } });
    if (!cluster) throw notFound(`Cluster ${filter.clusterId} does not exist`);
    parts.push(cluster.name);
  }
  if (filter.sourceId) {
    const source = await db.source.findUnique({ where: { id: filter.sourceId }, select: { title: true, suggestedTitle: true } });
    if (!source) throw notFound(`Source ${filter.sourceId} does not exist`);
    parts.push(displayTitle(source));
  }
  if (filter.kind) parts.push(filter.kind.toLowerCase());
  if (filter.linked) parts.push(filter.linked);
  if (filter.researcher) parts.push(`by ${filter.researcher}`);
  if (filter.speakerId) {
    const speaker = await db.speaker.findUnique({ where: { id: filter.speakerId }, select: { name: true } });
    if (!speaker) throw notFound(`Speaker ${filter.speakerId} does not exist`);
    parts.push(`said by ${speaker.name}`);
  }
  if (filter.attribution) parts.push(attributionLabel(filter.attribution).toLowerCase().replace(/\s*\(.*\)$/, ""));
  if (filter.origin) parts.push(ORIGIN_SCOPE[filter.origin]);
  if (filter.originSourceId) {
    const source = await db.source.findUnique({ where: { id: filter.originSourceId }, select: { title: true, suggestedTitle: true } });
    if (!source) throw notFound(`Source ${filter.originSourceId} does not exist`);
    parts.push(`resting on ${displayTitle(source)}`);
  }
  if (filter.q) parts.push(`matching ${filter.q}`);
  return parts.length ? parts.join(" ") : "all";
}

/** What the filter form offers: every source and cluster by name, the researchers and speakers of live claims. */
export async function filterChoices(db: Db) {
  const [sources, clusters, researchers, speakers] = await Promise.all([
    db.source.findMany({ orderBy: [{ seedKey: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }], select: { id: true, title: true, suggestedTitle: true } }),
    db.cluster.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({ where: { claims: { some: { deletedAt: null } } }, orderBy: { name: "asc" }, select: { name: true } }),
    db.speaker.findMany({ where: { claims: { some: { deletedAt: null } } }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } }),
  ]);
  return { sources: sources.map((s) => ({ id: s.id, title: displayTitle(s) })), clusters, researchers: researchers.map((r) => r.name), speakers };
}
