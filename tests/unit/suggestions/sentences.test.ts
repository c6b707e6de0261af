import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { guessKind, splitSentences, suggestClaims, suggestSourceClaims, type Suggestion } from "@/lib/suggestions/sentences";

const corpusDir = path.resolve(__dirname, "../../../data/corpus");
const read = (name: string) => readFileSync(path.join(corpusDir, name), "utf8");
const corpusFiles = readdirSync(corpusDir).filter((f) => f.endsWith(".txt")).sort();

const ESSAY = read("000_dfd454984cb772b8.txt");
const CARAVANSERAI = read("001_368f92058b86ed85.txt");
const EVSTRATOV = read("002_98b48e446e185cb4.txt");
const COUNTERPUNCH = read("003_87eb5ab265d9726a.txt");
const EURASIA = read("004_438cc6c4c90e1221.txt");

/** Comment sections as flagged in data/corpus/sources.json (startsAt runs to the end of the text). */
function commentRanges(file: string, text: string): { start: number; end: number }[] {
  const meta = JSON.parse(readFileSync(path.join(corpusDir, "sources.json"), "utf8")) as {
    sources: { file: string; sections?: { startsAt: string }[] }[];
  };
  const src = meta.sources.find((s) => s.file === file);
  return (src?.sections ?? []).map((s) => ({ start: text.indexOf(s.startsAt), end: text.length }));
}

const sentencesOf = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

function suggestionContaining(list: Suggestion[], needle: string): Suggestion | undefined {
  return list.find((s) => s.quote.includes(needle));
}

describe("splitSentences", () => {
  it("splits on sentence punctuation followed by a capital", () => {
    expect(sentencesOf("Russia sent troops. Kazakhstan asked for help! Why? Nobody knows.")).toEqual([
      "Russia sent troops.",
      "Kazakhstan asked for help!",
      "Why?",
      "Nobody knows.",
    ]);
  });

  it("does not split after titles, initials or dotted abbreviations", () => {
    expect(sentencesOf("Mr. Tokayev met Dr. Marat. John F. Kennedy spoke. Gen. Smith left.")).toEqual([
      "Mr. Tokayev met Dr. Marat.",
      "John F. Kennedy spoke.",
      "Gen. Smith left.",
    ]);
    // Real sentence from 002.
    const pelosi = EVSTRATOV.match(/Thus, it was after[^\n]*?visited the country\./)![0];
    expect(sentencesOf(pelosi)).toEqual([pelosi]);
    expect(pelosi).toContain("U.S. House of Representatives");
    expect(sentencesOf("Resolution No. 5 passed. It was late.")).toEqual(["Resolution No. 5 passed.", "It was late."]);
  });

  it("keeps decimals and numbers with separators inside the sentence", () => {
    expect(sentencesOf("About 1.5 million people fled. Another 2,000 stayed.")).toEqual([
      "About 1.5 million people fled.",
      "Another 2,000 stayed.",
    ]);
  });

  it("splits after an ellipsis only when a new sentence starts", () => {
    // First line of 000: "...alliances! All sorts of them… If we were to reduce..."
    const first = ESSAY.split("\n")[0]!;
    const parts = sentencesOf(first);
    expect(parts.slice(0, 3)).toEqual([
      "Throughout the whole wide world, there exist various intergovernmental alliances!",
      "All sorts of them…",
      expect.stringMatching(/^If we were to reduce/),
    ]);
    expect(sentencesOf("He paused... and went on. Then he left.")).toEqual(["He paused... and went on.", "Then he left."]);
  });

  it("keeps closing quotes and guillemets with their sentence", () => {
    expect(sentencesOf('"It is a myth," he said. "Real combat showed it." Then silence.')).toEqual([
      '"It is a myth," he said.',
      '"Real combat showed it."',
      "Then silence.",
    ]);
    const line = ESSAY.split("\n").find((l) => l.includes("«security belt.»"))!;
    const parts = sentencesOf(line);
    expect(parts[0]!.endsWith("lost its centuries-old «security belt.»")).toBe(true);
    expect(parts[1]).toMatch(/^To be fair/);
  });

  it("does not split on a question mark followed by lower case", () => {
    expect(sentencesOf("Was it planned? asked nobody. Fine.")).toEqual(["Was it planned? asked nobody.", "Fine."]);
  });

  it("never crosses a line break and trims surrounding whitespace", () => {
    expect(sentencesOf("Disappointed members\nThe prevalence of such sentiments is not surprising")).toEqual([
      "Disappointed members",
      "The prevalence of such sentiments is not surprising",
    ]);
    // 002 indents paragraphs with four spaces and pads sentences with no-break spaces.
    for (const span of splitSentences(EVSTRATOV)) {
      const s = EVSTRATOV.slice(span.start, span.end);
      expect(s).not.toMatch(/^\s|\s$/);
      expect(s).not.toContain("\n");
    }
  });

  it("covers every non-space character of a real article exactly once", () => {
    for (const f of corpusFiles) {
      const text = read(f);
      const spans = splitSentences(text);
      const covered = spans.reduce((n, s) => n + text.slice(s.start, s.end).replace(/\s/g, "").length, 0);
      expect(covered).toBe(text.replace(/\s/g, "").length);
      for (let k = 1; k < spans.length; k++) expect(spans[k]!.start).toBeGreaterThanOrEqual(spans[k - 1]!.end);
    }
  });
});

