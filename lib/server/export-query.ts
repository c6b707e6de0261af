// Loads what an export or the claims list shows for a filter: claims in text order with their
// sources and links, in a fixed number of queries whatever the number of claims.
import "server-only";
import { isDeepStrictEqual } from "node:util";
import type { Db } from "./db";
import { notFound } from "../errors";
import { buildExportBundle, exportClaims, indexSource, type ExportBundle, type ExportClaim, type ExportStream, type IndexedSource } from "../export/model";
import { Prisma } from "../generated/prisma/client";
import type { PageRange } from "../import/pdf/types";
import type { OriginalReference } from "../types";
import { fullTextClaimIds, SEARCH_CAP } from "./search";
import { SOURCE_LIST_ORDER, toSourceMeta } from "./sources";
import { toProvenance, type ProvenanceRow } from "./provenance-fields";
import { idList } from "./sql";
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
  /** With `limit` and search text: more than SEARCH_CAP claims match the text, and the list
   *  (and `total`) covers only the first SEARCH_CAP of them in the list's order. */
  capped: boolean;
}

const SORTS: Record<ClaimSort, Prisma.ClaimOrderByWithRelationInput[]> = {
  position: TEXT_ORDER,
  date: [{ createdAt: "desc" }, { id: "asc" }],
  source: [{ source: { title: { sort: "asc", nulls: "last" } } }, { source: { suggestedTitle: { sort: "asc", nulls: "last" } } }, ...TEXT_ORDER],
};

/** SORTS in SQL over a match `m` and its source `ms`, for the capped search (the same order,
 *  so the first matches it keeps are the first the list shows). */
const SQL_SORTS: Record<ClaimSort, Prisma.Sql> = {
  position: Prisma.sql`ms."seedKey" ASC NULLS LAST, ms."createdAt", m."sourceId", m."start", m."end", m."id"`,
  date: Prisma.sql`m."createdAt" DESC, m."id"`,
  source: Prisma.sql`ms."title" ASC NULLS LAST, ms."suggestedTitle" ASC NULLS LAST, ms."seedKey" ASC NULLS LAST, ms."createdAt", m."sourceId", m."start", m."end", m."id"`,
};

/** The sources in SQL_SORTS's order, for the sorts that list claims source by source: lets the
 *  capped search walk sources in the list's order (lib/server/search.ts TextMatchOptions). */
const SQL_SOURCE_ORDERS: Partial<Record<ClaimSort, Prisma.Sql>> = {
  position: Prisma.sql`ms."seedKey" ASC NULLS LAST, ms."createdAt", ms.id`,
  source: Prisma.sql`ms."title" ASC NULLS LAST, ms."suggestedTitle" ASC NULLS LAST, ms."seedKey" ASC NULLS LAST, ms."createdAt", ms.id`,
};

type ClaimRecordRow = Omit<ClaimRecord, "provenance"> & {
  attributionType: ProvenanceRow["attributionType"]; claimDateStart: Date | null; claimDateEnd: Date | null; claimDatePrecision: ProvenanceRow["claimDatePrecision"];
  speakerId: string | null; speakerName: string | null; speakerRole: string | null; speakerAliases: string[] | null;
  originClaimId: string | null; originClaimQuote: string | null; originClaimSourceId: string | null;
  originSourceId: string | null; originSourceTitle: string | null; originSourceSuggestedTitle: string | null;
  originReferenceId: string | null; originReferenceTitle: string | null; originReferencePublisher: string | null; originReferenceUrl: string | null; originReferenceDate: Date | null; originReferenceCreatedAt: Date | null;
};

/** A timestamp(3) column as the text Date.toISOString writes ("2026-12-01T12:00:00.000Z", the
 *  columns hold UTC): made in the database, it spares a Date object per value in JavaScript. */
const isoText = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The claims with these ids as records, with author and provenance, in one statement, in the
 * order of `ids` (an id no longer there, deleted since, is left out). Raw SQL rather than a
 * Prisma select with five relations: the client would send one query per relation with every id
 * as a parameter and join them in JavaScript, which tripled an export's time in npm run bench.
 * One index lookup per claim and joined row. The one reader of claim records for the claims list
 * (loadExport) and the exports (streamExport).
 */
