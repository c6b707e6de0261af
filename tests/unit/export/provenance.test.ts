// Provenance in every export format: speaker, attribution, origin and claim date; a reader
// comment is cited as a reader comment and never under the article's author; the W3C file
// records speaker and origin with PROV terms and reads back; ClaimReview expands as JSON-LD.
import jsonld from "jsonld";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buildExportBundle } from "@/lib/export/model";
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES } from "@/lib/export/registry";
import { parseW3cImport } from "@/lib/import/w3c";
import type { ClaimProvenance } from "@/lib/types";
import { claimOn, SOURCE_001 } from "../../helpers/corpus";

const AUTHOR = SOURCE_001.author!;
const comments = SOURCE_001.body.indexOf("Do you like this article?");
const COMMENT = "The Russian army has been utterly disgraced in Ukraine";
const quoteSpan = SOURCE_001.body.indexOf(COMMENT, comments);

const withProvenance = (id: string, quote: string, provenance: ClaimProvenance, at?: number) => {
  const c = claimOn(id, SOURCE_001, quote, "OPINION", "");
  if (at !== undefined) Object.assign(c, { start: at, end: at + quote.length });
  return { ...c, provenance };
};
const reference = { id: "ref1", title: "Interview with Michael Andersen", publisher: "Radio Azattyq", url: "https://example.org/andersen", date: "2022-05-10" };
const claims = [
  withProvenance("c-comment", COMMENT, { speaker: null, attributionType: "READER_COMMENT", restsOn: null, claimDate: null }, quoteSpan),
  withProvenance("c-andersen", "expanding Russian military influence", {
    speaker: { id: "sp1", name: "Michael Andersen", role: "Danish journalist", aliases: [] },
    attributionType: "DIRECT_QUOTE",
    restsOn: { kind: "reference", id: "ref1", label: "Interview with Michael Andersen, Radio Azattyq, 2022-05-10", reference },
    claimDate: { start: "2022-01-01", end: "2022-12-31", precision: "YEAR" },
  }),
];
const bundle = buildExportBundle({ generatedAt: "2026-12-01T12:00:00.000Z", sources: [SOURCE_001], claims, links: [] });

