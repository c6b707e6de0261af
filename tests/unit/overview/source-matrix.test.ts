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
    expect(c).toEqual({ relation: "CONTRADICTS", sources, counts: contradictions });
    expect(s).toEqual({ relation: "SUPPORTS", sources, counts: supports });
    expect(matrixMax(c)).toBe(2);
    expect(matrixMax(s)).toBe(1);
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
