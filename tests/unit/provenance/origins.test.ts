import { describe, expect, it } from "vitest";
import { independentOrigins, originChains, originGraph, provenanceSummary, wouldCreateCycle, type RestsOnEdge } from "@/lib/provenance/origins";
import { corpusSource, spanOf } from "../../helpers/provenance-corpus";

// The size of the January 2022 deployment to Kazakhstan, as four of the corpus articles tell it.
// Each claim is named by its words; ids are the words' place in their source.
function claim(file: string, words: string) {
  const { start } = spanOf(corpusSource(file).body, words);
  return { id: `${file}@${start}`, sourceId: file };
}
const caravanserai = claim("001", "a CSTO mission of more than 2,000 troops was deployed");
const counterpunch = claim("003", "2,500 of its troops entered Kazakhstan");
const csc = claim("004", "a force of under 4000 personnel");
const goodIntentions = claim("000", "Russian troops have left Kazakhstan");
const claims = [caravanserai, counterpunch, csc, goodIntentions];
// An outside reference: the wire report the figures came from.
const wire = { kind: "reference" as const, id: "ref-tass-2022-01-06" };

// Caravanserai cites the wire; CounterPunch repeats Caravanserai; CSC cites the wire itself;
// the fourth article rests on nothing it names.
const edges: RestsOnEdge[] = [
  { from: caravanserai.id, to: wire },
  { from: counterpunch.id, to: { kind: "claim", id: caravanserai.id } },
  { from: csc.id, to: wire },
];

describe("origin chains", () => {
  const graph = originGraph(claims, edges);

  it("follows a claim through the claims it cites to the earliest known origin", () => {
    expect(originChains(graph, counterpunch.id)).toEqual([[{ kind: "claim", id: counterpunch.id }, { kind: "claim", id: caravanserai.id }, wire]]);
  });

  it("makes a claim citing nothing its own origin", () => {
    expect(originChains(graph, goodIntentions.id)).toEqual([[{ kind: "claim", id: goodIntentions.id }]]);
  });

  it("counts three sources resting on one origin and one independent source as two origins", () => {
    const ids = claims.map((c) => c.id);
    expect(independentOrigins(graph, ids)).toEqual([wire, { kind: "claim", id: goodIntentions.id }]);
    expect(provenanceSummary(graph, ids)).toEqual({ claims: 4, sources: 4, origins: 2, sentence: "4 claims in 4 sources resting on 2 independent origins" });
  });

  it("counts claims resting on the same source once, and speaks in the singular", () => {
    const source = { kind: "source" as const, id: "001" };
    const g = originGraph([counterpunch, csc], [{ from: counterpunch.id, to: source }, { from: csc.id, to: source }]);
    expect(provenanceSummary(g, [counterpunch.id, csc.id]).sentence).toBe("2 claims in 2 sources resting on 1 independent origin");
    expect(provenanceSummary(g, [csc.id]).sentence).toBe("1 claim in 1 source resting on 1 independent origin");
  });

  it("ends a chain where stored data loops back instead of walking forever", () => {
    const loop = originGraph(claims, [{ from: caravanserai.id, to: { kind: "claim", id: counterpunch.id } }, { from: counterpunch.id, to: { kind: "claim", id: caravanserai.id } }]);
    expect(originChains(loop, caravanserai.id)).toEqual([[{ kind: "claim", id: caravanserai.id }, { kind: "claim", id: counterpunch.id }]]);
  });
});

describe("refusing cycles when a claim is made to rest on another", () => {
  it("refuses A rests on B when B already rests on A, directly or through a chain", () => {
    expect(wouldCreateCycle(edges, caravanserai.id, { kind: "claim", id: counterpunch.id })).toBe(true);
    const chain = [...edges, { from: goodIntentions.id, to: { kind: "claim" as const, id: counterpunch.id } }];
    expect(wouldCreateCycle(chain, caravanserai.id, { kind: "claim", id: goodIntentions.id })).toBe(true);
  });

  it("refuses a claim resting on itself", () => {
    expect(wouldCreateCycle([], csc.id, { kind: "claim", id: csc.id })).toBe(true);
  });

  it("allows resting on a claim outside the chain, a source or a reference", () => {
    expect(wouldCreateCycle(edges, goodIntentions.id, { kind: "claim", id: counterpunch.id })).toBe(false);
    expect(wouldCreateCycle(edges, caravanserai.id, { kind: "source", id: "003" })).toBe(false);
    expect(wouldCreateCycle(edges, caravanserai.id, wire)).toBe(false);
  });
});
