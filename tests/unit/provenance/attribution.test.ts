import { describe, expect, it } from "vitest";
import { ATTRIBUTION_LABELS, ATTRIBUTION_TYPES, defaultAttribution } from "@/lib/provenance/attribution";
import { corpusSource, spanOf } from "./corpus";

describe("default attribution of a new claim", () => {
  it("gives a claim in the author's text to the author (Caravanserai, Kanat Altynbayev)", () => {
    const s = corpusSource("001");
    const { start, end } = spanOf(s.body, "Since its formation in 2002, the CSTO as an alliance has deployed a unit exactly once");
    expect(defaultAttribution(s, s.sections, start, end)).toEqual({ type: "OWN_VOICE", speakerName: "Kanat Altynbayev" });
  });

  it("gives a claim inside the flagged reader comments to a reader, never to the author", () => {
    const s = corpusSource("001");
    const { start, end } = spanOf(s.body, "They spent just three days in Kazakhstan doing nothing but guarding facilities.");
    expect(defaultAttribution(s, s.sections, start, end)).toEqual({ type: "READER_COMMENT", speakerName: null });
  });

  it("treats the comments section as starting at its first words", () => {
    const s = corpusSource("001");
    const opening = spanOf(s.body, "Do you like this article?");
    const lastAuthorWords = spanOf(s.body, "to signify support for Russia's invasion.");
    expect(defaultAttribution(s, s.sections, opening.start, opening.end).type).toBe("READER_COMMENT");
    expect(defaultAttribution(s, s.sections, lastAuthorWords.start, lastAuthorWords.end).type).toBe("OWN_VOICE");
  });

  it("falls back to the publisher when the text names no author (CounterPunch)", () => {
    const s = corpusSource("003");
    const { start, end } = spanOf(s.body, "after 2,500 of its troops entered Kazakhstan");
    expect(defaultAttribution(s, s.sections, start, end)).toEqual({ type: "OWN_VOICE", speakerName: "CounterPunch (produced by Globetrotter)" });
  });

  it("names no speaker when the source has neither author nor publisher", () => {
    const s = corpusSource("000");
    const { start, end } = spanOf(s.body, "In 2010, a revolution occurred in Kyrgyzstan");
    expect(defaultAttribution(s, s.sections, start, end)).toEqual({ type: "OWN_VOICE", speakerName: null });
  });

  it("labels every attribution type", () => {
    expect(ATTRIBUTION_TYPES.map((t) => ATTRIBUTION_LABELS[t])).toEqual([
      "Source's own voice", "Direct quote", "Paraphrase", "Reported (according to …)", "Anonymous (officials said …)", "Reader comment",
    ]);
  });
});
