// The overview's source × source heat maps, shaped from per-relation count matrices. The counts
// come from lib/server/stats.ts today; whichever query computes them, only sourcePairMatrices
// needs re-pointing. Cost: sources² cells, nothing per claim.
import type { OverviewSource, SourcePairMatrix } from "../types";

export interface SourcePairCounts {
  sources: OverviewSource[];
  /** [i][j]: CONTRADICTS links between claims of sources i and j, either direction. */
  contradictions: number[][];
  /** [i][j]: SUPPORTS links between claims of sources i and j, either direction. */
  supports: number[][];
}

/** Sources a heat map draws at most: 30 × 30 cells stay readable on a 1280 px screen, where a
 *  thousand sources would be a million cells. The table below the picture says which are shown. */
export const MAX_MATRIX_SOURCES = 30;

/**
 * Each relation's matrix, cut to the `max` sources with the most links of that relation (ties in
 * the overview's source order), kept in that order. Cost: sources² to sum and copy the counts.
 */
export function sourcePairMatrices(counts: SourcePairCounts, max = MAX_MATRIX_SOURCES): SourcePairMatrix[] {
  const all = counts.sources.map(({ id, title }) => ({ id, title }));
  const cut = (relation: SourcePairMatrix["relation"], matrix: number[][]): SourcePairMatrix => {
    if (all.length <= max) return { relation, sources: all, counts: matrix, ofSources: all.length };
    const linked = matrix.map((row) => row.reduce((sum, n) => sum + n, 0));
    const kept = all.map((_, i) => i).sort((a, b) => linked[b]! - linked[a]! || a - b).slice(0, max).sort((a, b) => a - b);
    return { relation, sources: kept.map((i) => all[i]!), counts: kept.map((i) => kept.map((j) => matrix[i]![j]!)), ofSources: all.length };
  };
  return [cut("CONTRADICTS", counts.contradictions), cut("SUPPORTS", counts.supports)];
}

/** "S3": how the pictures name the source at index i (the legend spells out the titles). */
export const sourceTag = (index: number) => `S${index + 1}`;

/** Where a cell leads, inside the project (projectPath puts /p/<slug> before it): two sources
 *  side by side in Compare, or one source's linked claims. */
export function pairHref(sources: OverviewSource[], row: number, col: number): string {
  const a = sources[row].id;
  const b = sources[col].id;
  return a === b ? `/claims?sourceId=${encodeURIComponent(a)}&linked=linked` : `/compare?ids=${encodeURIComponent(a)},${encodeURIComponent(b)}`;
}

const RELATION_NOUN: Record<SourcePairMatrix["relation"], [string, string]> = {
  CONTRADICTS: ["contradiction", "contradictions"],
  SUPPORTS: ["support link", "support links"],
};

/** What a cell says to a screen reader and in its tooltip. */
export function cellLabel(matrix: SourcePairMatrix, row: number, col: number): string {
  const n = matrix.counts[row][col];
  const [one, many] = RELATION_NOUN[matrix.relation];
  const what = `${n} ${n === 1 ? one : many}`;
  const a = matrix.sources[row].title;
  const b = matrix.sources[col].title;
  return row === col ? `Within ${a}: ${what}` : `${a} and ${b}: ${what}`;
}

export const matrixMax = (matrix: SourcePairMatrix) => Math.max(0, ...matrix.counts.flat());
