import { describe, expect, it } from "vitest";
import { conflictingQuantities, contradictionOfPair, figuresOf, formatQuantity, pairKey, significantWords, suggestContradictions, type ComparableClaim, type ContradictionSuggestion } from "@/lib/suggestions/contradictions";
import { extractQuantities } from "@/lib/quantities/scan";

const KAZAKHSTAN = [
  { id: "caravanserai", sourceId: "s1", quote: "Led by Russia, a CSTO mission of more than 2,000 troops was deployed" },
  { id: "counterpunch", sourceId: "s3", quote: "created headlines in January 2022 after 2,500 of its troops entered Kazakhstan" },
  { id: "essay", sourceId: "s0", quote: "Russia took the lead in providing assistance, sending the largest number of servicemen, about 3,000 paratroopers" },
  { id: "eurasia", sourceId: "s4", quote: "motivated intervention through a force of under 4000 personnel" },
];

describe("contradiction suggestions", () => {
  it("formats figures as a reader says them", () => {
    expect(extractQuantities("more than 2,000 troops and under 4000 personnel").map(formatQuantity)).toEqual(["more than 2,000 troops", "less than 4,000 personnel"]);
  });

  it("finds the one Kazakhstan pair whose figures cannot both be true", () => {
    const suggestions = suggestContradictions(KAZAKHSTAN);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ fromId: "counterpunch", toId: "essay", key: pairKey("essay", "counterpunch"), conflicts: [{ a: "2,500 troops", b: "about 3,000 paratroopers" }] });
  });

  it("leaves out pairs already linked, in either direction", () => {
    expect(suggestContradictions(KAZAKHSTAN, [{ fromId: "essay", toId: "counterpunch" }])).toEqual([]);
  });

  it("does not compare claims of the same source", () => {
    expect(suggestContradictions(KAZAKHSTAN.map((c) => ({ ...c, sourceId: "one" })))).toEqual([]);
  });

  it("ignores figures without a unit or in different unit families", () => {
    expect(conflictingQuantities("it has 5 members", "it has 12 members and 6 aircraft")).toEqual([{ a: "5 members", b: "12 members" }]);
    expect(conflictingQuantities("in 12 cases", "5")).toEqual([]);
    expect(conflictingQuantities("2,000 troops", "40 percent")).toEqual([]);
  });

  it("flags different dates only when the claims share words about the same event", () => {
    const same = [
      { id: "a", sourceId: "x", quote: "The CSTO summit in Yerevan was held in November 2022" },
      { id: "b", sourceId: "y", quote: "The CSTO summit in Yerevan took place in December 2022" },
    ];
    expect(suggestContradictions(same)[0].conflicts).toEqual([{ a: "November 2022", b: "December 2022" }]);
    const unrelated = [same[0], { id: "c", sourceId: "y", quote: "Protests began in January 2022" }];
    expect(suggestContradictions(unrelated)).toEqual([]);
  });

  it("keeps only significant words", () => {
    expect([...significantWords("The troops were sent to Kazakhstan's cities")]).toEqual(["troops", "sent", "kazakhstan", "cities"]);
  });

  it("finds, comparing only pairs that share a bucket, exactly what comparing every pair finds", () => {
    // A few hundred claims over four sources, on a few subjects, with figures of several units
    // (parts and wholes, bare numbers, percent, money) and dates of every precision.
    let seed = 7;
    const pick = <T,>(xs: readonly T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return xs[(seed >>> 12) % xs.length]!; // the low bits of this generator repeat too soon
    };
    const subjects = ["The CSTO mission in Almaty", "The Yerevan summit of the alliance", "The airlift to Kazakhstan", "Russian peacekeepers near the airport"];
    const figures = ["more than 2,000 troops", "about 3,000 paratroopers", "2,500 of its troops", "under 4000 personnel", "12 aircraft", "70 aircraft",
      "40 percent", "15 percent", "5 members", "$3 million", "12", "", "6 days", "a four-day clash"];
    const dates = ["in 2002", "in 2003", "in May 2002", "in January 2022", "on 14 May 2002", "on 6 January 2022", "on 7 January 2022", "", "", "in 2022 and 2003"];
    const claims: ComparableClaim[] = Array.from({ length: 240 }, (_, i) => ({
      id: `c${String(i).padStart(3, "0")}`,
      sourceId: `s${i % 4}`,
      quote: `${pick(subjects)} had ${pick(figures)} ${pick(dates)}, and ${pick(figures)} were sent ${pick(dates)}`.replace(/\s+/g, " "),
    }));
    const linkedPairs = [{ fromId: "c001", toId: "c002" }, { fromId: "c010", toId: "c007" }];
    const linked = new Set(linkedPairs.map((l) => pairKey(l.fromId, l.toId)));
    const read = claims.map((c) => figuresOf(c.quote));
    const everyPair: ContradictionSuggestion[] = [];
    for (let i = 0; i < claims.length; i++) {
      for (let j = i + 1; j < claims.length; j++) {
        if (claims[i]!.sourceId === claims[j]!.sourceId || linked.has(pairKey(claims[i]!.id, claims[j]!.id))) continue;
        const found = contradictionOfPair(claims[i]!, claims[j]!, read[i], read[j]);
        if (found) everyPair.push(found);
      }
    }
    everyPair.sort((x, y) => y.score - x.score || x.key.localeCompare(y.key));
    // The set is worth comparing on: it holds conflicts of figures and of dates.
    expect(everyPair.length).toBeGreaterThan(100);
    expect(everyPair.some((s) => s.conflicts.some((c) => /troops|paratroopers|personnel/.test(c.a)))).toBe(true);
    expect(everyPair.some((s) => s.conflicts.some((c) => /May 2002|2003|January 2022/.test(c.a)))).toBe(true);
    expect(suggestContradictions(claims, linkedPairs)).toEqual(everyPair);
  });
});
