// Overview figures, all derived from the live rows and the suggested sentences stored with each
// text: claims per kind, links per relation, a page of sources ranked by what needs attention, and
// which sources contradict or support which. PostgreSQL counts and ranks; the page reads a few
// rows per kind and relation, one page of sources and the pairs of the sources a heat map draws,
// whatever the number of sources.
import "server-only";
import { z } from "zod";
import type { Db } from "./db";
import { Prisma } from "../generated/prisma/client";
import { fillSuggestedSpans } from "./suggested-spans";
import { SOURCE_LIST_ORDER, type SourceCursor } from "./sources";
import { MAX_MATRIX_SOURCES, pairMatrix } from "../overview/source-matrix";
import { CLAIM_KINDS, LINK_RELATIONS, displayTitle, type ClaimKind, type LinkRelation, type NumberedSource, type SourcePairMatrix } from "../types";

export interface SourceStats {
  id: string;
  title: string;
  byKind: Record<ClaimKind, number>;
  claims: number;
  links: number;
  orphaned: number;
  /** Suggested claim sentences (numbers, dates, attributions) not yet covered by any claim. */
  unreviewedSuggestions: number;
  suggestions: number;
  /** False while the text is not yet scanned for suggestions (both counts are then 0, not known). */
  scanned: boolean;
}

export interface Overview {
  byKind: Record<ClaimKind, number>;
  byRelation: Record<LinkRelation, number>;
  /** The project's sources in the source list's order, numbered from 1 (the pictures' S1, S2 …). */
  sources: (NumberedSource & { scanned: boolean })[];
  /** The heat maps, contradicts then supports (sourcePairRows). */
  matrices: SourcePairMatrix[];
}

const zeroKinds = () => Object.fromEntries(CLAIM_KINDS.map((k) => [k, 0])) as Record<ClaimKind, number>;

/** Words of unscanned text (stored before suggested spans were, or changed behind the app's back)
 *  one overview load scans, about 100 ms of suggestClaims: the rest wait for the next loads. */
export const SCAN_WORDS_PER_LOAD = 15_000;

/** Live links between claims of one project, with their ends' sources as `a` (from) and `b` (to).
 *  Links join two claims of one project (the write side refuses others); both ends are checked,
 *  so a stray link cannot count in two projects. */
const liveLinks = (projectId: string) => Prisma.sql`
  SELECT l.relation, f."sourceId" AS a, t."sourceId" AS b
  FROM "ClaimLink" l JOIN "Claim" f ON f.id = l."fromId" JOIN "Claim" t ON t.id = l."toId"
  JOIN "Source" fs ON fs.id = f."sourceId" JOIN "Source" ts ON ts.id = t."sourceId"
  WHERE l."deletedAt" IS NULL AND f."deletedAt" IS NULL AND t."deletedAt" IS NULL AND fs."projectId" = ${projectId} AND ts."projectId" = ${projectId}`;

/** `AND <column> = ANY(ids)` when only some sources are asked for. */
const onlySources = (column: Prisma.Sql, ids?: string[]) => (ids ? Prisma.sql`AND ${column} = ANY(${ids}::text[])` : Prisma.empty);

/**
 * One project's totals, its sources in the list's order and its heat maps. The claim totals are a
 * GROUP BY over the index-only scan of live claims ("Claim_live_source_idx"), O(claims) in the
 * database, a row per kind to the page; the link totals come with the heat maps' pairs (one pass
 * over the live links, O(links)); the sources are one small row each. Texts without current spans
 * are scanned first, at most SCAN_WORDS_PER_LOAD words (at least one text) a load; the others say
 * they are not scanned yet. `matrixSources`: the most sources a heat map draws.
 */
