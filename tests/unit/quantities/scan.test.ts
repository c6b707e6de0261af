import { describe, expect, it } from "vitest";
import { compareQuantities } from "@/lib/quantities/compare";
import { extractDates, extractQuantities } from "@/lib/quantities/scan";
import { corpusFiles, read, sentenceWith, KZ, only, troopCount } from "../../helpers/quantities-corpus";

describe("extractQuantities on the Kazakhstan deployment sentences", () => {
  it("reads 'about 3,000 paratroopers' (000)", () => {
    expect(KZ.essay).toMatch(/^Naturally, Russia took the lead/);
    expect(troopCount(KZ.essay)).toMatchObject({
      value: 3000,
      qualifier: "about",
      unit: "paratroopers",
      raw: "about 3,000 paratroopers",
    });
  });

  it("reads 'more than 2,000 troops' (001)", () => {
    expect(troopCount(KZ.caravanserai)).toMatchObject({
      value: 2000,
      qualifier: "more than",
      unit: "troops",
      raw: "more than 2,000 troops",
    });
  });

  it("reads '2,500 of its troops' and keeps 'January 2022' out of the quantities (003)", () => {
    const qs = extractQuantities(KZ.counterpunch);
    expect(qs).toHaveLength(1);
    expect(qs[0]).toMatchObject({ value: 2500, qualifier: null, unit: "troops", raw: "2,500 of its troops" });
    expect(extractDates(KZ.counterpunch)).toEqual([
      { iso: "2022-01", raw: "January 2022", start: KZ.counterpunch.indexOf("January 2022"), end: KZ.counterpunch.indexOf("January 2022") + 12 },
    ]);
  });

  it("reads 'under 4000 personnel' as less than (004)", () => {
    expect(troopCount(KZ.eurasia)).toMatchObject({
      value: 4000,
      qualifier: "less than",
      unit: "personnel",
      raw: "under 4000 personnel",
    });
  });

  it("gives offsets that point at raw in the sentence", () => {
    for (const sentence of Object.values(KZ)) {
      for (const q of extractQuantities(sentence)) expect(sentence.slice(q.start, q.end)).toBe(q.raw);
    }
  });

  it("compares the four figures pairwise", () => {
    const about3000 = troopCount(KZ.essay);
    const over2000 = troopCount(KZ.caravanserai);
    const n2500 = troopCount(KZ.counterpunch);
    const under4000 = troopCount(KZ.eurasia);
    expect(compareQuantities(over2000, n2500)).toBe("consistent");
    expect(compareQuantities(about3000, under4000)).toBe("consistent");
    expect(compareQuantities(n2500, about3000)).toBe("conflicting");
    expect(compareQuantities(about3000, n2500)).toBe("conflicting");
    expect(compareQuantities(over2000, about3000)).toBe("consistent");
    expect(compareQuantities(n2500, under4000)).toBe("consistent");
    expect(compareQuantities(over2000, under4000)).toBe("consistent");
  });
});

