import { describe, expect, it } from "vitest";
import { AttributionType as DatabaseAttributionType } from "@/lib/generated/prisma/enums";
import { ATTRIBUTION_LABELS } from "@/lib/labels";
import { defaultAttribution } from "@/lib/provenance/attribution";
import { ATTRIBUTION_TYPES } from "@/lib/types";
import { corpusSource, spanOf } from "../../helpers/provenance-corpus";

describe("default attribution of a new claim", () => {
  // [case, corpus file, claim words, expected type, expected speaker]
  it.each([
    ["a claim in the author's text goes to the author (Caravanserai)", "001", "Since its formation in 2002, the CSTO as an alliance has deployed a unit exactly once", "OWN_VOICE", "Kanat Altynbayev"],
    ["a claim in the flagged reader comments goes to a reader, never the author", "001", "They spent just three days in Kazakhstan doing nothing but guarding facilities.", "READER_COMMENT", null],
    ["the comments section starts at its first words", "001", "Do you like this article?", "READER_COMMENT", null],
    ["the author's last words before it are still the author's", "001", "to signify support for Russia's invasion.", "OWN_VOICE", "Kanat Altynbayev"],
    ["with no author named, the publisher (CounterPunch)", "003", "after 2,500 of its troops entered Kazakhstan", "OWN_VOICE", "CounterPunch (produced by Globetrotter)"],
    ["with neither author nor publisher, no speaker", "000", "In 2010, a revolution occurred in Kyrgyzstan", "OWN_VOICE", null],
  ])("%s", (_case, file, words, type, speakerName) => {
    const s = corpusSource(file);
    const { start, end } = spanOf(s.body, words);
    expect(defaultAttribution(s, s.sections, start, end)).toEqual({ type, speakerName });
  });

  it("knows the same attribution types as the database", () => {
    expect(Object.values(DatabaseAttributionType)).toEqual([...ATTRIBUTION_TYPES]);
  });

  it("labels every attribution type", () => {
    expect(ATTRIBUTION_TYPES.map((t) => ATTRIBUTION_LABELS[t])).toEqual([
      "Source's own voice", "Direct quote", "Paraphrase", "Reported (according to …)", "Anonymous (officials said …)", "Reader comment",
    ]);
  });
});
