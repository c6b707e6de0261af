import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ClaimRecord, LinkRecord, SourceDoc } from "@/lib/types";
import { buildExportBundle, collectChunks } from "@/lib/export/model";
import { ANNO_CONTEXT, CP_NAMESPACE, parseRecordIri, recordIri, renderW3c, w3cChunks, type W3cOptions } from "@/lib/export/w3c";
import { parseW3cImport } from "@/lib/import/w3c";

// ---------------------------------------------------------------- fixture from the real corpus

const corpus = (file: string) => readFileSync(path.join(__dirname, "../../data/corpus", file), "utf8");

const QUOTE_001 = "a CSTO mission of more than 2,000 troops was deployed";
const QUOTE_003 = "after 2,500 of its troops entered Kazakhstan";

const s1: SourceDoc = {
  id: "src001",
  title: "Doubts grow over CSTO membership in wake of Russia's war in Ukraine",
  suggestedTitle: null,
  author: "Kanat Altynbayev",
  publisher: "Caravanserai",
  url: null,
  publishedDate: null,
  approxDate: "2022-05",
  body: corpus("001_368f92058b86ed85.txt"),
  sections: [],
};
const s3: SourceDoc = {
  id: "src003",
  title: "Why It's Time to Take the Russian-Led Military Alliance Seriously",
  suggestedTitle: "CSTO after Kazakhstan",
  author: null,
  publisher: "CounterPunch (produced by Globetrotter)",
  url: null,
  publishedDate: null,
  approxDate: "2022",
  body: corpus("003_87eb5ab265d9726a.txt"),
  sections: [{ kind: "comments", start: 8000, end: 8500, label: "Reader comments" }],
};

function claimOn(id: string, src: SourceDoc, quote: string, kind: ClaimRecord["kind"], note: string): ClaimRecord {
  const start = src.body.indexOf(quote);
  if (start < 0) throw new Error(`quote not in ${src.id}`);
  const end = start + quote.length;
  return {
    id, sourceId: src.id, start, end, quote,
    prefix: src.body.slice(Math.max(0, start - 32), start),
    suffix: src.body.slice(end, end + 32),
    kind, note, orphaned: false, authorName: "Aigerim",
    createdAt: "2026-11-20T09:00:00.000Z", updatedAt: "2026-11-21T10:30:00.000Z",
  };
}

// clm3 is orphaned: the source was corrected and its last quote is no longer in the text.
const stale = claimOn("clm3", s3, "“helped stabilize”", "OPINION", "scare quotes");
const claims: ClaimRecord[] = [
  claimOn("clm1", s1, QUOTE_001, "FACT", "Government figure; see also <b>TASS</b>"),
  claimOn("clm2", s3, QUOTE_003, "FACT", ""),
  { ...stale, orphaned: true, quote: "“helped to stabilise”", end: stale.start + "“helped to stabilise”".length },
];

const links: LinkRecord[] = [
  { id: "lnk1", fromId: "clm1", toId: "clm2", relation: "CONTRADICTS", note: "2,000 vs 2,500", authorName: "Aigerim", createdAt: "2026-11-22T08:00:00.000Z" },
  { id: "lnk2", fromId: "clm3", toId: "clm2", relation: "REFINES", note: "", authorName: "Daniyar", createdAt: "2026-11-22T08:05:00.000Z" },
];

const bundle = buildExportBundle({ generatedAt: "2026-11-23T12:00:00.000Z", sources: [s1, s3], claims, links });
const bodies: W3cOptions["bodies"] = new Map([s1, s3].map((s) => [s.id, { body: s.body, sections: s.sections }]));

type Json = Record<string, any>;
const exported = (options: W3cOptions = { bodies }): Json => JSON.parse(renderW3c(bundle, options)) as Json;

function refusal(doc: unknown): string {
  const result = parseW3cImport(doc);
  if (result.ok) throw new Error("expected the document to be refused");
  return result.error;
}

// ---------------------------------------------------------------- export