export async function overview(db: Db, projectId: string, { matrixSources = MAX_MATRIX_SOURCES } = {}): Promise<Overview> {
  const [sources, kinds, pairRows] = await Promise.all([
    db.source.findMany({
      where: { projectId }, select: { id: true, title: true, suggestedTitle: true, contentHash: true, suggestionsHash: true, wordCount: true }, orderBy: SOURCE_LIST_ORDER,
    }),
    db.$queryRaw<{ kind: ClaimKind; n: number }[]>`
      SELECT c.kind, count(*)::int AS n FROM "Claim" c JOIN "Source" s ON s.id = c."sourceId"
      WHERE c."deletedAt" IS NULL AND s."projectId" = ${projectId} GROUP BY c.kind`,
    sourcePairRows(db, projectId, matrixSources),
  ]);
  const filled = await fillSuggestedSpans(db, firstUnscanned(sources));
  const byKind = zeroKinds();
  for (const k of kinds) byKind[k.kind] = k.n;
  const byRelation = Object.fromEntries(LINK_RELATIONS.map((r) => [r, 0])) as Record<LinkRelation, number>;
  for (const r of pairRows) if (r.what === "total") byRelation[r.relation] = r.n;
  const numbered = sources.map((s, i) => ({ id: s.id, title: displayTitle(s), number: i + 1, scanned: s.suggestionsHash === s.contentHash || filled.has(s.id) }));
  return { byKind, byRelation, sources: numbered, matrices: shapeMatrices(pairRows, numbered) };
}

/** The first texts without current spans, up to SCAN_WORDS_PER_LOAD words (at least one text). */
function firstUnscanned(sources: { id: string; contentHash: string; suggestionsHash: string | null; wordCount: number }[]): string[] {
  const picked: string[] = [];
  let words = 0;
  for (const s of sources) {
    if (s.suggestionsHash === s.contentHash) continue;
    if (picked.length && words + s.wordCount > SCAN_WORDS_PER_LOAD) break;
    picked.push(s.id);
    words += s.wordCount;
  }
  return picked;
}

/**
 * Per source with current spans (all the project's, or only `ids`): its suggested sentences, and
 * those no live claim overlaps. The live claims of each source are merged into one multirange
 * (range_agg, O(claims) over the covering index) and each sentence is tested against it (a binary
 * search), O(claims + sentences) whatever the number of claims per source; a per-sentence probe of
 * the claims index cannot bound the claims that start before the sentence, so it reads half a
 * source's claims per sentence. Claims with an empty span (never written by the app) cover nothing.
 */
const suggestedSentences = (projectId: string, ids?: string[]) => Prisma.sql`
      WITH covered AS (
        SELECT c."sourceId", range_agg(int4range(c.start, c."end")) AS spans
        FROM "Claim" c JOIN "Source" s ON s.id = c."sourceId"
        WHERE c."deletedAt" IS NULL AND c.start < c."end" AND s."projectId" = ${projectId} AND s."suggestionsHash" = s."contentHash" ${onlySources(Prisma.sql`s.id`, ids)}
        GROUP BY c."sourceId"
      )
      SELECT g."sourceId", count(*)::int AS suggestions,
        (count(*) FILTER (WHERE cv.spans IS NULL OR NOT cv.spans && int4range(g.start, g."end")))::int AS unreviewed
      FROM "SuggestedSpan" g JOIN "Source" s ON s.id = g."sourceId" LEFT JOIN covered cv ON cv."sourceId" = g."sourceId"
      WHERE s."projectId" = ${projectId} AND s."suggestionsHash" = s."contentHash" ${onlySources(Prisma.sql`s.id`, ids)}
      GROUP BY g."sourceId"`;

/** Live claims per source and kind, orphaned ones counted apart (all the project's sources, or only `ids`). */
const claimsPerSource = (projectId: string, ids?: string[]) => Prisma.sql`
  SELECT c."sourceId", c.kind, count(*)::int AS n, (count(*) FILTER (WHERE c.orphaned))::int AS orphaned
  FROM "Claim" c JOIN "Source" s ON s.id = c."sourceId"
  WHERE c."deletedAt" IS NULL AND s."projectId" = ${projectId} ${onlySources(Prisma.sql`c."sourceId"`, ids)} GROUP BY c."sourceId", c.kind`;

