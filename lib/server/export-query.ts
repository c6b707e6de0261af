// Loads what an export or the claims list shows for a filter: claims in text order with their
// sources and links, in a fixed number of queries whatever the number of claims.
import "server-only";
import type { Db } from "./db";
import { notFound } from "../errors";
import { buildExportBundle, type ExportBundle } from "../export/model";
import type { Prisma } from "../generated/prisma/client";
import type { PageRange } from "../import/pdf/types";
import type { OriginalReference } from "../export/w3c";
import { fullTextClaimIds } from "./search";
import { toSourceMeta } from "./sources";
import { provenanceSelect, toProvenance } from "./provenance-fields";
import { displayTitle, type ClaimRecord, type ExportFilter, type LinkRecord, type SourceDoc, type SourceSection } from "../types";

type ClaimSort = NonNullable<ExportFilter["sort"]>;

const liveLink = { deletedAt: null } satisfies Prisma.ClaimLinkWhereInput;

/** `textMatches`: ids from the full-text search (lib/search.ts) when the filter has text. */
export function claimWhere(filter: ExportFilter, textMatches?: string[]): Prisma.ClaimWhereInput {
  const hasLink: Prisma.ClaimWhereInput = { OR: [{ linksFrom: { some: liveLink } }, { linksTo: { some: liveLink } }] };
  return {
    deletedAt: null,
    sourceId: filter.sourceId,
    kind: filter.kind,
    ...(filter.clusterId ? { clusters: { some: { clusterId: filter.clusterId } } } : {}),
    ...(filter.linked === "orphaned" ? { orphaned: true } : {}),
    ...(filter.researcher ? { author: { name: { equals: filter.researcher, mode: "insensitive" as const } } } : {}),
    ...(filter.q ? { id: { in: textMatches ?? [] } } : {}),
    AND: [
      ...(filter.linked === "linked" ? [hasLink] : filter.linked === "unlinked" ? [{ NOT: hasLink }] : []),
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

export async function loadExport(db: Db, filter: ExportFilter, options: LoadExportOptions = {}): Promise<LoadedExport> {
  const where = claimWhere(filter, filter.q ? await fullTextClaimIds(db, filter.q) : undefined);
  const [rows, total] = await Promise.all([
    db.claim.findMany({
      where,
      orderBy: SORTS[filter.sort ?? "position"],
      take: options.limit,
      select: {
        id: true, sourceId: true, start: true, end: true, quote: true, prefix: true, suffix: true, kind: true,
        note: true, orphaned: true, createdAt: true, updatedAt: true, author: { select: { name: true } },
        ...provenanceSelect,
      },
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
  const claims: ClaimRecord[] = rows.map((r) => ({
    id: r.id, sourceId: r.sourceId, start: r.start, end: r.end, quote: r.quote, prefix: r.prefix, suffix: r.suffix,
    kind: r.kind, note: r.note, orphaned: r.orphaned, authorName: r.author.name,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), provenance: toProvenance(r),
  }));
  const links: LinkRecord[] = linkRows.map((l) => ({
    id: l.id, fromId: l.fromId, toId: l.toId, relation: l.relation, note: l.note, authorName: l.author.name, createdAt: l.createdAt.toISOString(),
  }));
  const bundle = buildExportBundle({ generatedAt: (options.now ?? new Date()).toISOString(), sources, claims, links });
  // Originals by reference only (name, type, size, hash): their bytes stay in the database.
  const originals = options.withBodies
    ? new Map((await db.sourceFile.findMany({ where: { sourceId: { in: sourceIds } }, select: { sourceId: true, name: true, mediaType: true, size: true, sha256: true } })).map(({ sourceId, ...o }) => [sourceId, o]))
    : new Map<string, OriginalReference>();
  const bodies = new Map(options.withBodies ? sources.map((s) => [s.id, { body: s.body, sections: s.sections, pageMap: s.pageMap ?? null, original: originals.get(s.id) ?? null }]) : []);
  return { bundle, bodies, total: total < 0 ? claims.length : total };
}

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
  if (filter.q) parts.push(`matching ${filter.q}`);
  return parts.length ? parts.join(" ") : "all";
}

/** What the filter form offers: every source and cluster by name. */
export async function filterChoices(db: Db) {
  const [sources, clusters, researchers] = await Promise.all([
    db.source.findMany({ orderBy: [{ seedKey: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }], select: { id: true, title: true, suggestedTitle: true } }),
    db.cluster.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({ where: { claims: { some: { deletedAt: null } } }, orderBy: { name: "asc" }, select: { name: true } }),
  ]);
  return { sources: sources.map((s) => ({ id: s.id, title: displayTitle(s) })), clusters, researchers: researchers.map((r) => r.name) };
}
