import { describe, expect, it } from "vitest";
import { claimValues } from "@/lib/quantities/claim-values";
import { judgeConflicts, valueConflicts } from "@/lib/quantities/value-conflicts";
import { KZ } from "../../helpers/quantities-corpus";

describe("valueConflicts", () => {
  it("finds the one Kazakhstan pair that cannot both be true", () => {
    const claims = Object.entries(KZ).map(([id, quote]) => ({ id, values: claimValues({ quote }) }));
    expect(valueConflicts(claims)).toEqual([
      { aId: "essay", bId: "counterpunch", kind: "figure", a: "about 3,000 paratroopers", b: "2,500 troops" },
    ]);
  });

  it("compares dates only when both date the same event", () => {
    const founded = (id: string, quote: string, event: string | null) => ({ id, values: claimValues({ quote, clusterEvent: event }) });
    expect(valueConflicts([founded("a", "formed in 2002", "CSTO founded"), founded("b", "established in 2003", "csto founded")])).toEqual([
      { aId: "a", bId: "b", kind: "date", a: "2002", b: "2003" },
    ]);
    expect(valueConflicts([founded("a", "formed in 2002", "CSTO founded"), founded("b", "established in 2003", null)])).toEqual([]);
    expect(valueConflicts([founded("a", "on May 14, 2002", "x"), founded("b", "in 2002", "x")])).toEqual([]);
  });

  it("lets a SUPPORTS or REFINES link settle a conflict, not a CONTRADICTS link", () => {
    const c = { aId: "a", bId: "b", kind: "date" as const, a: "2002", b: "2003" };
    const refines = { fromId: "b", toId: "a", relation: "REFINES" as const, authorName: "Ann" };
    expect(judgeConflicts([c], [refines])).toEqual({ open: [], settled: [{ ...c, link: refines }] });
    expect(judgeConflicts([c], [{ ...refines, relation: "CONTRADICTS" }])).toEqual({ open: [c], settled: [] });
  });
});