describe("provenance in exports", () => {
  it("no format names the article's author as a reader comment's speaker", () => {
    const only = buildExportBundle({ generatedAt: "2026-12-01T12:00:00.000Z", sources: [SOURCE_001], claims: [claims[0]!], links: [] });
    const render = (name: (typeof EXPORT_FORMAT_NAMES)[number]) => EXPORT_FORMATS[name].render(only, { title: "Scope", bodies: new Map() });
    const csv = parse(render("csv"), { columns: true, bom: true }) as Record<string, string>[];
    expect(csv.map((r) => [r.author, r.speaker, r.attribution])).toEqual([["", "reader comment", "READER_COMMENT"]]);
    const nodes = parse(render("gephi-nodes"), { columns: true }) as Record<string, string>[];
    expect(nodes.map((r) => [r.speaker, r.attribution])).toEqual([["reader comment", "READER_COMMENT"]]);
    const claimLine = render("markdown").split("\n").find((l) => l.startsWith("1. "))!;
    expect(claimLine).toContain("(reader comment on *");
    expect(claimLine).not.toContain(AUTHOR);
    const item = /<li id="claim-c-comment"[\s\S]*?<\/li>/.exec(render("html"))![0];
    expect(item).toContain("reader comment on <i>");
    expect(item).not.toContain(AUTHOR);
    const annotation = JSON.parse(render("w3c")).first.items[0];
    expect(annotation["prov:wasAttributedTo"]).toBeUndefined();
    expect(annotation["cp:attribution"]).toBe("READER_COMMENT");
    expect(render("claimreview")).not.toContain(AUTHOR);
    // CSL and BibTeX list the article itself, whose author he is; they name no claim's speaker.
  });

  it("CSV carries speaker, role, attribution, origin and claim date", () => {
    const rows = parse(EXPORT_FORMATS.csv.render(bundle), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.speaker, r.speaker_role, r.attribution, r.rests_on, r.claim_date])).toEqual([
      ["reader comment", "", "READER_COMMENT", "", ""],
      ["Michael Andersen", "Danish journalist", "DIRECT_QUOTE", "reference:ref1", "2022"],
    ]);
  });

  it("Markdown and HTML cite a reader comment as one and say who else speaks", () => {
    const md = EXPORT_FORMATS.markdown.render(bundle);
    expect(md).toContain("(reader comment on *");
    expect(md).toContain("Said by: Michael Andersen (Danish journalist) · Direct quote · Rests on: Interview with Michael Andersen, Radio Azattyq, 2022-05-10");
    expect(md).toContain("· About: 2022");
    expect(EXPORT_FORMATS.html.render(bundle)).toContain("Reader comment (not the author&#39;s claim)");
  });

  it("W3C records speaker and origin with PROV terms, and an import reads them back", () => {
    const doc = JSON.parse(EXPORT_FORMATS.w3c.render(bundle, { bodies: new Map([[SOURCE_001.id, { body: SOURCE_001.body, sections: [] }]]) }));
    const andersen = doc.first.items.find((a: { id: string }) => a.id === "urn:claim:c-andersen");
    expect(andersen["prov:wasAttributedTo"]).toEqual({ type: "prov:Agent", name: "Michael Andersen", "cp:role": "Danish journalist" });
    expect(andersen["prov:wasQuotedFrom"]).toMatchObject({ id: "urn:reference:ref1", "dcterms:title": reference.title });
    const comment = doc.first.items.find((a: { id: string }) => a.id === "urn:claim:c-comment");
    expect(comment["prov:wasAttributedTo"]).toBeUndefined();
    const back = parseW3cImport(doc);
    if (!back.ok) throw new Error(back.error);
    expect(back.data.claims.map((c) => c.provenance)).toEqual([
      { speaker: null, attribution: "READER_COMMENT", restsOn: null, claimDate: null },
      {
        speaker: { name: "Michael Andersen", role: "Danish journalist" }, attribution: "DIRECT_QUOTE",
        restsOn: { kind: "reference", ...reference }, claimDate: { start: "2022-01-01", end: "2022-12-31", precision: "YEAR" },
      },
    ]);
  });

  it("W3C import refuses an unknown attribution type and a date that is not a date", () => {
    const doc = JSON.parse(EXPORT_FORMATS.w3c.render(bundle, { bodies: new Map([[SOURCE_001.id, { body: SOURCE_001.body, sections: [] }]]) }));
    doc.first.items[0]["cp:attribution"] = "RUMOUR";
    expect(parseW3cImport(doc)).toMatchObject({ ok: false, error: expect.stringMatching(/cp:attribution/) });
    doc.first.items[0]["cp:attribution"] = "REPORTED";
    doc.first.items[0]["cp:claimDate"] = { "cp:start": "2022-02-30", "cp:end": "2022-03-01", "cp:precision": "DAY" };
    expect(parseW3cImport(doc)).toMatchObject({ ok: false, error: expect.stringMatching(/cp:start/) });
  });

  it("the registered ClaimReview export expands as JSON-LD with author and temporal coverage", async () => {
    const offline = async (url: string) => { throw new Error(`remote context requested: ${url}`); };
    const expanded = (await jsonld.expand(JSON.parse(EXPORT_FORMATS.claimreview.render(bundle)), { documentLoader: offline as never })) as Record<string, any>[];
    const S = "https://schema.org/";
    const andersen = expanded.find((n) => n["@id"] === "urn:claim:c-andersen")!;
    expect(andersen[`${S}author`][0][`${S}name`][0]["@value"]).toBe("Michael Andersen");
    expect(andersen[`${S}temporalCoverage`][0]["@value"]).toBe("2022");
    expect(andersen[`${S}firstAppearance`][0][`${S}name`][0]["@value"]).toBe(reference.title);
    const comment = expanded.find((n) => n["@id"] === "urn:claim:c-comment")!;
    expect(comment[`${S}author`]).toBeUndefined();
    expect(JSON.stringify(comment)).not.toContain(AUTHOR);
  });
});
