// The overview's source × source heat maps, shaped from the pair counts PostgreSQL gives for the
// sources it ranked (lib/server/stats.ts sourcePairMatrices). Cost: kept sources², nothing per claim.
import type { NumberedSource, OverviewSource, SourcePairMatrix } from "../types";

/** Sources a heat map draws at most: 10 × 10 cells fit the picture's 600 px and stay readable,
 *  where a thousand sources would be a million cells (a cell is about 0.7 kB of HTML, its label
 *  names both sources). The caption says how many are left out. */
export const MAX_MATRIX_SOURCES = 10;

/** One relation's matrix over the kept sources (drawn in the source list's order) from its pair
 *  counts (either direction, each pair once or twice: both are summed into one symmetric cell). */
export function pairMatrix(
  relation: SourcePairMatrix["relation"], kept: NumberedSource[], pairs: { a: string; b: string; n: number }[], totals: { ofSources: number; linkedSources: number },
): SourcePairMatrix {
  const sources = [...kept].sort((x, y) => x.number - y.number);
  const index = new Map(sources.map((s, i) => [s.id, i]));
  const counts = sources.map(() => sources.map(() => 0));
  for (const { a, b, n } of pairs) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) continue;
    counts[i]![j]! += n;
    if (i !== j) counts[j]![i]! += n;
  }
  return { relation, sources, counts, ...totals };
}

/** "S3": how the pictures name a source (the legends spell out the titles). */
export const sourceTag = (source: { number: number }) => `S${source.number}`;

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
