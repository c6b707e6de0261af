// Overview figures, all derived from the live rows and the suggested sentences stored with each
// text: claims per kind, links per relation, which sources contradict which, and what is left to review.
import "server-only";
import type { Db } from "./db";
import { fillSuggestedSpans } from "./suggested-spans";
import { CLAIM_KINDS, LINK_RELATIONS, displayTitle, type ClaimKind, type LinkRelation } from "../types";

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
  sources: SourceStats[];
  /** matrix[i][j]: links of the relation between claims of sources i and j (either direction). */
  contradictions: number[][];
  supports: number[][];
}

const zeroKinds = () => Object.fromEntries(CLAIM_KINDS.map((k) => [k, 0])) as Record<ClaimKind, number>;

/** Words of unscanned text (stored before suggested spans were, or changed behind the app's back)
 *  one overview load scans, about 100 ms of suggestClaims: the rest wait for the next loads. */
export const SCAN_WORDS_PER_LOAD = 15_000;

/**
 * One project's figures, computed by PostgreSQL (GROUP BY over live claims, links and stored
 * suggested spans), so the page reads one row per source × kind and per source pair, never every
 * claim; the scans are index-only ("Claim_live_source_idx", "Claim_live_id_idx"), O(claims + links
 * + suggested sentences) in the database. Texts without current spans are scanned first, at most
 * SCAN_WORDS_PER_LOAD words (at least one text) a load; the others say they are not scanned yet.
 */
export async function overview(db: Db, projectId: string): Promise<Overview> {
  const sources = await db.source.findMany({
    where: { projectId }, select: { id: true, title: true, suggestedTitle: true, contentHash: true, suggestionsHash: true, wordCount: true }, orderBy: [{ seedKey: "asc" }, { createdAt: "asc" }],
  });
  const filled = await fillSuggestedSpans(db, firstUnscanned(sources));
  const [claimCounts, linkCounts, suggestionCounts] = await Promise.all([
    db.$queryRaw<{ sourceId: string; kind: ClaimKind; n: number; orphaned: number }[]>`
      SELECT c."sourceId", c.kind, count(*)::int AS n, (count(*) FILTER (WHERE c.orphaned))::int AS orphaned
      FROM "Claim" c JOIN "Source" s ON s.id = c."sourceId"
      WHERE c."deletedAt" IS NULL AND s."projectId" = ${projectId} GROUP BY c."sourceId", c.kind`,
    // Links join two claims of one project (the write side refuses others), so the "from" end's
    // source decides; the "to" end's is checked too, so a stray link cannot break the matrices.
    db.$queryRaw<{ relation: LinkRelation; a: string; b: string; n: number }[]>`
      SELECT l.relation, f."sourceId" AS a, t."sourceId" AS b, count(*)::int AS n
      FROM "ClaimLink" l JOIN "Claim" f ON f.id = l."fromId" JOIN "Claim" t ON t.id = l."toId"
      JOIN "Source" fs ON fs.id = f."sourceId" JOIN "Source" ts ON ts.id = t."sourceId"
      WHERE l."deletedAt" IS NULL AND f."deletedAt" IS NULL AND t."deletedAt" IS NULL AND fs."projectId" = ${projectId} AND ts."projectId" = ${projectId}
      GROUP BY l.relation, f."sourceId", t."sourceId"`,
    suggestedSentences(db, projectId),
  ]);
  const index = new Map(sources.map((s, i) => [s.id, i]));
  const byKind = zeroKinds();
  const byRelation = Object.fromEntries(LINK_RELATIONS.map((r) => [r, 0])) as Record<LinkRelation, number>;
  const perSource: SourceStats[] = sources.map((s) => ({
    id: s.id, title: displayTitle(s), byKind: zeroKinds(), claims: 0, links: 0, orphaned: 0, unreviewedSuggestions: 0, suggestions: 0,
    scanned: s.suggestionsHash === s.contentHash || filled.has(s.id),
  }));
  for (const c of claimCounts) {
    byKind[c.kind] += c.n;
    const stats = perSource[index.get(c.sourceId)!];
    stats.byKind[c.kind] += c.n;
    stats.claims += c.n;
    stats.orphaned += c.orphaned;
  }
  const n = sources.length;
  const contradictions = Array.from({ length: n }, () => Array(n).fill(0));
  const supports = Array.from({ length: n }, () => Array(n).fill(0));
  for (const l of linkCounts) {
    byRelation[l.relation] += l.n;
    const a = index.get(l.a)!;
    const b = index.get(l.b)!;
    perSource[a].links += l.n;
    if (b !== a) perSource[b].links += l.n;
    const matrix = l.relation === "CONTRADICTS" ? contradictions : l.relation === "SUPPORTS" ? supports : null;
    if (matrix) {
      matrix[a][b] += l.n;
      if (a !== b) matrix[b][a] += l.n;
    }
  }
  for (const g of suggestionCounts) {
    const stats = perSource[index.get(g.sourceId)!]!;
    stats.suggestions = g.suggestions;
    stats.unreviewedSuggestions = g.unreviewed;
  }
  return { byKind, byRelation, sources: perSource, contradictions, supports };
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
 * Per source with current spans: its suggested sentences, and those no live claim overlaps. The
 * live claims of each source are merged into one multirange (range_agg, O(claims) over the
 * covering index) and each sentence is tested against it (a binary search), O(claims + sentences)
 * whatever the number of claims per source; a per-sentence probe of the claims index cannot bound
 * the claims that start before the sentence, so it reads half a source's claims per sentence.
 * Claims with an empty span (never written by the app) cover nothing.
 */
function suggestedSentences(db: Db, projectId: string) {
  return db.$queryRaw<{ sourceId: string; suggestions: number; unreviewed: number }[]>`
      WITH covered AS (
        SELECT c."sourceId", range_agg(int4range(c.start, c."end")) AS spans
        FROM "Claim" c JOIN "Source" s ON s.id = c."sourceId"
        WHERE c."deletedAt" IS NULL AND c.start < c."end" AND s."projectId" = ${projectId} AND s."suggestionsHash" = s."contentHash"
        GROUP BY c."sourceId"
      )
      SELECT g."sourceId", count(*)::int AS suggestions,
        (count(*) FILTER (WHERE cv.spans IS NULL OR NOT cv.spans && int4range(g.start, g."end")))::int AS unreviewed
      FROM "SuggestedSpan" g JOIN "Source" s ON s.id = g."sourceId" LEFT JOIN covered cv ON cv."sourceId" = g."sourceId"
      WHERE s."projectId" = ${projectId} AND s."suggestionsHash" = s."contentHash"
      GROUP BY g."sourceId"`;
}