/** Live links per source: a link counts once for each source it touches (once for a link within one source). */
const linksPerSource = (projectId: string) => Prisma.sql`
  SELECT e.id AS "sourceId", count(*)::int AS n
  FROM (${liveLinks(projectId)}) l CROSS JOIN LATERAL unnest(CASE WHEN l.a = l.b THEN ARRAY[l.a] ELSE ARRAY[l.a, l.b] END) AS e(id)
  GROUP BY e.id`;

/** Live links of some sources, per source as linksPerSource counts them: the links of their live
 *  claims, from either end (ClaimLink's (fromId, toId) and toId indexes), O(their claims' links). */
const linksOfSources = (projectId: string, ids: string[]) => Prisma.sql`
  SELECT e.id AS "sourceId", count(*)::int AS n FROM (
    SELECT l.id, f."sourceId" AS a, t."sourceId" AS b
    FROM "Claim" f JOIN "ClaimLink" l ON l."fromId" = f.id JOIN "Claim" t ON t.id = l."toId" JOIN "Source" ts ON ts.id = t."sourceId"
    WHERE f."sourceId" = ANY(${ids}::text[]) AND f."deletedAt" IS NULL AND l."deletedAt" IS NULL AND t."deletedAt" IS NULL AND ts."projectId" = ${projectId}
    UNION
    SELECT l.id, f."sourceId", t."sourceId"
    FROM "Claim" t JOIN "ClaimLink" l ON l."toId" = t.id JOIN "Claim" f ON f.id = l."fromId" JOIN "Source" fs ON fs.id = f."sourceId"
    WHERE t."sourceId" = ANY(${ids}::text[]) AND t."deletedAt" IS NULL AND l."deletedAt" IS NULL AND f."deletedAt" IS NULL AND fs."projectId" = ${projectId}
  ) l CROSS JOIN LATERAL unnest(CASE WHEN l.a = l.b THEN ARRAY[l.a] ELSE ARRAY[l.a, l.b] END) AS e(id)
  WHERE e.id = ANY(${ids}::text[]) GROUP BY e.id`;

/** The orders the overview's table of sources can be read in, each most first. */
export const SOURCE_STATS_ORDERS = ["claims", "unreviewed", "orphaned", "links"] as const;
export type SourceStatsOrder = (typeof SOURCE_STATS_ORDERS)[number];

/** Each order's figure per source (sourceId, n); sources it does not name have 0. */
const RANKED_BY: Record<SourceStatsOrder, (projectId: string) => Prisma.Sql> = {
  // A count per source over its range of the live-claims index: no join and no hash of 100,000
  // rows (33 ms against 55–62 ms for a GROUP BY at 100,000 claims, 1,000 sources).
  claims: (projectId) => Prisma.sql`
    SELECT s.id AS "sourceId", (SELECT count(*) FROM "Claim" c WHERE c."sourceId" = s.id AND c."deletedAt" IS NULL)::int AS n
    FROM "Source" s WHERE s."projectId" = ${projectId}`,
  orphaned: (projectId) => Prisma.sql`
    SELECT s.id AS "sourceId", (SELECT count(*) FROM "Claim" c WHERE c."sourceId" = s.id AND c."deletedAt" IS NULL AND c.orphaned)::int AS n
    FROM "Source" s WHERE s."projectId" = ${projectId}`,
  unreviewed: (projectId) => Prisma.sql`SELECT "sourceId", unreviewed AS n FROM (${suggestedSentences(projectId)}) g`,
  links: linksPerSource,
};

/** Where a page of the ranked table starts: the figure and list key of the last source shown. */
export interface SourceStatsCursor extends SourceCursor {
  value: number;
}

/**
 * One page of a project's sources, most first by `order` (ties in the source list's order), with
 * every figure of the table, and the cursor of the next page (null on the last). Keyset paging on
 * (figure, list key): each source once across pages while the figures stand. Cost per page: the
 * ranking figure for every source (one GROUP BY, O(claims), O(links) or O(claims + suggested
 * sentences) in the database, a row per source to the sort, not to the page), then the other
 * figures of the page's sources only, O(their claims and links).
 */