async function claimRecordsByIds(db: Db, ids: string[]): Promise<ClaimRecord[]> {
  if (!ids.length) return [];
  const rows = await db.$queryRaw<ClaimRecordRow[]>`
    SELECT c."id", c."sourceId", c."start", c."end", c."quote", c."prefix", c."suffix", c."kind"::text AS "kind", c."note", c."orphaned",
           ${isoText(Prisma.sql`c."createdAt"`)} AS "createdAt", ${isoText(Prisma.sql`c."updatedAt"`)} AS "updatedAt", u."name" AS "authorName",
           c."attributionType"::text AS "attributionType", c."claimDateStart", c."claimDateEnd", c."claimDatePrecision"::text AS "claimDatePrecision",
           sp."id" AS "speakerId", sp."name" AS "speakerName", sp."role" AS "speakerRole", sp."aliases" AS "speakerAliases",
           oc."id" AS "originClaimId", oc."quote" AS "originClaimQuote", oc."sourceId" AS "originClaimSourceId",
           os."id" AS "originSourceId", os."title" AS "originSourceTitle", os."suggestedTitle" AS "originSourceSuggestedTitle",
           r."id" AS "originReferenceId", r."title" AS "originReferenceTitle", r."publisher" AS "originReferencePublisher", r."url" AS "originReferenceUrl",
           r."date" AS "originReferenceDate", r."createdAt" AS "originReferenceCreatedAt"
    FROM unnest(${idList(ids)}) WITH ORDINALITY AS k("id", "at")
    JOIN "Claim" c ON c."id" = k."id" JOIN "User" u ON u."id" = c."authorId"
    LEFT JOIN "Speaker" sp ON sp."id" = c."speakerId"
    LEFT JOIN "Claim" oc ON oc."id" = c."restsOnClaimId"
    LEFT JOIN "Source" os ON os."id" = c."restsOnSourceId"
    LEFT JOIN "ExternalReference" r ON r."id" = c."restsOnReferenceId"
    ORDER BY k."at"`;
  return rows.map((r) => ({
    id: r.id, sourceId: r.sourceId, start: r.start, end: r.end, quote: r.quote, prefix: r.prefix, suffix: r.suffix,
    kind: r.kind, note: r.note, orphaned: r.orphaned, authorName: r.authorName,
    createdAt: r.createdAt, updatedAt: r.updatedAt,
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
async function linksTouching(db: Db, claimIds: string[]): Promise<LinkRecord[]> {
  if (!claimIds.length) return [];
  const ids = idList(claimIds);
  return db.$queryRaw<LinkRecord[]>`
    SELECT l."id", l."fromId", l."toId", l."relation"::text AS "relation", l."note", u."name" AS "authorName", ${isoText(Prisma.sql`l."createdAt"`)} AS "createdAt"
    FROM "ClaimLink" l JOIN "User" u ON u."id" = l."authorId"
    WHERE l."deletedAt" IS NULL AND (l."fromId" = ANY(${ids}) OR l."toId" = ANY(${ids}))
    ORDER BY l."createdAt", l."id"`;
}

async function sourceInProject(db: Db, projectId: string, sourceId: string): Promise<boolean> {
  return (await db.source.count({ where: { id: sourceId, projectId } })) > 0;
}

const sourceMetaSelect = { id: true, title: true, suggestedTitle: true, author: true, publisher: true, url: true, publishedDate: true, approxDate: true } satisfies Prisma.SourceSelect;

/** Claims read per query when streaming an export: one batch's rows, links and source texts are
 *  all the memory an export holds, whatever the number of claims. */
export const EXPORT_BATCH = 2_000;

/** The columns of the sorts' keysets (the date sort's, the text order's within a source). */
type ClaimKey = { id: string; start: number; end: number; createdAt: Date };

/** Claims after `last` in an order of fields (each ascending or descending): the keyset
 *  condition, so each batch is an index range from where the last one stopped. */
function keysetAfter<K extends keyof ClaimKey>(last: Pick<ClaimKey, K>, keys: [K, "asc" | "desc"][]): Prisma.ClaimWhereInput {
  return {
    OR: keys.map(([key, dir], i) => ({
      ...Object.fromEntries(keys.slice(0, i).map(([k]) => [k, last[k]])),
      [key]: { [dir === "asc" ? "gt" : "lt"]: last[key] },
    })),
  };
}

const POSITION_KEYS: ["start" | "end" | "id", "asc"][] = [["start", "asc"], ["end", "asc"], ["id", "asc"]];
const DATE_KEYS: ["createdAt" | "id", "asc" | "desc"][] = [["createdAt", "desc"], ["id", "asc"]];

/** Sources in the order each sort lists them (the sorts that group claims by source). */
const SOURCE_ORDER: Record<Exclude<ClaimSort, "date">, Prisma.SourceOrderByWithRelationInput[]> = {
  position: SOURCE_LIST_ORDER,
  source: [{ title: { sort: "asc", nulls: "last" } }, { suggestedTitle: { sort: "asc", nulls: "last" } }, { seedKey: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
};

/**
 * The filter's claims in its order as records, `batch` a time, each batch an index range after
 * the last claim read (keyset): no query reads the claims before its batch, so a 100,000-claim
 * export costs 50 short range reads rather than one sort of every claim. The text orders walk
 * the sources (listed once with their counts, O(sources)) and read whole sources together up to
 * `batch` claims, a larger source in ranges of (start, end, id). Two statements a batch: the
 * filter (a Prisma where, shared with the claims list) picks the ids, and claimRecordsByIds reads
 * them (a claim deleted in between is left out). The first selects no more than its keyset needs
 * (whole sources: the ids alone): Prisma maps each selected value of each row in JavaScript,
 * which for five columns cost about as much as reading the whole records raw.
 */
async function* claimBatchesInOrder(db: Db, where: Prisma.ClaimWhereInput, counts: Map<string, number>, sourceOrder: string[] | null, batch: number, after?: ClaimKey & { sourceId: string }): AsyncGenerator<ClaimRecord[]> {
  const records = async (rows: { id: string }[]) => claimRecordsByIds(db, rows.map((r) => r.id));
  if (!sourceOrder) {
    // By date: newest first, one keyset over (createdAt, id).
    for (let last: Pick<ClaimKey, "id" | "createdAt"> | undefined = after; ;) {
      const rows = await db.claim.findMany({
        where: last ? { AND: [where, keysetAfter(last, DATE_KEYS)] } : where,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: batch, select: { id: true, createdAt: true },
      });
      const claims = await records(rows);
      if (claims.length) yield claims;
      if (rows.length < batch) return;
      last = rows.at(-1)!;
    }
  }
  const byPosition: Prisma.ClaimOrderByWithRelationInput[] = [{ start: "asc" }, { end: "asc" }, { id: "asc" }];
  // After a given claim (the list's next page): the rest of its source by range, then on as usual.
  let resume: Pick<ClaimKey, "id" | "start" | "end"> | undefined = after;
  let i = after ? sourceOrder.indexOf(after.sourceId) : 0;
  if (i < 0) return;
  while (i < sourceOrder.length) {
    if (resume) {
      yield* sourceInRanges(sourceOrder[i]!, resume);
      resume = undefined;
      i += 1;
      continue;
    }
    // Whole sources while they fit in a batch (their counts are hints: a claim added since only
    // makes the batch a little larger).
    const run: string[] = [sourceOrder[i]!];
    let n = counts.get(run[0]!) ?? 0;
    while (i + run.length < sourceOrder.length && n + (counts.get(sourceOrder[i + run.length]!) ?? 0) <= batch) n += counts.get(sourceOrder[i + run.length]!) ?? 0, run.push(sourceOrder[i + run.length]!);
    if (run.length > 1 || n <= batch) {
      const claims = await records(await db.claim.findMany({ where: { AND: [where, { sourceId: { in: run } }] }, orderBy: [{ sourceId: "asc" }, ...byPosition], select: { id: true } }));
      const bySource = new Map(run.map((id) => [id, [] as ClaimRecord[]]));
      for (const c of claims) bySource.get(c.sourceId)!.push(c);
      const ordered = [...bySource.values()].flat();
      if (ordered.length) yield ordered;
      i += run.length;
      continue;
    }
    // A source with more claims than a batch: ranges of (start, end, id).
    yield* sourceInRanges(run[0]!);
    i += 1;
  }

  async function* sourceInRanges(sourceId: string, from?: Pick<ClaimKey, "id" | "start" | "end">): AsyncGenerator<ClaimRecord[]> {
    for (let last = from; ;) {
      const rows = await db.claim.findMany({
        where: { AND: [where, { sourceId }, ...(last ? [keysetAfter(last, POSITION_KEYS)] : [])] },
        orderBy: byPosition, take: batch, select: { id: true, start: true, end: true },
      });
      const claims = await records(rows);
      if (claims.length) yield claims;
      if (rows.length < batch) return;
      last = rows.at(-1)!;
    }
  }
}

/** The filter's claim count per source (one grouped query: O(matching claims) in the database,
 *  an index-only count for the unfiltered list, O(sources) here) and the sources in the sort's
 *  order: where a walk in order (claimBatchesInOrder) starts. */
async function sourcesInOrder(db: Db, projectId: string, where: Prisma.ClaimWhereInput, sort: ClaimSort) {
  const groups = await db.claim.groupBy({ by: ["sourceId"], where, _count: { _all: true }, ...(sort === "date" ? { _max: { createdAt: true } } : {}) });
  const counts = new Map(groups.map((g) => [g.sourceId, g._count._all]));
  if (sort === "date") {
    // Sources as their newest claim brings them in.
    const newest = (g: (typeof groups)[number]) => (g as { _max?: { createdAt: Date | null } })._max?.createdAt?.getTime() ?? 0;
    return { counts, sourceIds: [...groups].sort((a, b) => newest(b) - newest(a) || a.sourceId.localeCompare(b.sourceId)).map((g) => g.sourceId) };
  }
  const sourceIds = (await db.source.findMany({ where: { id: { in: [...counts.keys()] }, projectId }, orderBy: SOURCE_ORDER[sort], select: { id: true } })).map((s) => s.id);
  return { counts, sourceIds };
}

/** The items of `items`, each next one read while the one before is used: an export's next
 *  batch is read from the database while the last one is written, so the database and the
 *  writing overlap (two batches in memory, not one). */
async function* readAhead<T>(items: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    let next = items.next();
    for (;;) {
      const item = await next;
      if (item.done) return;
      next = items.next();
      // Awaited on the next turn; a reader that stops first must not leave its failure unhandled.
      next.catch(() => {});
      yield item.value;
    }
  } finally {
    await items.return(undefined);
  }
}

/**
 * An export of every claim of the filter, read in keyset batches of EXPORT_BATCH while it is
 * written (claimBatchesInOrder). Before the first claim: the claim count per source (one grouped
 * query, O(matching claims) in the database, O(sources) here) and the sources in order. Per
 * batch: its claims, the links touching them and its sources' texts (for paragraph numbers and
 * page maps), so memory stays flat and the first bytes leave before the last claim is read. The
 * same claims, links and order as loadExport.
 */
export async function streamExport(db: Db, projectId: string, filter: ExportFilter, options: { now?: Date; batch?: number; visibility?: ClaimVisibility } = {}): Promise<ExportStream> {
  const where = claimWhere(projectId, filter, filter.q ? await fullTextClaimIds(db, projectId, filter.q) : undefined, options.visibility);
  const sort = filter.sort ?? "position";
  const { counts, sourceIds } = await sourcesInOrder(db, projectId, where, sort);
  const claimSources = sort === "date" ? null : [...sourceIds];
  // The filter's own source is named even when none of its claims match, if it is this project's.
  if (filter.sourceId && !counts.has(filter.sourceId) && (await sourceInProject(db, projectId, filter.sourceId))) sourceIds.unshift(filter.sourceId);
  const batch = options.batch ?? EXPORT_BATCH;

  // Each source's paragraph numbering and page map, read once per export (the claims come in
  // text order, so a source's text is read when its first claim arrives) and kept without the
  // text: a few numbers a paragraph, whatever the number of claims.
  const indexed = new Map<string, IndexedSource>();

  async function* batches(): AsyncGenerator<ExportClaim[]> {
    for await (const records of claimBatchesInOrder(db, where, counts, claimSources, batch)) {
      const [links, texts] = await Promise.all([
        linksTouching(db, records.map((r) => r.id)),
        sourceTexts([...new Set(records.map((r) => r.sourceId))].filter((id) => !indexed.has(id))),
      ]);
      for (const t of texts) indexed.set(t.id, indexSource({ ...toSourceMeta(t), body: t.body, sections: [], pageMap: t.pageMap as unknown as PageRange[] | null }));
      yield exportClaims(records, indexed, links);
    }
  }
  async function sourceTexts(ids: string[]) {
    return ids.length ? db.source.findMany({ where: { id: { in: ids } }, select: { ...sourceMetaSelect, body: true, pageMap: true } }) : [];
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
    claimCount: [...counts.values()].reduce((a, b) => a + b, 0),
    batches: readAhead(batches()),
    sources,
    async linksWithinScope() {
      const rows = await db.claimLink.findMany({ where: { deletedAt: null, from: where, to: where }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: { select: { name: true } } } });
      return rows.map(toLinkRecord);
    },
  };
}

/**
 * A page of a search (one more than `limit`, to tell whether a next page exists) and the count,
 * from its first matches, which fullTextClaimIds gave in the page's order (live, this project's).
 * At most one query: the matches that pass the filter's other conditions, by id (O(SEARCH_CAP)
 * primary-key probes), and none when there are no other conditions. The order is the matches'
 * own, so nothing is sorted again; a page after a claim that no longer matches is empty, as the
 * keyset cursor of the unsearched list.
 */
async function searchPage(db: Db, projectId: string, filter: ExportFilter, where: Prisma.ClaimWhereInput, matches: string[], limit: number, after?: string): Promise<[{ id: string }[], number]> {
  const textOnly = isDeepStrictEqual(where, claimWhere(projectId, { q: filter.q }, matches));
  const passing = textOnly ? null : new Set((await db.claim.findMany({ where, select: { id: true } })).map((r) => r.id));
  const kept = passing ? matches.filter((id) => passing.has(id)) : matches;
  const from = after === undefined ? 0 : kept.indexOf(after) + 1;
  const page = after !== undefined && from === 0 ? [] : kept.slice(from, from + limit + 1);
  return [page.map((id) => ({ id })), kept.length];
}

/**
 * A page of the list without search text (one more than `limit`, to tell whether a next page
 * exists) and the count: the per-source counts and the sources in order (sourcesInOrder), then
 * the claims walked in order from the claim the page starts after (claimBatchesInOrder), so a
 * page reads O(sources) counts and O(page) claims however many come before it, never a sort of
 * every claim. A page after a claim deleted or no longer matching is empty (the page says so).
 */
async function listPage(db: Db, projectId: string, filter: ExportFilter, where: Prisma.ClaimWhereInput, limit: number, after?: string): Promise<[ClaimRecord[], number]> {
  const sort = filter.sort ?? "position";
  // The date order walks one keyset over (createdAt, id): a plain count is all it needs.
  const { counts, sourceIds } = sort === "date" ? { counts: null, sourceIds: null } : await sourcesInOrder(db, projectId, where, sort);
  const total = counts ? [...counts.values()].reduce((a, b) => a + b, 0) : await db.claim.count({ where });
  const from = after ? await db.claim.findFirst({ where: { AND: [where, { id: after }] }, select: { id: true, sourceId: true, start: true, end: true, createdAt: true } }) : undefined;
  if (from === null) return [[], total];
  const page: ClaimRecord[] = [];
  for await (const batch of claimBatchesInOrder(db, where, counts ?? new Map(), sourceIds, limit + 1, from)) {
    page.push(...batch);
    if (page.length > limit) break;
  }
  return [page.slice(0, limit + 1), total];
}

export async function loadExport(db: Db, projectId: string, filter: ExportFilter, options: LoadExportOptions = {}): Promise<LoadedExport> {
  // A page of a search reads the first SEARCH_CAP + 1 matches in the page's order, not all of
  // them: O(SEARCH_CAP) ids for the page and its count (searchPage), however common the words.
  const textMatches = filter.q
    ? await fullTextClaimIds(db, projectId, filter.q, options.limit === undefined ? {} : { cap: SEARCH_CAP, orderBy: SQL_SORTS[filter.sort ?? "position"], sourceOrder: SQL_SOURCE_ORDERS[filter.sort ?? "position"] })
    : undefined;
  const capped = options.limit !== undefined && textMatches !== undefined && textMatches.length > SEARCH_CAP;
  const considered = capped ? textMatches!.slice(0, SEARCH_CAP) : textMatches;
  const where = claimWhere(projectId, filter, considered, options.visibility);
  let claims: ClaimRecord[];
  let total: number;
  let more = false;
  if (options.limit !== undefined && considered === undefined) {
    // The list without search text: walked in order from the page's start.
    const [page, count] = await listPage(db, projectId, filter, where, options.limit, options.after);
    more = page.length > options.limit;
    [claims, total] = [more ? page.slice(0, options.limit) : page, count];
  } else {
    const [order, count] = options.limit !== undefined
      ? await searchPage(db, projectId, filter, where, considered!, options.limit, options.after)
      : [await db.claim.findMany({ where, orderBy: SORTS[filter.sort ?? "position"], select: { id: true } }), -1];
    more = options.limit !== undefined && order.length > options.limit;
    // In the filter's order; a claim deleted between the two reads is left out.
    claims = await claimRecordsByIds(db, (more ? order.slice(0, options.limit) : order).map((r) => r.id));
    total = count < 0 ? claims.length : count;
  }
  const claimIds = claims.map((c) => c.id);
  const links = await linksTouching(db, claimIds);
  const sourceIds = [...new Set(claims.map((r) => r.sourceId))];
  if (filter.sourceId && !sourceIds.includes(filter.sourceId)) sourceIds.unshift(filter.sourceId);
  // The filter's own source is named even when none of its claims match, if it is this project's.
  const sourceRows = await db.source.findMany({ where: { id: { in: sourceIds }, projectId }, select: { ...sourceMetaSelect, body: true, sections: true, pageMap: true } });
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
  return { bundle, bodies, total, nextAfter: more ? claimIds.at(-1)! : null, capped };
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