describe("suggestClaims", () => {
  it("finds the four Kazakhstan troop-count sentences across the corpus", () => {
    const cases: [string, string, string][] = [
      [ESSAY, "about 3,000 paratroopers", "Naturally, Russia took the lead in providing assistance"],
      [CARAVANSERAI, "more than 2,000 troops", "Led by Russia, a CSTO mission"],
      [COUNTERPUNCH, "2,500 of its troops", "The Russian-led military alliance, the Collective Security Treaty Organization (CSTO), created headlines"],
      [EURASIA, "under 4000 personnel", "While the CSTO has been previously reluctant"],
    ];
    for (const [text, figure, opening] of cases) {
      const s = suggestionContaining(suggestClaims(text), figure);
      expect(s, figure).toBeDefined();
      expect(s!.quote.startsWith(opening)).toBe(true);
      expect(s!.quote.endsWith(".")).toBe(true);
      expect(text.slice(s!.start, s!.end)).toBe(s!.quote);
      expect(s!.reason).toBe("quantity");
      expect(s!.kindHint).toBe("FACT");
    }
  });

  it("returns sorted, trimmed spans that match the text", () => {
    for (const f of corpusFiles) {
      const text = read(f);
      const list = suggestClaims(text);
      expect(list.length).toBeGreaterThan(0);
      for (const s of list) {
        expect(text.slice(s.start, s.end)).toBe(s.quote);
        expect(s.quote).toBe(s.quote.trim());
        expect(s.quote).not.toContain("\n");
      }
      const starts = list.map((s) => s.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });

  it("gives the strongest reason: quantity, then number, date, attribution", () => {
    const text = [
      "A CSTO mission of 2,000 troops was deployed.",
      "The vote was 17 to 4.",
      "The treaty was signed on May 15, 1992.",
      "The CSTO is a tool for Moscow, analysts say.",
      "The weather was pleasant.",
    ].join(" ");
    expect(suggestClaims(text).map((s) => s.reason)).toEqual(["quantity", "number", "date", "attribution"]);
  });

  it.each([
    ["according to", "The CSTO's real purpose is less protecting the region, according to Michael Andersen."],
    ["said", '"Real combat showed that this is nothing more than a myth," he said.'],
    ["says", "Russia is isolated, Sattarov says."],
    ["claims", "It claims the blockade continues to threaten its security."],
    ["claimed", "Officials claimed the protesters were armed."],
    ["stated", "The CSTO stated that it was not authorized to do so."],
    ["reported", "Local media reported clashes in the south."],
    ["told", "A spokesman told journalists nothing had changed."],
  ])("offers attributions (%s)", (_verb, sentence) => {
    expect(suggestClaims(sentence)).toEqual([
      expect.objectContaining({ start: 0, end: sentence.length, reason: "attribution" }),
    ]);
  });

  it("skips sentences with neither figures nor attribution", () => {
    expect(suggestClaims("Glory to Ukraine! The CSTO is a half-dead outfit.")).toEqual([]);
    expect(suggestClaims("")).toEqual([]);
  });

  it("leaves out reader comments flagged in sources.json", () => {
    const ranges = commentRanges("001_368f92058b86ed85.txt", CARAVANSERAI);
    expect(ranges).toHaveLength(1);
    expect(ranges[0]!.start).toBeGreaterThan(0);
    const all = suggestClaims(CARAVANSERAI);
    const authorOnly = suggestClaims(CARAVANSERAI, { excludeRanges: ranges });
    expect(suggestionContaining(all, "They spent just three days in Kazakhstan")).toBeDefined();
    expect(suggestionContaining(authorOnly, "They spent just three days in Kazakhstan")).toBeUndefined();
    expect(authorOnly.every((s) => s.end <= ranges[0]!.start)).toBe(true);
    expect(suggestionContaining(authorOnly, "more than 2,000 troops")).toBeDefined();
    expect(authorOnly.length).toBeLessThan(all.length);
  });

  it("a source's suggestions are its sentences outside its reader comments section", () => {
    const [comments] = commentRanges("001_368f92058b86ed85.txt", CARAVANSERAI);
    const sections = [{ kind: "comments" as const, start: comments!.start, end: comments!.end, label: "Reader comments" }];
    expect(suggestSourceClaims({ body: CARAVANSERAI, sections })).toEqual(suggestClaims(CARAVANSERAI, { excludeRanges: [comments!] }));
    expect(suggestSourceClaims({ body: CARAVANSERAI, sections: [] })).toEqual(suggestClaims(CARAVANSERAI));
  });

  it("excludes a sentence that only partly overlaps an excluded range", () => {
    const text = "In 2010 the CSTO stood aside. In 2012 Uzbekistan left.";
    const second = text.indexOf("In 2012");
    expect(suggestClaims(text, { excludeRanges: [{ start: second + 3, end: second + 5 }] }).map((s) => s.quote)).toEqual([
      "In 2010 the CSTO stood aside.",
    ]);
    expect(suggestClaims(text, { excludeRanges: [{ start: second - 1, end: second }] })).toHaveLength(2);
  });
});

describe("kind hints", () => {
  it("marks future statements as predictions", () => {
    const list = suggestClaims(COUNTERPUNCH);
    expect(suggestionContaining(list, "The CSTO is also likely to take a larger role")!.kindHint).toBe("PREDICTION");
    expect(suggestionContaining(list, "may take their own actions")!.kindHint).toBe("PREDICTION");
    const sattarov = suggestionContaining(suggestClaims(CARAVANSERAI), "The Kremlin likely now will make several demands");
    expect(sattarov).toMatchObject({ reason: "attribution", kindHint: "PREDICTION" });
  });

  it.each([
    ["The alliance will expand next year, officials said.", "PREDICTION"],
    ["Moscow is expected to send 500 more troops, he said.", "PREDICTION"],
    ["In the near future the bloc could admit Iran, he said.", "PREDICTION"],
    ["It ties further developments to the political will of the leadership, he said.", "FACT"],
    ["The beginning of the CSTO was laid on May 15, 1992.", "FACT"],
    ["They could not help but resonate, he said.", "FACT"],
    ['"If the organisation acts so unfairly, then I think we do not need to be in it," he added.', "OPINION"],
    ["Clearly, the hopes placed on the organization were not met, he said.", "OPINION"],
    // Evaluative wording next to a figure is still a checkable claim.
    ["Naturally, Russia sent about 3,000 paratroopers.", "FACT"],
  ])("%s → %s", (sentence, kind) => {
    expect(suggestClaims(sentence)[0]?.kindHint).toBe(kind);
  });

  it("guessKind can be used on its own", () => {
    expect(guessKind("Soon the war will spill over into Russian territory.", false)).toBe("PREDICTION");
    expect(guessKind("The CSTO is probably finished.", false)).toBe("OPINION");
    expect(guessKind("The CSTO is probably finished.", true)).toBe("FACT");
  });
});
