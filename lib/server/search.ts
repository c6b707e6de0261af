// Full-text claim search in PostgreSQL, used by the claims list and every export filter:
// words of the quote or note (GIN index "Claim_search_idx"), of the source's title / author /
// publisher ("Source_search_idx"), a speaker's name or alias, or a researcher's exact name. The tsvector expressions must stay identical to the migration's, or the
// indexes go unused.
import "server-only";
import type { Db } from "./db";
import { Prisma } from "../generated/prisma/client";

export const CLAIM_SEARCH_VECTOR = Prisma.sql`to_tsvector('english', c."quote" || ' ' || c."note")`;
const sourceVector = Prisma.sql`to_tsvector('english', coalesce(s."title", '') || ' ' || coalesce(s."suggestedTitle", '') || ' ' || coalesce(s."author", '') || ' ' || coalesce(s."publisher", ''))`;

// A speaker by name or alias. Unindexed: it reads every speaker (far fewer than claims),
// then their claims through "Claim_speakerId_idx".
const speakerVector = Prisma.sql`to_tsvector('english', sp."name" || ' ' || array_to_string(sp."aliases", ' '))`;

/** Plain words match as prefixes (so typing "paratro" already finds "paratroopers");
 *  quotes, a leading minus or "or" switch to web-search syntax for phrases and exclusions. */
export function searchQuery(text: string): Prisma.Sql {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (/["]|(^|\s)-\S|\sor\s/i.test(text) || words.length === 0) return Prisma.sql`websearch_to_tsquery('english', ${text})`;
  return Prisma.sql`to_tsquery('english', ${words.map((w) => `${w}:*`).join(" & ")})`;
}

/** Ids of live claims matching the search text; a UNION of four lookups, since
 *  one OR across the joined tables would scan every claim. */
export async function fullTextClaimIds(db: Db, q: string): Promise<string[]> {
  const text = q.trim();
  if (!text) return [];
  const query = searchQuery(text);
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "Claim" c WHERE c."deletedAt" IS NULL AND ${CLAIM_SEARCH_VECTOR} @@ ${query}
    UNION SELECT c.id FROM "Claim" c JOIN "Source" s ON s.id = c."sourceId" WHERE c."deletedAt" IS NULL AND ${sourceVector} @@ ${query}
    UNION SELECT c.id FROM "Claim" c JOIN "User" u ON u.id = c."authorId" WHERE c."deletedAt" IS NULL AND lower(u."name") = lower(${text})
    UNION SELECT c.id FROM "Claim" c JOIN "Speaker" sp ON sp.id = c."speakerId" WHERE c."deletedAt" IS NULL AND ${speakerVector} @@ ${query}`;
  return rows.map((r) => r.id);
}
