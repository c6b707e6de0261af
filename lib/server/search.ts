// Full-text claim search in PostgreSQL, used by the claims list and every export filter:
// words of the quote or note (GIN index "Claim_search_idx"), of the source's title / author /
// publisher ("Source_search_idx"), a speaker's name or alias, or a researcher's exact name. The tsvector expressions must stay identical to the migration's, or the
// indexes go unused.
import "server-only";
import type { Db } from "./db";
import { Prisma } from "../generated/prisma/client";
import { parseSearch, type SearchTerm } from "../search/terms";

// A stored generated column (migration 20261201180000_search_figures): quote and note with digit
// groups joined by the SQL twin of lib/search/terms.ts joinDigitGroups.
export const CLAIM_SEARCH_VECTOR = Prisma.sql`c."searchVector"`;
const sourceVector = Prisma.sql`to_tsvector('english', coalesce(s."title", '') || ' ' || coalesce(s."suggestedTitle", '') || ' ' || coalesce(s."author", '') || ' ' || coalesce(s."publisher", ''))`;

// A speaker by name or alias. Unindexed: it reads every speaker (far fewer than claims),
// then their claims through "Claim_speakerId_idx".
const speakerVector = Prisma.sql`to_tsvector('english', sp."name" || ' ' || array_to_string(sp."aliases", ' '))`;

function termQuery(term: SearchTerm): Prisma.Sql {
  switch (term.kind) {
    // Words are letters and digits only (lib/search/terms.ts), so safe inside to_tsquery syntax.
    case "word": return Prisma.sql`to_tsquery('english', ${`${term.text}:*`})`;
    case "phrase": return Prisma.sql`phraseto_tsquery('english', ${term.text})`;
    // Any of the ways to write the value, each a phrase ("three <-> thousand").
    case "figure": return Prisma.sql`(${Prisma.join(term.forms.map((f) => Prisma.sql`phraseto_tsquery('english', ${f})`), " || ")})`;
  }
}

/** Plain words match as prefixes (so typing "paratro" already finds "paratroopers"), figures
 *  in any writing (3000 = "3,000" = "3 000" = "three thousand"), a quoted phrase only those words
 *  in that order; a leading minus or "or" switch to web-search syntax. */
export function searchQuery(text: string): Prisma.Sql {
  const parsed = parseSearch(text);
  if (parsed.kind === "websearch") return Prisma.sql`websearch_to_tsquery('english', ${parsed.text})`;
  if (!parsed.terms.length) return Prisma.sql`websearch_to_tsquery('english', ${text})`;
  return Prisma.sql`(${Prisma.join(parsed.terms.map(termQuery), " && ")})`;
}

/** Ids of a project's live claims matching the search text; a UNION of four lookups, since
 *  one OR across the joined tables would scan every claim. The indexes find matches in every
 *  project; the join to the claim's source keeps this project's (a primary-key probe per match). */
export async function fullTextClaimIds(db: Db, projectId: string, q: string): Promise<string[]> {
  const text = q.trim();
  if (!text) return [];
  const query = searchQuery(text);
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT m.id FROM (
      SELECT c.id, c."sourceId" FROM "Claim" c WHERE c."deletedAt" IS NULL AND ${CLAIM_SEARCH_VECTOR} @@ ${query}
      UNION SELECT c.id, c."sourceId" FROM "Claim" c JOIN "Source" s ON s.id = c."sourceId" WHERE c."deletedAt" IS NULL AND s."projectId" = ${projectId} AND ${sourceVector} @@ ${query}
      UNION SELECT c.id, c."sourceId" FROM "Claim" c JOIN "User" u ON u.id = c."authorId" WHERE c."deletedAt" IS NULL AND lower(u."name") = lower(${text})
      UNION SELECT c.id, c."sourceId" FROM "Claim" c JOIN "Speaker" sp ON sp.id = c."speakerId" WHERE c."deletedAt" IS NULL AND ${speakerVector} @@ ${query}
    ) m JOIN "Source" ms ON ms.id = m."sourceId" WHERE ms."projectId" = ${projectId}`;
  return rows.map((r) => r.id);
}