describe("w3c export", () => {
  it("is an AnnotationCollection with the anno.jsonld context and a cp namespace", () => {
    const doc = exported();
    expect(doc["@context"]).toEqual([ANNO_CONTEXT, { cp: CP_NAMESPACE, dcterms: "http://purl.org/dc/terms/" }]);
    expect(doc.type).toBe("AnnotationCollection");
    expect(doc.total).toBe(5);
    expect(doc.first.type).toBe("AnnotationPage");
    expect(doc.first.items).toHaveLength(5);
    expect(doc.first.items.every((a: Json) => a.type === "Annotation" && typeof a.id === "string")).toBe(true);
  });

  it("anchors each claim with quote and position selectors that match the text", () => {
    const a = exported().first.items[0];
    expect(a).toMatchObject({
      id: "urn:claim:clm1",
      motivation: "describing",
      creator: { type: "Person", name: "Aigerim" },
      created: "2026-11-20T09:00:00.000Z",
      modified: "2026-11-21T10:30:00.000Z",
      body: [
        { type: "TextualBody", purpose: "tagging", value: "FACT" },
        { type: "TextualBody", purpose: "commenting", value: "Government figure; see also <b>TASS</b>" },
      ],
    });
    expect(a.target.source).toBe("urn:source:src001");
    expect(a.target["cp:sourceInfo"]).toMatchObject({ "dcterms:title": s1.title, "dcterms:creator": "Kanat Altynbayev", "cp:approxDate": "2022-05" });
    const [quote, pos] = a.target.selector;
    expect(quote).toEqual({ type: "TextQuoteSelector", exact: QUOTE_001, prefix: claims[0]!.prefix, suffix: claims[0]!.suffix });
    expect(pos).toEqual({ type: "TextPositionSelector", start: claims[0]!.start, end: claims[0]!.end });
    expect(s1.body.slice(pos.start, pos.end)).toBe(quote.exact);
    expect(exported().first.items[1].body).toEqual([{ type: "TextualBody", purpose: "tagging", value: "FACT" }]);
  });

  it("writes links as linking annotations between claim annotations", () => {
    const items = exported().first.items;
    expect(items[3]).toMatchObject({
      id: "urn:link:lnk1",
      motivation: "linking",
      target: "urn:claim:clm1",
      body: ["urn:claim:clm2", { type: "TextualBody", purpose: "commenting", value: "2,000 vs 2,500" }],
      "cp:relation": "CONTRADICTS",
    });
    expect(items[4]).toMatchObject({ target: "urn:claim:clm3", body: "urn:claim:clm2", "cp:relation": "REFINES" });
  });

  it("lists sources with full metadata, and bodies only when asked", () => {
    const withBodies = exported()["cp:sources"];
    expect(withBodies[1]).toMatchObject({
      id: "urn:source:src003",
      "dcterms:title": s3.title,
      "cp:suggestedTitle": "CSTO after Kazakhstan",
      "dcterms:creator": null,
      "dcterms:publisher": "CounterPunch (produced by Globetrotter)",
      "cp:body": s3.body,
      "cp:sections": s3.sections,
    });
    expect(exported({})["cp:sources"][1]).not.toHaveProperty("cp:body");
  });

  it("drops links that leave the exported claims, so the file stays importable", () => {
    const scoped = { ...bundle, claims: bundle.claims.slice(0, 2) };
    const doc = JSON.parse(renderW3c(scoped)) as Json;
    expect(doc.first.items.map((a: Json) => a.id)).toEqual(["urn:claim:clm1", "urn:claim:clm2", "urn:link:lnk1"]);
    expect(doc.total).toBe(3);
  });

  it("streams the same text and stays valid JSON when empty", async () => {
    expect(await collectChunks(w3cChunks(bundle, { bodies }))).toBe(renderW3c(bundle, { bodies }));
    const empty = JSON.parse(renderW3c({ ...bundle, claims: [], links: [], sources: [] })) as Json;
    expect(empty.first.items).toEqual([]);
    expect(empty.total).toBe(0);
  });

  it("uses base URLs when given, and reads both IRI forms back", () => {
    const doc = exported({ baseUrl: "https://claims.example.org/" });
    expect(doc.first.items[0].id).toBe("https://claims.example.org/claims/clm1");
    expect(doc.first.items[0].target.source).toBe("https://claims.example.org/sources/src001");
    expect(parseRecordIri("claim", recordIri("claim", "a b/c", "https://x.org"))).toBe("a b/c");
    expect(parseRecordIri("claim", "urn:link:x")).toBeNull();
  });
});

// ---------------------------------------------------------------- import

describe("w3c import", () => {
  const plainClaims = claims.map((c) => ({ ...c }));

  it("round-trips claims, links and sources with their ids", () => {
    const result = parseW3cImport(exported());
    if (!result.ok) throw new Error(result.error);
    expect(result.data.claims).toEqual(plainClaims);
    expect(result.data.links).toEqual(links);
    expect(result.data.sources).toEqual([s1, s3]);
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
