// Reading the change log (History) as notices for live updates. Each read is one indexed range
// scan on History's primary key plus two primary-key joins per row.
import "server-only";
import type { Db } from "../db";
import { Prisma } from "../../generated/prisma/client";
import type { ChangeNotice } from "../../live";

type NoticeRow = Omit<ChangeNotice, "at"> & { at: Date };

/** A History row as a notice: its claim's source (or the source itself) and its actor's name. */
const NOTICE_SELECT = Prisma.sql`
    SELECT h."id", h."projectId", h."entity"::text AS "entity", h."entityId", h."action", h."claimId",
           coalesce(c."sourceId", CASE WHEN h."entity" = 'SOURCE' THEN h."entityId" END) AS "sourceId",
           h."actorId", u."name" AS "actorName", h."createdAt" AS "at"
    FROM "History" h
    LEFT JOIN "Claim" c ON c."id" = h."claimId"
    LEFT JOIN "User" u ON u."id" = h."actorId"`;

const toNotice = (r: NoticeRow): ChangeNotice => ({ ...r, at: r.at.toISOString() });

/** Notices with ids in [first, last], in id order; at most `limit` of them. */
export async function changesBetween(db: Db, first: number, last: number, limit: number): Promise<ChangeNotice[]> {
  const rows = await db.$queryRaw<NoticeRow[]>`
    ${NOTICE_SELECT}
    WHERE h."id" BETWEEN ${first} AND ${last}
    ORDER BY h."id"
    LIMIT ${limit}`;
  return rows.map(toNotice);
}

/** Notices above `afterId`, in id order. With `lookback`, also the last minute's ids within 100
 *  below it: a transaction that took its id before the reader's last notice but committed after
 *  it would otherwise be skipped (a reader that remembers what it saw drops the repeats). With
 *  `projectId`, that project's only (a range of index "History_projectId_id_idx"), as a page's
 *  stream replays them; the process hub reads every project's. */
export async function changesSince(db: Db, afterId: number, limit: number, { lookback, projectId }: { lookback: boolean; projectId?: string }): Promise<ChangeNotice[]> {
  const floor = lookback ? afterId - 100 : afterId;
  const rows = await db.$queryRaw<NoticeRow[]>`
    ${NOTICE_SELECT}
    WHERE h."id" > ${floor} AND (h."id" > ${afterId} OR h."createdAt" > now() - interval '1 minute')
    ${projectId === undefined ? Prisma.empty : Prisma.sql`AND h."projectId" = ${projectId}`}
    ORDER BY h."id"
    LIMIT ${limit}`;
  return rows.map(toNotice);
}

export async function lastChangeId(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ id: number | null }[]>`SELECT max("id") AS "id" FROM "History"`;
  return row?.id ?? 0;
}