describe("extractQuantities: other corpus figures", () => {
  it("reads 'six million refugees' despite the missing 'than' in 001", () => {
    const s = sentenceWith("001_368f92058b86ed85.txt", "six million refugees");
    const q = extractQuantities(s).find((x) => x.unit === "refugees");
    expect(q).toMatchObject({ value: 6_000_000, qualifier: "more than", raw: "more six million refugees" });
  });

  it("reads 'almost 10,000 people arrested' as just below 10,000 people", () => {
    const s = sentenceWith("001_368f92058b86ed85.txt", "10,000");
    expect(extractQuantities(s)).toEqual([
      expect.objectContaining({ value: 24, qualifier: "at least", unit: "dead", raw: "dozens dead" }),
      expect.objectContaining({ value: 10_000, qualifier: "almost", unit: "people", raw: "almost 10,000 people" }),
    ]);
  });

  it("reads 'dozens', 'hundreds' and 'hundreds of thousands' as at least two of them", () => {
    expect(extractQuantities("Armenia deployed dozens of its soldiers to Syria")).toEqual([
      expect.objectContaining({ value: 24, qualifier: "at least", unit: "soldiers", raw: "dozens of its soldiers" }),
    ]);
    expect(extractQuantities("hundreds of thousands of refugees")).toEqual([
      expect.objectContaining({ value: 200_000, qualifier: "at least", unit: "refugees" }),
    ]);
    expect(extractQuantities("several test ranges")).toEqual([]);
  });

  it("reads a currency amount with a scale word (002)", () => {
    const s = sentenceWith("002_98b48e446e185cb4.txt", "$500 million");
    expect(only(s)).toMatchObject({ value: 500_000_000, unit: "USD", raw: "$500 million" });
  });

  it("skips adjectives and hyphenated modifiers to find the counted noun", () => {
    expect(only("Sweden and Finland, two traditionally Nordic countries, are now taking steps")).toMatchObject({
      value: 2,
      unit: "countries",
    });
    expect(only("the alliance of six post-Soviet states: Armenia")).toMatchObject({ value: 6, unit: "states" });
    const [three, nine] = extractQuantities("three of the nine members—Azerbaijan, Georgia and Uzbekistan");
    expect(three).toMatchObject({ value: 3, unit: "members", raw: "three of the nine members" });
    expect(nine).toMatchObject({ value: 9, unit: "members", raw: "nine members" });
  });

  it("reads hyphenated number-unit compounds", () => {
    expect(only("following a deadly four-day clash")).toMatchObject({ value: 4, unit: "day", raw: "four-day" });
    expect(only("NATO’s two-decade campaign in Afghanistan")).toMatchObject({ value: 2, unit: "decade" });
  });

  it("keeps every quantity's offsets aligned with the corpus text", () => {
    for (const f of corpusFiles) {
      const text = read(f);
      const qs = extractQuantities(text);
      expect(qs.length).toBeGreaterThan(0);
      for (const q of qs) expect(text.slice(q.start, q.end)).toBe(q.raw);
      for (const d of extractDates(text)) expect(text.slice(d.start, d.end)).toBe(d.raw);
      const starts = qs.map((q) => q.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });
});

describe("extractQuantities: number forms", () => {
  it.each([
    ["1.5 million people", 1_500_000],
    ["2.3 million people", 2_300_000],
    ["six million people", 6_000_000],
    ["twenty-five people", 25],
    ["twenty five people", 25],
    ["two hundred and fifty people", 250],
    ["three thousand five hundred people", 3500],
    ["a dozen people", 12],
    ["a million people", 1_000_000],
    ["10,000 people", 10_000],
    ["1,234,567.5 people", 1_234_567.5],
    ["4000 people", 4000],
    ["15k people", 15_000],
    ["$1.2bn", 1_200_000_000],
  ])("%s → %d", (text, value) => {
    expect(only(text).value).toBe(value);
  });

  it.each([
    ["20%", "20%"],
    ["20 %", "20 %"],
    ["20 percent", "20 percent"],
    ["20 per cent", "20 per cent"],
  ])("reads %s as a percentage", (text, raw) => {
    expect(only(`Turnout fell by ${text} last year`)).toMatchObject({ value: 20, unit: "percent", raw });
  });

  it.each([
    ["more than 2,000 troops", "more than"],
    ["over 2,000 troops", "more than"],
    ["upwards of 2,000 troops", "more than"],
    ["above 2,000 troops", "more than"],
    ["in excess of 2,000 troops", "more than"],
    ["less than 2,000 troops", "less than"],
    ["fewer than 2,000 troops", "less than"],
    ["under 2,000 troops", "less than"],
    ["below 2,000 troops", "less than"],
    ["about 2,000 troops", "about"],
    ["around 2,000 troops", "about"],
    ["approximately 2,000 troops", "about"],
    ["approx. 2,000 troops", "about"],
    ["roughly 2,000 troops", "about"],
    ["some 2,000 troops", "about"],
    ["nearly 2,000 troops", "almost"],
    ["almost 2,000 troops", "almost"],
    ["just under 2,000 troops", "almost"],
    ["an estimated 2,000 troops", "about"],
    ["at least 2,000 troops", "at least"],
    ["no fewer than 2,000 troops", "at least"],
    ["at most 2,000 troops", "at most"],
    ["up to 2,000 troops", "at most"],
    ["no more than 2,000 troops", "at most"],
    ["exactly 2,000 troops", "exactly"],
    ["2,000 troops", null],
  ])("%s → qualifier %s", (text, qualifier) => {
    expect(only(`They sent ${text} to the city.`)).toMatchObject({ value: 2000, qualifier, unit: "troops", raw: text });
  });

  it("turns a range into a lower and an upper bound sharing the unit", () => {
    const [lo, hi] = extractQuantities("between 2,000 and 3,000 troops were sent");
    expect(lo).toMatchObject({ value: 2000, qualifier: "at least", unit: "troops" });
    expect(hi).toMatchObject({ value: 3000, qualifier: "at most", unit: "troops" });
    const [a, b] = extractQuantities("2,000-3,000 peacekeepers");
    expect(a).toMatchObject({ value: 2000, qualifier: "at least", unit: "peacekeepers" });
    expect(b).toMatchObject({ value: 3000, qualifier: "at most", unit: "peacekeepers" });
  });

  it("does not read identifiers, ordinals, names or decades as quantities", () => {
    // Real 004 sentence: "Article 4" names a clause; it counts nothing.
    expect(extractQuantities("Despite this commitment under Article 4 of the charter, the CSTO has generally avoided intervening")).toEqual([]);
    expect(extractQuantities("Resolution No. 5 was adopted.")).toEqual([]);
    expect(extractQuantities('take part in the "Rubezh-2021" joint military drills')).toEqual([]);
    expect(extractQuantities("the first summit of Central Asian countries, known as C5+1, took place")).toEqual([]);
    expect(extractQuantities("the Kremlin views Ukraine as the centerpiece of its 21st-century ambitions")).toEqual([]);
    expect(extractQuantities("emerged in the post-Soviet space in the early 1990s")).toEqual([]);
    expect(extractQuantities("They met at 10:30 in Astana.")).toEqual([]);
  });

  it("does not read the pronoun 'one' as a count, but does read 'more than one'", () => {
    expect(extractQuantities("One member, Aybek Osmonov, called for Kyrgyzstan to quit the CSTO.")).toEqual([]);
    expect(extractQuantities("when one country openly attacked another")).toEqual([]);
    expect(only("more than one country")).toMatchObject({ value: 1, qualifier: "more than", unit: "country" });
    expect(only("one million refugees").value).toBe(1_000_000);
  });

  it("reads a year-like number as a count when a qualifier or a counted noun says so", () => {
    expect(only("a force of 2000 troops")).toMatchObject({ value: 2000, unit: "troops" });
    expect(only("over 2000 civilians")).toMatchObject({ value: 2000, qualifier: "more than" });
    expect(extractQuantities("in 2000 following the election")).toEqual([]);
    expect(extractDates("in 2000 following the election")).toMatchObject([{ iso: "2000" }]);
  });

  it("returns nothing for text without numbers", () => {
    expect(extractQuantities("")).toEqual([]);
    expect(extractQuantities("Glory to Ukraine!")).toEqual([]);
  });
});
