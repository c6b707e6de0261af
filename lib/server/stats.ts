// Overview figures, all derived from the live rows (nothing stored): claims per kind, links per
// relation, which sources contradict which, and what is left to review.
import "server-only";
import type { Db } from "./db";
import { suggestClaims } from "../suggestions/sentences";
import { CLAIM_KINDS, LINK_RELATIONS, displayTitle, type ClaimKind, type LinkRelation, type SourceSection } from "../types";

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

/**
 * One project's figures. Counts and matrices are computed by PostgreSQL (GROUP BY over live claims and links), so the
 * page reads one row per source × kind and per source pair, never every claim. What grows with
 * the number of sources: the suggestion scan of each text not scanned before (suggestedSpans) and
 * one index probe per suggested sentence to see whether a claim covers it.
 */
export async function overview(db: Db, projectId: string): Promise<Overview> {
  const [sources, claimCounts, linkCounts] = await Promise.all([
    db.source.findMany({ where: { projectId }, select: { id: true, title: true, suggestedTitle: true, contentHash: true }, orderBy: [{ seedKey: "asc" }, { createdAt: "asc" }] }),
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
  ]);
  const index = new Map(sources.map((s, i) => [s.id, i]));
  const byKind = zeroKinds();
  const byRelation = Object.fromEntries(LINK_RELATIONS.map((r) => [r, 0])) as Record<LinkRelation, number>;
  const perSource: SourceStats[] = sources.map((s) => ({
    id: s.id, title: displayTitle(s), byKind: zeroKinds(), claims: 0, links: 0, orphaned: 0, unreviewedSuggestions: 0, suggestions: 0,
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
  // Suggested sentences, and which of them a live claim overlaps (one index probe each).
  const spans = await suggestedSpans(db, sources);
  const suggested = { source: [] as string[], start: [] as number[], end: [] as number[], at: [] as number[] };
  sources.forEach((s, i) => {
    const suggestions = spans.get(s.id) ?? [];
    perSource[i].suggestions = suggestions.length;
    perSource[i].unreviewedSuggestions = suggestions.length;
    for (const g of suggestions) {
      suggested.source.push(s.id);
      suggested.start.push(g.start);
      suggested.end.push(g.end);
      suggested.at.push(i);
    }
  });
  if (suggested.source.length) {
    const covered = await db.$queryRaw<{ i: bigint }[]>`
      SELECT g.i FROM unnest(${suggested.source}::text[], ${suggested.start}::int[], ${suggested.end}::int[]) WITH ORDINALITY AS g(src, s, e, i)
      WHERE EXISTS (SELECT 1 FROM "Claim" c WHERE c."sourceId" = g.src AND c."deletedAt" IS NULL AND c.start < g.e AND c."end" > g.s)`;
    for (const row of covered) perSource[suggested.at[Number(row.i) - 1]!]!.unreviewedSuggestions--;
  }
  return { byKind, byRelation, sources: perSource, contradictions, supports };
}

// The sentences suggestClaims finds in a text depend on the text alone, so they are kept per
// source and content hash: the overview reads and scans only texts it has not seen (all of them
// once per process, then those corrected since). Spans only, a few numbers a sentence.
const MAX_REMEMBERED = 5_000;
const rememberedSpans = new Map<string, { contentHash: string; spans: { start: number; end: number }[] }>();

async function suggestedSpans(db: Db, sources: { id: string; contentHash: string }[]): Promise<Map<string, { start: number; end: number }[]>> {
  const unseen = sources.filter((s) => rememberedSpans.get(s.id)?.contentHash !== s.contentHash).map((s) => s.id);
  // 50 texts a query: a thousand sources' bodies are never held at once.
  for (let at = 0; at < unseen.length; at += 50) {
    const texts = await db.source.findMany({ where: { id: { in: unseen.slice(at, at + 50) } }, select: { id: true, body: true, sections: true, contentHash: true } });
    for (const t of texts) {
      const spans = suggestClaims(t.body, { excludeRanges: t.sections as unknown as SourceSection[] }).map(({ start, end }) => ({ start, end }));
      rememberedSpans.delete(t.id);
      rememberedSpans.set(t.id, { contentHash: t.contentHash, spans });
      if (rememberedSpans.size > MAX_REMEMBERED) rememberedSpans.delete(rememberedSpans.keys().next().value!);
    }
  }
  return new Map(sources.map((s) => [s.id, rememberedSpans.get(s.id)?.spans ?? []]));
}
