import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  compareQuantities,
  extractDates,
  extractNumbers,
  extractQuantities,
  unitFamily,
  type Quantity,
} from "@/lib/quantities";

const corpusDir = path.resolve(__dirname, "../../data/corpus");
const corpusFiles = readdirSync(corpusDir).filter((f) => f.endsWith(".txt")).sort();
const read = (name: string) => readFileSync(path.join(corpusDir, name), "utf8");

/** The sentence of a corpus file containing `needle`, cut at sentence punctuation. */
function sentenceWith(file: string, needle: string): string {
  const text = read(file);
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`${needle} not in ${file}`);
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n")) + 1;
  const stop = text.slice(at).search(/\.(\s|$)/);
  return text.slice(start, at + stop + 1).trim();
}

// The four figures for the January 2022 CSTO deployment to Kazakhstan, one per source.
const KZ = {
  essay: sentenceWith("000_dfd454984cb772b8.txt", "3,000"),
  caravanserai: sentenceWith("001_368f92058b86ed85.txt", "2,000"),
  counterpunch: sentenceWith("003_87eb5ab265d9726a.txt", "2,500"),
  eurasia: sentenceWith("004_438cc6c4c90e1221.txt", "4000"),
};

function only(text: string): Quantity {
  const qs = extractQuantities(text);
  expect(qs, `quantities in: ${text}`).toHaveLength(1);
  return qs[0]!;
}

