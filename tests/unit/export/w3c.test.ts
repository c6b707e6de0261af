import { describe, expect, it } from "vitest";
import { collectChunks } from "@/lib/export/model";
import { ANNO_CONTEXT, CP_NAMESPACE, parseRecordIri, recordIri, renderW3c, w3cChunks } from "@/lib/export/w3c";
import { QUOTE_001, s1, s3, claims, links, bundle, bodies, exported, type Json } from "../../helpers/w3c-fixture";

describe("w3c export", () => {
  it("is an AnnotationCollection with the anno.jsonld context, a cp namespace and PROV", () => {
    const doc = exported();
    expect(doc["@context"]).toEqual([ANNO_CONTEXT, { cp: CP_NAMESPACE, dcterms: "http://purl.org/dc/terms/", prov: "http://www.w3.org/ns/prov#" }]);
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
