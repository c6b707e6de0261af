import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Db } from "./db";
import type { Prisma } from "../generated/prisma/client";
import type { PageRange } from "../import/pdf/types";
import type { SourceDoc, SourceMeta, SourceSection } from "../types";

/** Bodies are stored with "\n" line ends only, so offsets mean the same on every platform. */
export function normalizeBody(raw: string): string {
  return raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

export function contentHash(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}

export function countWords(body: string): number {
  return body.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu)?.length ?? 0;
}

/** A flagged range runs from the first occurrence of its opening words to the end of the body. */
export function locateSections(body: string, specs: { kind: "comments"; startsAt: string; label: string }[]): SourceSection[] {
  return specs.flatMap((spec) => {
    const start = body.indexOf(spec.startsAt);
    return start < 0 ? [] : [{ kind: spec.kind, start, end: body.length, label: spec.label }];
  });
}

/** A source row as the database gives it: the browser's SourceMeta with the date still a Date. */
type SourceRow = Omit<SourceMeta, "publishedDate"> & { publishedDate: Date | null };

export function toSourceMeta(row: SourceRow): SourceMeta {
  return {
    id: row.id,
    title: row.title,
    suggestedTitle: row.suggestedTitle,
    author: row.author,
    publisher: row.publisher,
    url: row.url,
    publishedDate: row.publishedDate ? row.publishedDate.toISOString().slice(0, 10) : null,
    approxDate: row.approxDate,
  };
}

/** A source as the source lists show it: its metadata, length and number of live claims. */
export type ListedSource = SourceMeta & { wordCount: number; claimCount: number };

/** Where a page of the source list starts: the sort key of the last source of the page before.
 *  The key itself, not that source's id, so the next page still follows if it is deleted meanwhile. */
export interface SourceCursor {
  seedKey: string | null;
  createdAt: Date;
  id: string;
}

/** The corpus order: seeded sources by file name, then the others oldest first (index
 *  "Source_projectId_seedKey_createdAt_id_idx"; btree's ascending order puts the null seedKeys last). */
export const SOURCE_LIST_ORDER: Prisma.SourceOrderByWithRelationInput[] = [{ seedKey: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }];

const listedSelect = {
  id: true, title: true, suggestedTitle: true, author: true, publisher: true, url: true,
  publishedDate: true, approxDate: true, wordCount: true, seedKey: true, createdAt: true,
} satisfies Prisma.SourceSelect;

/** Sources after `cursor` in SOURCE_LIST_ORDER (null seedKeys sort last, so they follow every seeded one). */
function sourcesAfter(cursor: SourceCursor): Prisma.SourceWhereInput {
  const sameSeed = { seedKey: cursor.seedKey };
  const later: Prisma.SourceWhereInput[] = [
    { ...sameSeed, createdAt: { gt: cursor.createdAt } },
    { ...sameSeed, createdAt: cursor.createdAt, id: { gt: cursor.id } },
  ];
  return { OR: cursor.seedKey === null ? later : [{ seedKey: { gt: cursor.seedKey } }, { seedKey: null }, ...later] };
}

/** Live claims of these sources: one GROUP BY over their entries of the partial index
 *  "Claim_live_sourceId_idx" (an index-only scan, O(claims of these sources)). */
async function claimCounts(db: Db, sourceIds: string[]): Promise<Map<string, number>> {
  if (!sourceIds.length) return new Map();
  const groups = await db.claim.groupBy({ by: ["sourceId"], where: { sourceId: { in: sourceIds }, deletedAt: null }, _count: { _all: true } });
  return new Map(groups.map((g) => [g.sourceId, g._count._all]));
}

async function withClaimCounts(db: Db, rows: Prisma.SourceGetPayload<{ select: typeof listedSelect }>[]): Promise<ListedSource[]> {
  const counts = await claimCounts(db, rows.map((r) => r.id));
  return rows.map((row) => ({ ...toSourceMeta(row), wordCount: row.wordCount, claimCount: counts.get(row.id) ?? 0 }));
}

/** Every source of a project in the corpus order, with claim counts (the API's list, compare's
 *  picker): O(sources + their claims) through the indexes above. */
export async function listSources(db: Db, projectId: string): Promise<ListedSource[]> {
  return withClaimCounts(db, await db.source.findMany({ where: { projectId }, orderBy: SOURCE_LIST_ORDER, select: listedSelect }));
}

/** One page of a project's sources in the corpus order (keyset: an index range from `after`),
 *  with the number of the project's sources (whose title contains `titleContains`, when given) and
 *  the cursor of the next page (null on the last). Costs O(limit + their claims) whatever the
 *  project's size, plus the count of its sources. */
export async function listSourcesPage(
  db: Db, projectId: string, options: { limit: number; after?: SourceCursor; titleContains?: string },
): Promise<{ sources: ListedSource[]; total: number; next: SourceCursor | null }> {
  // The title a list shows (displayTitle): the researcher's, else the suggested one. A substring
  // test on each of the project's sources, O(sources): a millisecond at 1,000.
  // Prisma sends `contains` as an ILIKE pattern as it is: "%" and "_" escaped, they mean themselves.
  const contains = options.titleContains ? { contains: options.titleContains.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const } : null;
  const matching: Prisma.SourceWhereInput = contains ? { projectId, OR: [{ title: contains }, { title: null, suggestedTitle: contains }] } : { projectId };
  const where: Prisma.SourceWhereInput = options.after ? { AND: [matching, sourcesAfter(options.after)] } : matching;
  const [rows, total] = await Promise.all([
    // One more than shown tells whether a next page exists.
    db.source.findMany({ where, orderBy: SOURCE_LIST_ORDER, take: options.limit + 1, select: listedSelect }),
    db.source.count({ where: matching }),
  ]);
  const shown = rows.slice(0, options.limit);
  const last = shown.at(-1);
  return {
    sources: await withClaimCounts(db, shown),
    total,
    next: rows.length > options.limit && last ? { seedKey: last.seedKey, createdAt: last.createdAt, id: last.id } : null,
  };
}

/** A source with its text and every field the reader and the edit form show. */
export async function getSource(db: Db, id: string): Promise<(SourceDoc & { wordCount: number; dateEvidence: string | null; note: string | null; version: number; file: { name: string; mediaType: string; size: number } | null }) | null> {
  const row = await db.source.findUnique({ where: { id }, include: { file: { select: { name: true, mediaType: true, size: true } } } });
  if (!row) return null;
  return {
    ...toSourceMeta(row),
    body: row.body,
    sections: row.sections as unknown as SourceSection[],
    pageMap: row.pageMap as unknown as PageRange[] | null,
    file: row.file,
    wordCount: row.wordCount,
    dateEvidence: row.dateEvidence,
    note: row.note,
    version: row.version,
  };
}

const cursorParam = z.tuple([z.string().max(1000).nullable(), z.iso.datetime(), z.string().min(1).max(64)]);

/** A cursor as a URL parameter: base64url of [seedKey, createdAt, id]. */
export function sourceCursorParam(cursor: SourceCursor): string {
  return Buffer.from(JSON.stringify([cursor.seedKey, cursor.createdAt.toISOString(), cursor.id])).toString("base64url");
}

/** The cursor of a URL parameter, or null when it is not one (a hand-edited or truncated link). */
export function parseSourceCursor(param: string): SourceCursor | null {
  try {
    const parsed = cursorParam.safeParse(JSON.parse(Buffer.from(param, "base64url").toString("utf8")));
    return parsed.success ? { seedKey: parsed.data[0], createdAt: new Date(parsed.data[1]), id: parsed.data[2] } : null;
  } catch {
    return null;
  }
}
