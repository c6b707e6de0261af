// Claim search in PostgreSQL: full-text over quote + note (GIN index "Claim_search_idx"),
// over source title / author / publisher ("Source_search_idx"), and exact researcher names.
// The tsvector expressions must stay identical to the migration's, or the indexes go unused.
import type { Db } from "./db";
import { Prisma } from "./generated/prisma/client";
import type { ClaimKind } from "./types";

export const SEARCH_SORTS = ["relevance", "position", "date", "source"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface ClaimSearch {
  q?: string;
  kind?: ClaimKind;
  sourceId?: string;
  researcher?: string;
  status?: "linked" | "unlinked" | "orphaned";
  sort?: SearchSort;
  limit?: number;
}

export interface ClaimHit {
  id: string;
  sourceId: string;
  sourceTitle: string;
  kind: ClaimKind;
  quote: string;
  prefix: string;
  suffix: string;
  note: string;
  start: number;
  end: number;
  orphaned: boolean;
  authorName: string;
  createdAt: Date;
  linkCount: number;
}

const claimVector = Prisma.sql`to_tsvector('english', c."quote" || ' ' || c."note")`;
const sourceVector = Prisma.sql`to_tsvector('english', coalesce(s."title", '') || ' ' || coalesce(s."suggestedTitle", '') || ' ' || coalesce(s."author", '') || ' ' || coalesce(s."publisher", ''))`;

export async function searchClaims(db: Db, search: ClaimSearch): Promise<ClaimHit[]> {
  const q = search.q?.trim() ?? "";
  const query = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  const filters: Prisma.Sql[] = [Prisma.sql`c."deletedAt" IS NULL`];
  if (q) {
    // A UNION of three index-backed lookups rather than one OR, which would scan every claim.
    filters.push(Prisma.sql`c.id IN (
      SELECT c.id FROM "Claim" c WHERE ${claimVector} @@ ${query}
      UNION SELECT c.id FROM "Claim" c JOIN "Source" s ON s.id = c."sourceId" WHERE ${sourceVector} @@ ${query}
      UNION SELECT c.id FROM "Claim" c JOIN "User" u ON u.id = c."authorId" WHERE lower(u."name") = lower(${q})
    )`);
  }
  if (search.kind) filters.push(Prisma.sql`c."kind" = ${search.kind}::"ClaimKind"`);
  if (search.sourceId) filters.push(Prisma.sql`c."sourceId" = ${search.sourceId}`);
  if (search.researcher) filters.push(Prisma.sql`lower(u."name") = lower(${search.researcher})`);
  const linked = Prisma.sql`EXISTS (SELECT 1 FROM "ClaimLink" l WHERE l."deletedAt" IS NULL AND (l."fromId" = c.id OR l."toId" = c.id))`;
  if (search.status === "linked") filters.push(linked);
  if (search.status === "unlinked") filters.push(Prisma.sql`NOT ${linked}`);
  if (search.status === "orphaned") filters.push(Prisma.sql`c."orphaned"`);

  const sort = search.sort ?? (q ? "relevance" : "position");
  const order = {
    relevance: q ? Prisma.sql`ts_rank(${claimVector}, ${query}) DESC, c."createdAt" DESC` : Prisma.sql`c."createdAt" DESC`,
    position: Prisma.sql`s."seedKey" NULLS LAST, s."createdAt", c."start", c."end"`,
    date: Prisma.sql`c."createdAt" DESC`,
    source: Prisma.sql`coalesce(s."title", s."suggestedTitle"), c."start"`,
  }[sort];
  const limit = Math.min(Math.max(search.limit ?? 200, 1), 1000);

  return db.$queryRaw<ClaimHit[]>`
    SELECT c.id, c."sourceId", coalesce(s."title", s."suggestedTitle", 'Untitled source') AS "sourceTitle",
           c."kind"::text AS kind, c."quote", c."prefix", c."suffix", c."note", c."start", c."end", c."orphaned",
           u."name" AS "authorName", c."createdAt",
           (SELECT count(*)::int FROM "ClaimLink" l WHERE l."deletedAt" IS NULL AND (l."fromId" = c.id OR l."toId" = c.id)) AS "linkCount"
    FROM "Claim" c
    JOIN "Source" s ON s.id = c."sourceId"
    JOIN "User" u ON u.id = c."authorId"
    WHERE ${Prisma.join(filters, " AND ")}
    ORDER BY ${order}
    LIMIT ${limit}`;
}
