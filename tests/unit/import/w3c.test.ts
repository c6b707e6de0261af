import { describe, expect, it } from "vitest";
import type { LinkRecord } from "@/lib/types";
import { buildExportBundle } from "@/lib/export/model";
import { ANNO_CONTEXT, renderW3c } from "@/lib/export/w3c";
import { parseW3cImport } from "@/lib/import/w3c";
import { QUOTE_003, s1, s3, claims, links, bundle, bodies, exported, refusal } from "../../helpers/w3c-fixture";

describe("w3c import", () => {
  // Claims without provenance read back as a new claim would be: the source's own voice, nobody named.
  const plainClaims = claims.map((c) => ({ ...c, provenance: { speaker: null, attribution: "OWN_VOICE", restsOn: null, claimDate: null } }));

  it("round-trips claims, links and sources with their ids", () => {
    const result = parseW3cImport(exported());
    if (!result.ok) throw new Error(result.error);
    expect(result.data.claims).toEqual(plainClaims);
    expect(result.data.links).toEqual(links);
    // Neither is PDF-born nor made from a file: no page map, no original.
    expect(result.data.sources).toEqual([s1, s3].map((s) => ({ ...s, pageMap: null, original: null })));
  });

  it("accepts the text form and base-URL ids", () => {
    const result = parseW3cImport(renderW3c(bundle, { bodies, baseUrl: "https://claims.example.org" }));
    if (!result.ok) throw new Error(result.error);
    expect(result.data.claims).toEqual(plainClaims);
    expect(result.data.links).toEqual(links);
  });

  it("lists sources without bodies as needing to exist already", () => {
    const result = parseW3cImport(exported({}));
    if (!result.ok) throw new Error(result.error);
    expect(result.data.sources.map((s) => [s.id, s.body, s.title])).toEqual([
      ["src001", null, s1.title],
      ["src003", null, s3.title],
    ]);
    const noList = exported({});
    delete noList["cp:sources"];
    const fromTargets = parseW3cImport(noList);
    if (!fromTargets.ok) throw new Error(fromTargets.error);
    expect(fromTargets.data.sources.map((s) => [s.id, s.author, s.body])).toEqual([
      ["src001", "Kanat Altynbayev", null],
      ["src003", null, null],
    ]);
  });

  it("accepts items directly on the collection and single selector objects", () => {
    const doc = exported();
    doc.items = doc.first.items;
    delete doc.first;
    doc.items[1].target.selector = doc.items[1].target.selector[1];
    expect(refusal(doc)).toBe("items[1] (urn:claim:clm2): target.selector is missing a TextQuoteSelector");
    doc.items[1].target.selector = [{ type: "CssSelector", value: "p" }, ...exported().first.items[1].target.selector];
    expect(parseW3cImport(doc).ok).toBe(true);
  });

  it("refuses what is not a JSON object", () => {
    expect(refusal([])).toBe("document: expected a JSON object (a W3C AnnotationCollection), got an array");
    expect(refusal(42)).toBe("document: expected a JSON object (a W3C AnnotationCollection), got 42");
    expect(refusal(null)).toMatch(/^document: expected a JSON object .* got null$/);
    expect(refusal("{not json")).toMatch(/^document: not valid JSON/);
    expect(refusal({ type: "AnnotationCollection", items: [] })).toBe("document: @context is missing");
    expect(refusal({ "@context": ANNO_CONTEXT, type: "Annotation", items: [] })).toBe('document: type: must be "AnnotationCollection"');
  });

  it("refuses a claim without a TextPositionSelector, naming it", () => {
    const doc = exported();
    doc.first.items[1].target.selector.pop();
    expect(refusal(doc)).toBe("first.items[1] (urn:claim:clm2): target.selector is missing a TextPositionSelector");
    const doc2 = exported();
    delete doc2.first.items[0].target.selector;
    expect(refusal(doc2)).toBe("first.items[0] (urn:claim:clm1): target.selector is missing");
    const doc3 = exported();
    doc3.first.items[0].target.selector[1].start = -4;
    expect(refusal(doc3)).toBe("first.items[0] (urn:claim:clm1): target.selector[1].start: must not be negative");
  });

  it("refuses a quote that does not match the offsets", () => {
    const doc = exported();
    const pos = doc.first.items[0].target.selector[1];
    pos.start += 2;
    pos.end += 2;
    expect(refusal(doc)).toMatch(/^first\.items\[0\] \(urn:claim:clm1\): TextQuoteSelector\.exact does not match the source text at \d+–\d+ \(found "CSTO mission/);
    const doc2 = exported();
    doc2.first.items[1].target.selector[1].end += 1;
    expect(refusal(doc2)).toBe(
      `first.items[1] (urn:claim:clm2): TextQuoteSelector.exact has ${QUOTE_003.length} characters but TextPositionSelector spans ${QUOTE_003.length + 1} (${claims[1]!.start}–${claims[1]!.end + 1})`,
    );
    // Without bodies only the lengths can be checked.
    const doc3 = exported({});
    doc3.first.items[0].target.selector[1].start += 2;
    doc3.first.items[0].target.selector[1].end += 2;
    expect(parseW3cImport(doc3).ok).toBe(true);
  });

  it("refuses a link to a claim that is not in the file", () => {
    const doc = exported();
    doc.first.items[4].body = "urn:claim:gone";
    expect(refusal(doc)).toBe("first.items[4] (urn:link:lnk2): body refers to urn:claim:gone, which is not a claim in this file");
    const doc2 = exported();
    doc2.first.items.splice(0, 1);
    doc2.total -= 1;
    expect(refusal(doc2)).toBe("first.items[2] (urn:link:lnk1): target refers to urn:claim:clm1, which is not a claim in this file");
  });

  it("refuses unknown kinds and relations", () => {
    const doc = exported();
    doc.first.items[2].body[0].value = "RUMOUR";
    expect(refusal(doc)).toBe('first.items[2] (urn:claim:clm3): unknown kind "RUMOUR" (expected one of FACT, OPINION, PREDICTION)');
    const doc2 = exported();
    doc2.first.items[3]["cp:relation"] = "DISPUTES";
    expect(refusal(doc2)).toBe('first.items[3] (urn:link:lnk1): unknown relation "DISPUTES" (expected one of CONTRADICTS, SUPPORTS, REFINES)');
    const doc3 = exported();
    delete doc3.first.items[4]["cp:relation"];
    expect(refusal(doc3)).toMatch(/^first\.items\[4\] \(urn:link:lnk2\): cp:relation is missing/);
  });

  it("refuses duplicate ids", () => {
    const doc = exported();
    doc.first.items.push({ ...doc.first.items[1] });
    doc.total += 1;
    expect(refusal(doc)).toBe("first.items[5] (urn:claim:clm2): duplicate id (also at first.items[1])");
    const doc2 = exported();
    doc2["cp:sources"].push(doc2["cp:sources"][0]);
    expect(refusal(doc2)).toBe("cp:sources[2] (urn:source:src001): duplicate source id (also at cp:sources[0])");
    const doc3 = exported();
    doc3.first.items[4] = { ...doc3.first.items[3], id: "urn:link:lnk9" };
    expect(refusal(doc3)).toBe("first.items[4] (urn:link:lnk9): these two claims are already linked at first.items[3]");
  });

  it("names the first bad record when several are bad, and catches truncation", () => {
    const doc = exported();
    doc.first.items[4]["cp:relation"] = "NOPE";
    doc.first.items[1].body[0].value = "NOPE";
    expect(refusal(doc)).toMatch(/^first\.items\[1\] \(urn:claim:clm2\): unknown kind/);
    const doc2 = exported();
    doc2.first.items.pop();
    expect(refusal(doc2)).toBe("document: total says 5 annotations but 4 are embedded (is the file truncated?)");
    const doc3 = exported();
    doc3.first.items[0].id = "https://elsewhere.example/anno/1";
    expect(refusal(doc3)).toMatch(/^first\.items\[0\] \(https:\/\/elsewhere\.example\/anno\/1\): id "https:\/\/elsewhere\.example\/anno\/1" is not a claim IRI/);
  });

  it("names missing parts of an annotation", () => {
    const doc = exported();
    delete doc.first.items[2].target;
    expect(refusal(doc)).toBe("first.items[2] (urn:claim:clm3): target is missing");
    const doc2 = exported();
    delete doc2.first.items[3].body;
    expect(refusal(doc2)).toBe("first.items[3] (urn:link:lnk1): body is missing");
    const doc3 = exported();
    doc3.first.items[1] = "urn:claim:clm2";
    expect(refusal(doc3)).toBe('first.items[1]: expected an Annotation object, got "urn:claim:clm2"');
  });

  it("imports 10,000 claims and their links quickly", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...claims[0]!, id: `bulk${i}` }));
    const manyLinks: LinkRecord[] = many.slice(1).map((c, i) => ({ ...links[0]!, id: `bl${i}`, fromId: many[i]!.id, toId: c.id }));
    const big = buildExportBundle({ generatedAt: bundle.generatedAt, sources: [s1], claims: many, links: manyLinks });
    const started = performance.now();
    const result = parseW3cImport(renderW3c(big, { bodies }));
    if (!result.ok) throw new Error(result.error);
    expect(result.data.claims).toHaveLength(10_000);
    expect(result.data.links).toHaveLength(9_999);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("validates source records and their sections", () => {
    const doc = exported();
    doc["cp:sources"][1]["cp:sections"][0].end = 10 ** 6;
    expect(refusal(doc)).toBe(`cp:sources[1] (urn:source:src003): cp:sections[0] ends at 1000000, past the end of cp:body (${s3.body.length})`);
    const doc2 = exported();
    doc2["cp:sources"][0]["dcterms:issued"] = "May 2022";
    expect(refusal(doc2)).toBe("cp:sources[0] (urn:source:src001): dcterms:issued: expected a yyyy-mm-dd date");
  });
});
