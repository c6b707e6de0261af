import { describe, expect, it } from "vitest";
import { cellLabel, matrixMax, pairHref, pairMatrix, sourceTag } from "@/lib/overview/source-matrix";
import type { SourcePairMatrix } from "@/lib/types";

const sources = [
  { id: "a", title: "Alpha" },
  { id: "b", title: "Beta" },
  { id: "c", title: "Gamma" },
];
const contradictions = [
  [0, 2, 0],
  [2, 1, 0],
  [0, 0, 0],
];
const supports = [
  [0, 0, 1],
  [0, 0, 0],
  [1, 0, 0],
];

describe("source pair matrices", () => {
  const numbered = sources.map((s, i) => ({ ...s, number: i + 1 }));
  const totals = { ofSources: 3, linkedSources: 2 };
  const pairsOf = (matrix: number[][]) => matrix.flatMap((row, i) => row.flatMap((n, j) => (j >= i && n > 0 ? [{ a: sources[i]!.id, b: sources[j]!.id, n }] : [])));
  const sourcePairMatrices = (): [SourcePairMatrix, SourcePairMatrix] => [pairMatrix("CONTRADICTS", numbered, pairsOf(contradictions), totals), pairMatrix("SUPPORTS", numbered, pairsOf(supports), totals)];

  it("fills a symmetric matrix from the pair counts, kept sources in the list's order", () => {
    const [c, s] = sourcePairMatrices();
    expect(c).toEqual({ relation: "CONTRADICTS", sources: numbered, counts: contradictions, ...totals });
    expect(s).toEqual({ relation: "SUPPORTS", sources: numbered, counts: supports, ...totals });
    expect(matrixMax(c)).toBe(2);
    expect(matrixMax(s)).toBe(1);
    // Both directions of one pair add up; pairs with a source not kept are not drawn.
    const reversed = pairMatrix("CONTRADICTS", [numbered[1]!, numbered[0]!], [{ a: "a", b: "b", n: 2 }, { a: "b", b: "a", n: 1 }, { a: "a", b: "c", n: 5 }], totals);
    expect(reversed.sources.map((x) => x.id)).toEqual(["a", "b"]);
    expect(reversed.counts).toEqual([[0, 3], [3, 0]]);
  });

  it("labels a cell in words, within one source on the diagonal", () => {
    const [c, s] = sourcePairMatrices();
    expect(cellLabel(c, 0, 1)).toBe("Alpha and Beta: 2 contradictions");
    expect(cellLabel(c, 1, 1)).toBe("Within Beta: 1 contradiction");
    expect(cellLabel(s, 2, 0)).toBe("Gamma and Alpha: 1 support link");
    expect(cellLabel(s, 1, 2)).toBe("Beta and Gamma: 0 support links");
  });

  it("leads a cell to Compare for two sources and to the source's linked claims on the diagonal", () => {
    expect(pairHref(sources, 0, 2)).toBe("/compare?ids=a,c");
    expect(pairHref(sources, 1, 1)).toBe("/claims?sourceId=b&linked=linked");
    expect(sourceTag({ number: 7 })).toBe("S7");
  });

  it("has a zero maximum when nothing is linked", () => {
    const c = pairMatrix("CONTRADICTS", [], [], { ofSources: 0, linkedSources: 0 });
    expect(matrixMax(c)).toBe(0);
  });
});
