import { describe, expect, it } from "vitest";
import { paragraphAt, sentenceRange } from "@/lib/provenance/text-window";
import { corpusSource, spanOf } from "../../helpers/provenance-corpus";

const { body } = corpusSource("001");
const textOf = (r: { start: number; end: number }) => body.slice(r.start, r.end);

describe("the text around a claim", () => {
  it("is the sentence the span is in, with the speaker tag that closes it", () => {
    const { start, end } = spanOf(body, "threatens Kazakh sovereignty");
    expect(textOf(sentenceRange(body, start, end))).toBe(
      "Deploying a foreign military unit to Kazakhstan threatens Kazakh sovereignty, said Erica Marat, a professor at National Defence University in Washington.",
    );
  });

  it("joins the sentences a span crosses, and no more", () => {
    const { start, end } = spanOf(body, "another,\" he said. \"How can we");
    expect(textOf(sentenceRange(body, start, end))).toBe(
      "\"The CSTO paid no attention when one country openly attacked another,\" he said. \"How can we react to this, or will we just keep silent?",
    );
  });

  it("widens a span crossing paragraphs to the whole paragraphs", () => {
    const { start } = spanOf(body, "Kyrgyzstan was forced to re-learn this lesson");
    const { end } = spanOf(body, "The CSTO again stood aside in 2010");
    expect(textOf(sentenceRange(body, start, end))).toBe(
      "Kyrgyzstan was forced to re-learn this lesson more than once.\n\nThe CSTO again stood aside in 2010 when unrest exploded into bloody clashes between ethnic Kyrgyz and ethnic Uzbeks in Kyrgyzstan's south.",
    );
  });

  it("finds the paragraph of an offset, and nothing on a blank line", () => {
    const { start } = spanOf(body, "In Central Asia, the main question");
    expect(textOf(paragraphAt(body, start + 5))).toBe("In Central Asia, the main question is whether to remain in the CSTO.");
    expect(paragraphAt(body, start - 1)).toEqual({ start: start - 1, end: start - 1 });
  });
});
