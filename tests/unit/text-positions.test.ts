import { Node as PmNode, Schema } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { offsetToPos, posToOffset, readerDoc, stepSpanByWord, textLayout } from "@/lib/text-positions";

// The same node shapes the reader's TipTap editor uses.
const schema = new Schema({
  nodes: {
    doc: { content: "block+" },
    paragraph: { group: "block", content: "text*" },
    readerSection: { group: "block", content: "paragraph+", attrs: { label: { default: "" } } },
    text: {},
  },
});

function docFor(body: string, wrapAt: number | null) {
  const layout = textLayout(body, wrapAt);
  return { layout, doc: PmNode.fromJSON(schema, readerDoc(body, layout, "Reader comments")) };
}

const BODY = "Title\n\nFirst line, with words.\n\n\nLast – “quoted” line\nend";

describe("text offsets and ProseMirror positions", () => {
  for (const wrapAt of [null, BODY.indexOf("Last")]) {
    it(`every span of text reads the same in the document (wrapped tail: ${wrapAt !== null})`, () => {
      const { layout, doc } = docFor(BODY, wrapAt);
      expect(doc.textBetween(0, doc.content.size, "\n")).toBe(BODY);
      for (let a = 0; a <= BODY.length; a++) {
        expect(posToOffset(layout, offsetToPos(layout, a))).toBe(a);
        for (let b = a + 1; b <= BODY.length; b++) {
          expect(doc.textBetween(offsetToPos(layout, a), offsetToPos(layout, b), "\n")).toBe(BODY.slice(a, b));
        }
      }
    });
  }

  it("keeps empty lines as empty paragraphs and wraps the tail from the line holding the section start", () => {
    const { doc } = docFor(BODY, BODY.indexOf("quoted"));
    expect(doc.childCount).toBe(6);
    expect(doc.child(1).content.size).toBe(0);
    expect(doc.lastChild!.type.name).toBe("readerSection");
    expect(doc.lastChild!.textContent).toBe("Last – “quoted” lineend");
  });

  it("follows the arithmetic of one paragraph per line", () => {
    const layout = textLayout("ab\n\ncde");
    expect(layout.lineStarts).toEqual([0, 3, 4]);
    expect(layout.contentStarts).toEqual([1, 5, 7]);
    expect(offsetToPos(layout, 2)).toBe(3); // the line break: end of "ab"
    expect(posToOffset(layout, 4)).toBe(2); // between paragraphs: end of the line before
  });
});

describe("widening and narrowing a span by a word", () => {
  const body = "The CSTO sent 2,000 troops to Almaty.";
  const span = { start: body.indexOf("sent"), end: body.indexOf(" to") };
  const text = (s: { start: number; end: number }) => body.slice(s.start, s.end);

  it("takes in or lets go of one word at either end", () => {
    expect(text(stepSpanByWord(body, span, "start", -1))).toBe("CSTO sent 2,000 troops");
    expect(text(stepSpanByWord(body, span, "start", 1))).toBe("2,000 troops");
    expect(text(stepSpanByWord(body, span, "end", 1))).toBe("sent 2,000 troops to");
    expect(text(stepSpanByWord(body, span, "end", -1))).toBe("sent 2,000");
  });

  it("never empties the span or leaves the text", () => {
    const one = { start: 0, end: 3 };
    expect(stepSpanByWord(body, one, "start", 1)).toEqual(one);
    expect(stepSpanByWord(body, one, "end", -1)).toEqual(one);
    expect(stepSpanByWord(body, one, "start", -1)).toEqual(one);
    expect(text(stepSpanByWord(body, { start: 30, end: body.length }, "end", 1))).toBe("Almaty.");
  });
});