function troopCount(sentence: string): Quantity {
  const q = extractQuantities(sentence).find((x) => unitFamily(x.unit) === "troops");
  expect(q, sentence).toBeDefined();
  return q!;
}

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

  it("reads 'almost 10,000 people arrested' as about 10,000 people", () => {
    const s = sentenceWith("001_368f92058b86ed85.txt", "10,000");
    expect(extractQuantities(s)).toEqual([
      expect.objectContaining({ value: 10_000, qualifier: "about", unit: "people", raw: "almost 10,000 people" }),
    ]);
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
    ["nearly 2,000 troops", "about"],
    ["almost 2,000 troops", "about"],
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

describe("extractDates", () => {
  it("reads full, month and year dates from the corpus", () => {
    const essay = read("000_dfd454984cb772b8.txt");
    const isos = extractDates(essay).map((d) => d.iso);
    expect(isos).toContain("1992-05-15"); // May 15, 1992
    expect(isos).toContain("1993"); // In 1993
    expect(isos).toContain("1999-04"); // In April 1999
    expect(isos).toContain("2022-02-24"); // February 24, 2022
    expect(extractQuantities(essay).some((q) => q.value === 1992 || q.value === 2022)).toBe(false);

    const eurasia = read("004_438cc6c4c90e1221.txt");
    expect(extractDates(eurasia)).toContainEqual(
      expect.objectContaining({ iso: "1999-04-02", raw: "2 April 1999" }),
    );
  });

  it("reads a list of bare years", () => {
    const s = sentenceWith("001_368f92058b86ed85.txt", "including in 1999, 2010 and 2021");
    expect(extractDates(s).map((d) => d.iso)).toEqual(["1999", "2010", "2021"]);
    expect(extractQuantities(s)).toEqual([]);
  });

  it("uses the truncated --MM-DD form for days without a year", () => {
    const s = sentenceWith("001_368f92058b86ed85.txt", "on January 6");
    expect(extractDates(s)).toContainEqual(expect.objectContaining({ iso: "--01-06", raw: "January 6" }));
    expect(extractDates("The parliaments of both countries on Monday (May 16) began debating")).toEqual([
      expect.objectContaining({ iso: "--05-16", raw: "May 16" }),
    ]);
    expect(extractDates("on 26 April, amid the invasion")).toEqual([expect.objectContaining({ iso: "--04-26" })]);
  });

  it.each([
    ["January 6, 2022", "2022-01-06"],
    ["6 January 2022", "2022-01-06"],
    ["6th of January, 2022", "2022-01-06"],
    ["Jan. 6, 2022", "2022-01-06"],
    ["Sept 2021", "2021-09"],
    ["2022-01-06", "2022-01-06"],
    ["February 29, 2024", "2024-02-29"],
  ])("%s → %s", (raw, iso) => {
    expect(extractDates(`It happened on ${raw} in Almaty.`)).toEqual([
      expect.objectContaining({ iso, raw }),
    ]);
  });

  it("rejects impossible days and does not take the modal 'may' for a month", () => {
    // A misprinted day keeps the month and year, and the day is not left over as a quantity.
    expect(extractDates("February 30, 2022")).toEqual([
      { iso: "2022-02", raw: "February 30, 2022", start: 0, end: 17 },
    ]);
    expect(extractQuantities("February 30, 2022")).toEqual([]);
    expect(extractDates("February 29, 2023").map((d) => d.iso)).toEqual(["2023-02"]);
    expect(extractDates("on February 31")).toEqual([]);
    expect(extractDates("the mechanism may not work")).toEqual([]);
    expect(extractDates("it may 2 times fail")).toEqual([]);
  });

  it("returns both lists from one pass", () => {
    const { quantities, dates } = extractNumbers(KZ.counterpunch);
    expect(quantities.map((q) => q.value)).toEqual([2500]);
    expect(dates.map((d) => d.iso)).toEqual(["2022-01"]);
  });
});

describe("unitFamily", () => {
  it("groups troop words together", () => {
    for (const u of ["troops", "troop", "soldiers", "personnel", "servicemen", "paratroopers", "peacekeepers"]) {
      expect(unitFamily(u)).toBe("troops");
    }
  });

  it("normalises percent, currency and plurals", () => {
    expect(unitFamily("%")).toBe("percent");
    expect(unitFamily("per cent")).toBe("percent");
    expect(unitFamily("USD")).toBe("USD");
    expect(unitFamily("dollars")).toBe("USD");
    expect(unitFamily("refugees")).toBe(unitFamily("refugee"));
    expect(unitFamily("countries")).toBe("country");
    expect(unitFamily("Years")).toBe("year");
    expect(unitFamily(null)).toBeNull();
    expect(unitFamily("  ")).toBeNull();
  });
});

describe("compareQuantities", () => {
  const q = (value: number, qualifier: Quantity["qualifier"], unit: string | null = "troops"): Quantity => ({
    value,
    qualifier,
    unit,
    raw: "",
    start: 0,
    end: 0,
  });

  it("treats 'about' as ±10%", () => {
    expect(compareQuantities(q(3000, "about"), q(2700, null))).toBe("consistent");
    expect(compareQuantities(q(3000, "about"), q(3300, null))).toBe("consistent");
    expect(compareQuantities(q(3000, "about"), q(2699, null))).toBe("conflicting");
    expect(compareQuantities(q(3000, "about"), q(3400, "about"))).toBe("consistent");
  });

  it("respects open and closed bounds", () => {
    expect(compareQuantities(q(2000, "more than"), q(2000, null))).toBe("conflicting");
    expect(compareQuantities(q(2000, "at least"), q(2000, null))).toBe("consistent");
    expect(compareQuantities(q(2000, "less than"), q(2000, "exactly"))).toBe("conflicting");
    expect(compareQuantities(q(2000, "at most"), q(2000, "exactly"))).toBe("consistent");
    expect(compareQuantities(q(2000, "at most"), q(2000, "at least"))).toBe("consistent");
    expect(compareQuantities(q(2000, "less than"), q(2000, "more than"))).toBe("conflicting");
    expect(compareQuantities(q(2000, "more than"), q(5000, "less than"))).toBe("consistent");
    expect(compareQuantities(q(2000, null), q(2001, null))).toBe("conflicting");
  });

  it("only compares like with like", () => {
    expect(compareQuantities(q(2000, null, "troops"), q(2000, null, "servicemen"))).toBe("consistent");
    expect(compareQuantities(q(2000, null, "troops"), q(2000, null, "people"))).toBe("incomparable");
    expect(compareQuantities(q(20, null, "percent"), q(20, null, "troops"))).toBe("incomparable");
    expect(compareQuantities(q(20, null, null), q(20, null, "troops"))).toBe("incomparable");
    expect(compareQuantities(q(20, null, null), q(20, null, null))).toBe("consistent");
  });

  it("compares figures extracted from different wordings", () => {
    const [a] = extractQuantities("some 6 million refugees");
    const [b] = extractQuantities("six million refugees");
    const [c] = extractQuantities("at least 7 million refugee");
    expect(compareQuantities(a!, b!)).toBe("consistent");
    expect(compareQuantities(b!, c!)).toBe("conflicting");
    const [pct1] = extractQuantities("20%");
    const [pct2] = extractQuantities("about 21 per cent");
    expect(compareQuantities(pct1!, pct2!)).toBe("consistent");
  });
});
