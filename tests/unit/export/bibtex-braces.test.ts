import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import { describe, expect, it } from "vitest";
import { sourcesToBibtex } from "@/lib/export/csl";
import type { SourceMeta } from "@/lib/types";

const source = (over: Partial<SourceMeta>): SourceMeta => ({
  id: "s1", title: "Title", suggestedTitle: null, author: "Jane Doe", publisher: "Pub", url: null, publishedDate: "2022-01-06", approxDate: null, ...over,
});

/** Parses the file back with citation-js's BibTeX reader: what a reference manager would do. */
const parse = (bib: string) => new Cite(bib).data as { title?: string; URL?: string; author?: { family?: string; literal?: string }[] }[];

describe("BibTeX with unbalanced braces and backslashes in any field", () => {
  const hostile = ["A {broken title", "closing } first", "}{", "back\\slash \\end{", "{{{", "}"];
  it.each(hostile)("still parses when every field holds %j", (text) => {
    const bib = sourcesToBibtex([source({ title: text, author: `Jane ${text} Doe`, publisher: text, url: `https://example.org/a${text.replace(/\s/g, "")}` })]);
    const [entry] = parse(bib);
    expect(entry?.title).toBe(text);
  });
  it("keeps the address the same for a browser", () => {
    const [entry] = parse(sourcesToBibtex([source({ url: "https://example.org/a}b{c" })]));
    expect(decodeURI(entry!.URL!)).toBe("https://example.org/a}b{c");
  });
});