export async function sourceStatsPage(
  db: Db, projectId: string, options: { order: SourceStatsOrder; limit: number; after?: SourceStatsCursor },
): Promise<{ sources: SourceStats[]; next: SourceStatsCursor | null }> {
  const { order, limit, after } = options;
  // Null seedKeys sort last in the list (the seeded sources first): (IS NULL, coalesce) keeps that
  // order in a row comparison, which a NULL would otherwise turn to NULL.
  const keyset = after
    ? Prisma.sql`AND (-coalesce(m.n, 0), s."seedKey" IS NULL, coalesce(s."seedKey", ''), s."createdAt", s.id)
        > (${-after.value}::int, ${after.seedKey === null}::boolean, ${after.seedKey ?? ""}::text, ${after.createdAt.toISOString()}::timestamp(3), ${after.id}::text)`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string; title: string | null; suggestedTitle: string | null; seedKey: string | null; createdAt: Date; scanned: boolean; value: number }[]>`
    WITH m AS (${RANKED_BY[order](projectId)})
    SELECT s.id, s.title, s."suggestedTitle", s."seedKey", s."createdAt", coalesce(s."suggestionsHash" = s."contentHash", false) AS scanned, coalesce(m.n, 0)::int AS value
    FROM "Source" s LEFT JOIN m ON m."sourceId" = s.id
    WHERE s."projectId" = ${projectId} ${keyset}
    ORDER BY coalesce(m.n, 0) DESC, s."seedKey" IS NULL, coalesce(s."seedKey", ''), s."createdAt", s.id
    LIMIT ${limit + 1}`;
  const shown = rows.slice(0, limit);
  const ids = shown.map((r) => r.id);
  const [claimCounts, linkCounts, suggestionCounts] = ids.length
    ? await Promise.all([
        db.$queryRaw<{ sourceId: string; kind: ClaimKind; n: number; orphaned: number }[]>(claimsPerSource(projectId, ids)),
        db.$queryRaw<{ sourceId: string; n: number }[]>(linksOfSources(projectId, ids)),
        db.$queryRaw<{ sourceId: string; suggestions: number; unreviewed: number }[]>(suggestedSentences(projectId, ids)),
      ])
    : [[], [], []];
  const stats = new Map<string, SourceStats>(shown.map((r) => [r.id, {
    id: r.id, title: displayTitle(r), byKind: zeroKinds(), claims: 0, links: 0, orphaned: 0, unreviewedSuggestions: 0, suggestions: 0, scanned: r.scanned,
  }]));
  for (const c of claimCounts) {
    const s = stats.get(c.sourceId)!;
    s.byKind[c.kind] += c.n;
    s.claims += c.n;
    s.orphaned += c.orphaned;
  }
  for (const l of linkCounts) stats.get(l.sourceId)!.links = l.n;
  for (const g of suggestionCounts) Object.assign(stats.get(g.sourceId)!, { suggestions: g.suggestions, unreviewedSuggestions: g.unreviewed });
  const last = shown.at(-1);
  return {
    sources: ids.map((id) => stats.get(id)!),
    next: rows.length > limit && last ? { value: last.value, seedKey: last.seedKey, createdAt: last.createdAt, id: last.id } : null,
  };
}

const cursorParam = z.tuple([z.number().int().min(0), z.string().max(1000).nullable(), z.iso.datetime(), z.string().min(1).max(64)]);

/** A cursor as a URL parameter: base64url of [value, seedKey, createdAt, id]. */
export function sourceStatsCursorParam(cursor: SourceStatsCursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.seedKey, cursor.createdAt.toISOString(), cursor.id])).toString("base64url");
}

