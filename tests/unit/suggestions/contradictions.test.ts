import { describe, expect, it } from "vitest";
import { conflictingQuantities, formatQuantity, pairKey, significantWords, suggestContradictions } from "@/lib/suggestions/contradictions";
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
});
