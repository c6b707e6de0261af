import { describe, expect, it } from "vitest";
import { suggestAttribution } from "@/lib/provenance/attribution-phrases";
import { findSpeaker, normaliseSpeakerName, type SpeakerRecord } from "@/lib/provenance/speakers";
import { corpusSource, spanOf } from "../../helpers/provenance-corpus";

// Records a researcher would have made while reading the corpus.
const speakers: SpeakerRecord[] = [
  { id: "andersen", name: "Michael Andersen", role: "Danish journalist based in Kyiv", aliases: [] },
  { id: "tokayev", name: "Kassym-Jomart Tokayev", role: "President of Kazakhstan", aliases: ["Tokayev"] },
  { id: "dcaf", name: "Geneva Centre for Democratic Security Sector Governance (DCAF)", role: null, aliases: [] },
  { id: "csto", name: "Collective Security Treaty Organization (CSTO)", role: null, aliases: ["Collective Security Treaty Organisation"] },
  { id: "putin", name: "Vladimir Putin", role: "President of Russia", aliases: [] },
  { id: "putin-namesake", name: "Ivan Putin", role: null, aliases: [] },
];

/** The speaker the first suggestion for these words of a corpus file would be matched to. */
function suggestedSpeaker(file: string, words: string) {
  const { body } = corpusSource(file);
  const { start, end } = spanOf(body, words);
  const name = suggestAttribution(body, start, end)[0]?.speakerName;
  return name ? findSpeaker(speakers, name) : null;
}

describe("matching a suggested speaker to a kept record", () => {
  it.each([
    ["'said Andersen' is Michael Andersen, by surname", "001", "Moscow needs the CSTO to achieve", "andersen", "surname"],
    ["'according to Michael Andersen' by name", "001", "The CSTO's real purpose is less protecting", "andersen", "name"],
    ["'President Tokayev confirmed' by alias", "000", "his country would adhere to sanctions against Russia", "tokayev", "alias"],
    ["'it said' after the DCAF study, by name", "001", "The mechanism of collective security", "dcaf", "name"],
    ["'The CSTO stated' by the acronym in the record's name", "003", "it was not authorized to do so", "csto", "acronym"],
  ])("%s", (_case, file, words, id, by) => {
    const match = suggestedSpeaker(file, words);
    expect(match && { id: match.speaker.id, by: match.by }).toEqual({ id, by });
  });

  it("matches whatever the case, spacing, curly apostrophe or leading 'the'", () => {
    expect(findSpeaker(speakers, "  the collective security treaty ORGANISATION ")?.speaker.id).toBe("csto");
    expect(normaliseSpeakerName("Sweden’s  ruling party")).toBe("sweden's ruling party");
  });

  it("offers no record for a surname two records share, or for a name nobody has", () => {
    expect(findSpeaker(speakers, "Putin")).toBeNull();
    expect(suggestedSpeaker("001", "Deploying a foreign military unit to Kazakhstan")).toBeNull();
  });
});
