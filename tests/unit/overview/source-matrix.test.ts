import { describe, expect, it } from "vitest";
import { cellLabel, matrixMax, pairHref, sourcePairMatrices, sourceTag } from "@/lib/overview/source-matrix";

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
  it("gives one heat map per relation, contradicts first, with the overview's sources and counts", () => {
    const [c, s] = sourcePairMatrices({ sources: sources.map((x) => ({ ...x, claims: 3 })), contradictions, supports });
    expect(c).toEqual({ relation: "CONTRADICTS", sources, counts: contradictions, ofSources: 3 });
    expect(s).toEqual({ relation: "SUPPORTS", sources, counts: supports, ofSources: 3 });
    expect(matrixMax(c)).toBe(2);
    expect(matrixMax(s)).toBe(1);
  });

  it("cuts a large overview to the sources with the most links of each relation, in source order", () => {
    const [c, s] = sourcePairMatrices({ sources, contradictions, supports }, 2);
    // Contradicts: Alpha 2, Beta 3, Gamma 0 links; supports: Alpha 1, Beta 0, Gamma 1.
    expect(c).toEqual({ relation: "CONTRADICTS", sources: [sources[0], sources[1]], counts: [[0, 2], [2, 1]], ofSources: 3 });
    expect(s).toEqual({ relation: "SUPPORTS", sources: [sources[0], sources[2]], counts: [[0, 1], [1, 0]], ofSources: 3 });
    // A thousand sources draw 30 × 30 cells.
    const many = Array.from({ length: 1000 }, (_, i) => ({ id: `s${i}`, title: `Source ${i}` }));
    const zeros = many.map(() => many.map(() => 0));
    zeros[999]![500] = zeros[500]![999] = 4;
    const [big] = sourcePairMatrices({ sources: many, contradictions: zeros, supports: zeros });
    expect(big!.sources).toHaveLength(30);
    expect(big!.counts.every((row) => row.length === 30)).toBe(true);
    expect(big!.sources.map((x) => x.id)).toEqual(expect.arrayContaining(["s500", "s999"]));
    expect(big!.ofSources).toBe(1000);
  });

  it("labels a cell in words, within one source on the diagonal", () => {
    const [c, s] = sourcePairMatrices({ sources, contradictions, supports });
    expect(cellLabel(c, 0, 1)).toBe("Alpha and Beta: 2 contradictions");
    expect(cellLabel(c, 1, 1)).toBe("Within Beta: 1 contradiction");
    expect(cellLabel(s, 2, 0)).toBe("Gamma and Alpha: 1 support link");
    expect(cellLabel(s, 1, 2)).toBe("Beta and Gamma: 0 support links");
  });

  it("leads a cell to Compare for two sources and to the source's linked claims on the diagonal", () => {
    expect(pairHref(sources, 0, 2)).toBe("/compare?ids=a,c");
    expect(pairHref(sources, 1, 1)).toBe("/claims?sourceId=b&linked=linked");
    expect(sourceTag(0)).toBe("S1");
  });

  it("has a zero maximum when nothing is linked", () => {
    const [c] = sourcePairMatrices({ sources: [], contradictions: [], supports: [] });
    expect(matrixMax(c)).toBe(0);
  });
});