/** The cursor of a URL parameter, or null when it is not one (a hand-edited or truncated link). */
export function parseSourceStatsCursor(param: string): SourceStatsCursor | null {
  try {
    const parsed = cursorParam.safeParse(JSON.parse(Buffer.from(param, "base64url").toString("utf8")));
    return parsed.success ? { value: parsed.data[0], seedKey: parsed.data[1], createdAt: new Date(parsed.data[2]), id: parsed.data[3] } : null;
  } catch {
    return null;
  }
}

type PairRow = { relation: LinkRelation; what: "kept" | "pair" | "linked" | "total"; a: string | null; b: string | null; n: number };

/**
 * The heat maps' rows and the link totals, from one pass over the project's live links (O(links)
 * in the database). For CONTRADICTS and SUPPORTS: all sources when there are no more than `max`,
 * else the `max` sources with the most links of the relation (ties: the newest source first, so a
 * pair just linked shows among many with as many links; a
 * source without such links is not drawn then: a row of zeros says nothing) as "kept" rows, the
 * pair counts among them ("pair") and the number of sources with such links ("linked"); for every
 * relation, its number of links ("total"). PostgreSQL ranks (a window over sources × 2), so at
 * most 2 · (max + max²) + 5 rows come back, whatever the number of sources.
 */
function sourcePairRows(db: Db, projectId: string, max: number) {
  return db.$queryRaw<PairRow[]>`
    WITH pairs AS (
      SELECT relation, a, b, count(*)::int AS n FROM (${liveLinks(projectId)}) l GROUP BY relation, a, b
    ), linked AS (
      SELECT relation, id, sum(n) AS n FROM (SELECT relation, a AS id, n FROM pairs UNION ALL SELECT relation, b, n FROM pairs WHERE b <> a) e
      WHERE relation IN ('CONTRADICTS', 'SUPPORTS') GROUP BY relation, id
    ), kept AS (
      SELECT relation, id FROM (
        SELECT r.relation, s.id, coalesce(k.n, 0) AS n, count(*) OVER (PARTITION BY r.relation) AS sources,
          row_number() OVER (PARTITION BY r.relation ORDER BY coalesce(k.n, 0) DESC, s."createdAt" DESC, s.id) AS rank
        FROM "Source" s CROSS JOIN (VALUES ('CONTRADICTS'::"LinkRelation"), ('SUPPORTS'::"LinkRelation")) r(relation)
        LEFT JOIN linked k ON k.relation = r.relation AND k.id = s.id
        WHERE s."projectId" = ${projectId}
      ) ranked WHERE rank <= ${max} AND (n > 0 OR sources <= ${max})
    )
    SELECT relation, 'kept' AS what, id AS a, NULL AS b, 0 AS n FROM kept
    UNION ALL
    SELECT p.relation, 'pair', p.a, p.b, p.n FROM pairs p
      JOIN kept ka ON ka.relation = p.relation AND ka.id = p.a JOIN kept kb ON kb.relation = p.relation AND kb.id = p.b
    UNION ALL
    SELECT relation, 'linked', NULL, NULL, count(*)::int FROM linked GROUP BY relation
    UNION ALL
    SELECT relation, 'total', NULL, NULL, sum(n)::int FROM pairs GROUP BY relation`;
}

/** Each heat map from sourcePairRows, its sources numbered as in `sources` (the project's, in the list's order). */
function shapeMatrices(rows: PairRow[], sources: NumberedSource[]): SourcePairMatrix[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return (["CONTRADICTS", "SUPPORTS"] as const).map((relation) => {
    const mine = rows.filter((r) => r.relation === relation);
    // A source added after `sources` was read is not drawn: it has no number yet.
    const kept = mine.flatMap((r) => (r.what === "kept" && byId.has(r.a!) ? [byId.get(r.a!)!] : []));
    const pairs = mine.flatMap((r) => (r.what === "pair" ? [{ a: r.a!, b: r.b!, n: r.n }] : []));
    const linkedSources = mine.find((r) => r.what === "linked")?.n ?? 0;
    return pairMatrix(relation, kept.map(({ id, title, number }) => ({ id, title, number })), pairs, { ofSources: sources.length, linkedSources });
  });
}
