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

export async function overview(db: Db): Promise<Overview> {
  const [sources, claims, links] = await Promise.all([
    db.source.findMany({ select: { id: true, title: true, suggestedTitle: true, body: true, sections: true }, orderBy: [{ seedKey: "asc" }, { createdAt: "asc" }] }),
    db.claim.findMany({ where: { deletedAt: null }, select: { id: true, sourceId: true, kind: true, start: true, end: true, orphaned: true } }),
    db.claimLink.findMany({
      where: { deletedAt: null, from: { deletedAt: null }, to: { deletedAt: null } },
      select: { relation: true, from: { select: { sourceId: true } }, to: { select: { sourceId: true } } },
    }),
  ]);
  const index = new Map(sources.map((s, i) => [s.id, i]));
  const byKind = zeroKinds();
  const byRelation = Object.fromEntries(LINK_RELATIONS.map((r) => [r, 0])) as Record<LinkRelation, number>;
  const perSource: SourceStats[] = sources.map((s) => ({
    id: s.id, title: displayTitle(s), byKind: zeroKinds(), claims: 0, links: 0, orphaned: 0, unreviewedSuggestions: 0, suggestions: 0,
  }));
  const claimsBySource = new Map<string, { start: number; end: number }[]>();
  for (const c of claims) {
    byKind[c.kind]++;
    const stats = perSource[index.get(c.sourceId)!];
    stats.byKind[c.kind]++;
    stats.claims++;
    if (c.orphaned) stats.orphaned++;
    if (!claimsBySource.has(c.sourceId)) claimsBySource.set(c.sourceId, []);
    claimsBySource.get(c.sourceId)!.push(c);
  }
  const n = sources.length;
  const contradictions = Array.from({ length: n }, () => Array(n).fill(0));
  const supports = Array.from({ length: n }, () => Array(n).fill(0));
  for (const l of links) {
    byRelation[l.relation]++;
    const a = index.get(l.from.sourceId)!;
    const b = index.get(l.to.sourceId)!;
    perSource[a].links++;
    if (b !== a) perSource[b].links++;
    const matrix = l.relation === "CONTRADICTS" ? contradictions : l.relation === "SUPPORTS" ? supports : null;
    if (matrix) {
      matrix[a][b]++;
      if (a !== b) matrix[b][a]++;
    }
  }
  sources.forEach((s, i) => {
    const sections = s.sections as unknown as SourceSection[];
    const suggestions = suggestClaims(s.body, { excludeRanges: sections });
    const marked = claimsBySource.get(s.id) ?? [];
    perSource[i].suggestions = suggestions.length;
    perSource[i].unreviewedSuggestions = suggestions.filter((g) => !marked.some((c) => c.start < g.end && g.start < c.end)).length;
  });
  return { byKind, byRelation, sources: perSource, contradictions, supports };
}
