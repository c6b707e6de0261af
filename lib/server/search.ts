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
export const CLAIM_SEARCH_VECTOR = Prisma.sql`m."searchVector"`;
const sourceVector = Prisma.sql`to_tsvector('english', coalesce(ms."title", '') || ' ' || coalesce(ms."suggestedTitle", '') || ' ' || coalesce(ms."author", '') || ' ' || coalesce(ms."publisher", ''))`;

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

/** The claims list's search reads at most this many matches (plus one, to know there are more):
 *  past it the list says "more than 1,000" rather than count every match, since counting reads
 *  every match (a phrase is re-checked against each matching claim's stored vector). */
export const SEARCH_CAP = 1_000;

export interface TextMatchOptions {
  /** Only the first `cap` + 1 matches in `orderBy`'s order; without it, every match (exports). */
  cap?: number;
  /** ORDER BY over the match `m` (id, sourceId, start, end, createdAt) and its source `ms`
   *  (lib/server/export-query.ts). Each lookup carries the claim's sort columns, so ordering the
   *  matches needs no second read of their claims. */
  orderBy?: Prisma.Sql;
  /** With `cap`, for orders that list claims source by source: ORDER BY over the source `ms` alone,
   *  the sources in `orderBy`'s order. It only lets the planner walk the sources in that order and
   *  stop at the cap (see fullTextClaimIds); the matches are still sorted by `orderBy`. */
  sourceOrder?: Prisma.Sql;
}

/** The project's sources (those whose title / author / publisher match, through
 *  "Source_search_idx", with `titleMatching`) with the columns the orders sort on; in
 *  `sourceOrder` when given, so that joined to their claims the planner may walk them in the
 *  list's order and stop at the cap. */
function projectSources(projectId: string, sourceOrder?: Prisma.Sql, titleMatching?: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT ms.id, ms."seedKey", ms."createdAt", ms."title", ms."suggestedTitle" FROM "Source" ms
    WHERE ms."projectId" = ${projectId} ${titleMatching ? Prisma.sql`AND ${sourceVector} @@ ${titleMatching}` : Prisma.empty}
    ${sourceOrder ? Prisma.sql`ORDER BY ${sourceOrder}` : Prisma.empty})`;
}

/**
 * Ids of a project's live claims matching the search text: a UNION of lookups (one OR across the
 * joined tables would scan every claim), each a claim `m` with its source `ms`:
 * - words of the quote or note through "Claim_search_idx": O(matching claims), and a phrase is
 *   rechecked against each candidate's stored vector;
 * - every claim of a source whose title / author / publisher match (projectSources);
 * - claims of researchers named exactly the text, or of speakers whose name or alias match: both
 *   looked up first (a few people, read whole), and their lookups left out when nobody matches,
 *   so the planner never walks every claim looking for an author nobody has.
 * With a cap, each lookup keeps its own first `cap` + 1 in `orderBy`'s order (the first of the
 * union are among them), so a title word matching hundreds of sources reads the claims of the
 * first few in `sourceOrder`, O(cap) rather than O(their claims). Without one (exports), every match.
 */
export async function fullTextClaimIds(db: Db, projectId: string, q: string, options: TextMatchOptions = {}): Promise<string[]> {
  const text = q.trim();
  if (!text) return [];
  const query = searchQuery(text);
  const people = await db.$queryRaw<{ kind: "author" | "speaker"; id: string }[]>`
    SELECT 'author' AS kind, u.id FROM "User" u WHERE lower(u."name") = lower(${text})
    UNION ALL SELECT 'speaker', sp.id FROM "Speaker" sp WHERE ${speakerVector} @@ ${query}`;
  const authorIds = people.filter((p) => p.kind === "author").map((p) => p.id);
  const speakerIds = people.filter((p) => p.kind === "speaker").map((p) => p.id);
  const { cap } = options;
  const orderBy = options.orderBy ?? Prisma.sql`m.id`;
  const firstOnly = cap === undefined ? Prisma.empty : Prisma.sql`ORDER BY ${orderBy} LIMIT ${cap + 1}`;
  const columns = Prisma.sql`m.id, m."sourceId", m."start", m."end", m."createdAt"`;
  const sourceOrder = cap === undefined ? undefined : options.sourceOrder;
  // The claim `m` of a source `ms`: with the sources in order, the planner may read each one's
  // claims through "Claim_sourceId_start_idx" and stop at the cap (dense matches: O(cap) claims
  // read), or find the matches through an index and sort them (sparse ones: O(matches)).
  const claims = (titleMatching?: Prisma.Sql) => Prisma.sql`${projectSources(projectId, sourceOrder, titleMatching)} ms JOIN "Claim" m ON m."sourceId" = ms.id WHERE m."deletedAt" IS NULL`;
  const lookups = [
    Prisma.sql`SELECT ${columns} FROM ${claims()} AND ${CLAIM_SEARCH_VECTOR} @@ ${query} ${firstOnly}`,
    Prisma.sql`SELECT ${columns} FROM ${claims(query)} ${firstOnly}`,
    ...(authorIds.length ? [Prisma.sql`SELECT ${columns} FROM ${claims()} AND m."authorId" = ANY(${authorIds}) ${firstOnly}`] : []),
    ...(speakerIds.length ? [Prisma.sql`SELECT ${columns} FROM ${claims()} AND m."speakerId" = ANY(${speakerIds}) ${firstOnly}`] : []),
  ];
  const union = Prisma.join(lookups.map((l) => Prisma.sql`(${l})`), " UNION ");
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT m.id FROM (${union}) m ${cap === undefined ? Prisma.empty : Prisma.sql`JOIN "Source" ms ON ms.id = m."sourceId" ORDER BY ${orderBy} LIMIT ${cap + 1}`}`;
  return rows.map((r) => r.id);
}
