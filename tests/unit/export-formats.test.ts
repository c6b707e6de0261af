import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import { describe, expect, it } from "vitest";
import type { ClaimRecord, LinkRecord, SourceDoc } from "@/lib/types";
import { buildExportBundle, collectChunks, type ExportBundle, type ExportClaim } from "@/lib/export/model";
import { CSV_COLUMNS, csvChunks, renderCsv } from "@/lib/export/csv";
import { gephiEdgesChunks, gephiNodesChunks, renderGephiEdges, renderGephiNodes } from "@/lib/export/gephi";
import { escapeMarkdown, renderMarkdown } from "@/lib/export/markdown";
import { renderHtml } from "@/lib/export/html";
import { citationKeys, parseAuthorNames, renderCslJson, sourcesToBibtex, sourcesToCsl } from "@/lib/export/csl";
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, exportFileName, slugify } from "@/lib/export";
import { paragraphIndex } from "@/lib/anchoring/paragraphs";

// ---------------------------------------------------------------- fixture from the real corpus

const corpus = (file: string) => readFileSync(path.join(__dirname, "../../data/corpus", file), "utf8");

const SENTENCE_001 =
  "Led by Russia, a CSTO mission of more than 2,000 troops was deployed after armed clashes between the government's foes and security forces and a looting spree trashed parts of the largest city, Almaty.";
const SENTENCE_003 =
  "The Russian-led military alliance, the Collective Security Treaty Organization (CSTO), created headlines in January 2022 after 2,500 of its troops entered Kazakhstan to assist in restoring order during anti-government protests in the country.";
const OPINION_003 = "For many political observers, the intervention in Kazakhstan was the CSTO’s first notableoperation";

const NOTE_WITH_MARKUP = "Counts differ: *2,000* vs [2,500](http://example.org) <script>alert(1)</script> & `code`";
const NOTE_FORMULA = '=HYPERLINK("http://evil.example","click")';

function makeFixture() {
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
    suggestedTitle: null,
    author: null,
    publisher: "CounterPunch (produced by Globetrotter)",
    url: "https://www.counterpunch.org/",
    publishedDate: null,
    approxDate: "2022",
    body: corpus("003_87eb5ab265d9726a.txt"),
    sections: [],
  };
  const claim = (id: string, src: SourceDoc, quote: string, kind: ClaimRecord["kind"], note: string): ClaimRecord => {
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
  };
  const claims = [
    claim("clm1", s1, SENTENCE_001, "FACT", NOTE_WITH_MARKUP),
    claim("clm2", s3, SENTENCE_003, "FACT", ""),
    claim("clm3", s3, OPINION_003, "OPINION", NOTE_FORMULA),
  ];
  const links: LinkRecord[] = [
    { id: "lnk1", fromId: "clm1", toId: "clm2", relation: "CONTRADICTS", note: "2,000 vs 2,500", authorName: "Aigerim", createdAt: "2026-11-22T08:00:00.000Z" },
    { id: "lnk2", fromId: "clm3", toId: "clm2", relation: "SUPPORTS", note: "", authorName: "Aigerim", createdAt: "2026-11-22T08:05:00.000Z" },
  ];
  const bundle = buildExportBundle({ generatedAt: "2026-11-23T12:00:00.000Z", sources: [s1, s3], claims, links });
  return { s1, s3, claims, links, bundle };
}

const { s1, s3, claims, bundle } = makeFixture();

function manyClaims(n: number): ExportClaim[] {
  const base = bundle.claims[0]!;
  return Array.from({ length: n }, (_, i) => ({ ...base, id: `bulk${i}`, note: i % 7 === 0 ? `-${i} dropped` : `note ${i}` }));
}

// ---------------------------------------------------------------- model

describe("export model", () => {
  it("finds the troop-count sentences and numbers their paragraphs", () => {
    const [c1, c2] = bundle.claims;
    expect(s1.body.slice(c1!.start, c1!.end)).toBe(SENTENCE_001);
    expect(s3.body.slice(c2!.start, c2!.end)).toBe(SENTENCE_003);
    // 003 opens with a masthead line and the title, so the claim is in its third paragraph.
    expect(c2!.paragraph).toBe(3);
    expect(c1!.paragraph).toBe(paragraphIndex(s1.body)(c1!.start));
  });

  it("gives each claim its links in both directions", () => {
    const byId = new Map(bundle.claims.map((c) => [c.id, c]));
    expect(byId.get("clm1")!.links).toEqual([{ linkId: "lnk1", otherClaimId: "clm2", relation: "CONTRADICTS", direction: "out", note: "2,000 vs 2,500" }]);
    expect(byId.get("clm2")!.links.map((l) => `${l.direction}:${l.relation}:${l.otherClaimId}`)).toEqual(["in:CONTRADICTS:clm1", "in:SUPPORTS:clm3"]);
    expect(bundle.sources[0]).not.toHaveProperty("body");
  });
});

// ---------------------------------------------------------------- CSV

describe("csv", () => {
  const text = renderCsv(bundle.claims);
  const rows = parse(text, { columns: true, bom: true }) as Record<string, string>[];

  it("has the header and one row per claim, readable by csv-parse", () => {
    expect(text.startsWith("\uFEFFid,source_id,")).toBe(true);
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
  });

  it("keeps quotes, offsets and citation fields exact", () => {
    const [r1, r2] = rows;
    expect(r1).toMatchObject({
      id: "clm1", source_id: "src001", source_title: s1.title, author: "Kanat Altynbayev", publisher: "Caravanserai",
      date: "2022-05", kind: "FACT", quote: SENTENCE_001, note: NOTE_WITH_MARKUP,
      start: String(claims[0]!.start), end: String(claims[0]!.end), paragraph: String(bundle.claims[0]!.paragraph),
      linked_claims: "CONTRADICTS:clm2", created_by: "Aigerim", created_at: "2026-11-20T09:00:00.000Z",
    });
    expect(s3.body.slice(Number(r2!.start), Number(r2!.end))).toBe(r2!.quote);
    expect(r2).toMatchObject({ author: "", publisher: "CounterPunch (produced by Globetrotter)", date: "2022", linked_claims: "<CONTRADICTS:clm1; <SUPPORTS:clm3" });
  });

  it("defuses spreadsheet formulas with a leading apostrophe", () => {
    expect(rows[2]!.note).toBe(`'${NOTE_FORMULA}`);
    const tricky = bundle.claims.map((c, i) => ({ ...c, note: ["+1", "@SUM(A1)", "\tx"][i]! }));
    const notes = (parse(renderCsv(tricky, { bom: false }), { columns: true }) as Record<string, string>[]).map((r) => r.note);
    expect(notes).toEqual(["'+1", "'@SUM(A1)", "'\tx"]);
  });

  it("writes only the header for no claims", () => {
    expect(renderCsv([], { bom: false })).toBe(`${CSV_COLUMNS.join(",")}\n`);
  });

  it("streams the same bytes, from sync and async sources", async () => {
    expect(await collectChunks(csvChunks(bundle.claims))).toBe(text);
    async function* slowly() {
      for (const c of bundle.claims) yield c;
    }
    expect(await collectChunks(csvChunks(slowly()))).toBe(text);
  });

  it("streams 10,000 claims in bounded chunks", async () => {
    const many = manyClaims(10_000);
    const chunks: string[] = [];
    for await (const chunk of csvChunks(many)) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(500 * 1000);
    const joined = chunks.join("");
    expect(joined).toBe(renderCsv(many));
    const parsed = parse(joined, { columns: true, bom: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(10_000);
    expect(parsed[9_999]!.id).toBe("bulk9999");
    expect(parsed[7]!.note).toBe("'-7 dropped");
    expect(parsed.every((r) => r.quote === SENTENCE_001)).toBe(true);
  });
});

// ---------------------------------------------------------------- Gephi

describe("gephi", () => {
  it("writes a nodes table Gephi recognises", () => {
    const text = renderGephiNodes(bundle.claims);
    expect(text.startsWith("Id,Label,source,kind,quote\n")).toBe(true);
    const nodes = parse(text, { columns: true }) as Record<string, string>[];
    expect(nodes.map((n) => n.Id)).toEqual(["clm1", "clm2", "clm3"]);
    expect(nodes[0]).toMatchObject({ source: s1.title, kind: "FACT", quote: SENTENCE_001 });
    expect(nodes[0]!.Label.length).toBeLessThanOrEqual(60);
    expect(SENTENCE_001.startsWith(nodes[0]!.Label.replace(/…$/, ""))).toBe(true);
  });

  it("writes directed edges labelled with the relation, only within scope", async () => {
    const edges = parse(renderGephiEdges(bundle), { columns: true }) as Record<string, string>[];
    expect(edges).toEqual([
      { Id: "lnk1", Source: "clm1", Target: "clm2", Type: "Directed", Label: "CONTRADICTS", Weight: "1" },
      { Id: "lnk2", Source: "clm3", Target: "clm2", Type: "Directed", Label: "SUPPORTS", Weight: "1" },
    ]);
    const scoped = { claims: bundle.claims.slice(0, 2), links: bundle.links };
    expect((parse(renderGephiEdges(scoped), { columns: true }) as unknown[]).length).toBe(1);
    expect(await collectChunks(gephiEdgesChunks(bundle.links, new Set(["clm1", "clm2"])))).toBe(renderGephiEdges(scoped));
    expect(await collectChunks(gephiNodesChunks(bundle.claims))).toBe(renderGephiNodes(bundle.claims));
  });
});

// ---------------------------------------------------------------- Markdown

describe("markdown", () => {
  const md = renderMarkdown(bundle, { title: "Kazakhstan deployment" });
  const p1 = bundle.claims[0]!.paragraph;

  it("groups by source with inline citations and references", () => {
    expect(md).toMatch(/^# Kazakhstan deployment\n/);
    expect(md).toContain("3 claims from 2 sources");
    expect(md).toContain(
      `1. **FACT.** “${SENTENCE_001}” (Kanat Altynbayev, *Doubts grow over CSTO membership in wake of Russia's war in Ukraine*, Caravanserai, May 2022, ¶${p1})`,
    );
    expect(md).toContain(`2. **FACT.** “${SENTENCE_003}” (*Why It's Time to Take the Russian-Led Military Alliance Seriously*, CounterPunch (produced by Globetrotter), 2022, ¶3)`);
    expect(md).toContain("## [1] Doubts grow over CSTO membership");
    expect(md.indexOf("## [1]")).toBeLessThan(md.indexOf("## [2]"));
    expect(md).toContain("   - Contradicts claim 2: “The Russian-led military alliance");
    expect(md).toContain("   - Contradicted by claim 1:");
    expect(md).toContain("## References\n\n1. Altynbayev, Kanat (May 2022). *Doubts grow over CSTO membership in wake of Russia's war in Ukraine.* Caravanserai.");
    expect(md).toContain("2. *Why It's Time to Take the Russian-Led Military Alliance Seriously.* (2022). CounterPunch (produced by Globetrotter). <https://www.counterpunch.org/>");
  });

  it("escapes markdown in user text", () => {
    expect(md).toContain("Note: Counts differ: \\*2,000\\* vs \\[2,500\\](http://example.org) \\<script\\>alert(1)\\</script\\> \\& \\`code\\`");
    expect(md).not.toContain("<script>");
    expect(escapeMarkdown("a_b *c* [d](e) | ~f~ $x$ #1\nnext")).toBe("a\\_b \\*c\\* \\[d\\](e) \\| \\~f\\~ \\$x\\$ \\#1 next");
  });
});

// ---------------------------------------------------------------- HTML

describe("html", () => {
  const html = renderHtml(bundle, { title: "Kazakhstan <deployment>" });

  it("is a standalone document", () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain("<style>");
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
    expect(html).toContain("<title>Kazakhstan &lt;deployment&gt;</title>");
  });

  it("escapes a <script> note and all other user text", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("Note: Counts differ: *2,000* vs [2,500](http://example.org) &lt;script&gt;alert(1)&lt;/script&gt; &amp; `code`");
    expect(html).toContain("Doubts grow over CSTO membership in wake of Russia&#39;s war in Ukraine");
    const evil = buildExportBundle({
      generatedAt: bundle.generatedAt,
      sources: [{ ...s1, url: "javascript:alert(1)", title: '"><img src=x onerror=alert(1)>' }],
      claims: [claims[0]!],
      links: [],
    });
    const out = renderHtml(evil);
    expect(out).not.toContain("<img");
    expect(out).not.toContain('href="javascript');
  });

  it("quotes each claim with its kind and citation, then lists references", () => {
    const p1 = bundle.claims[0]!.paragraph;
    expect(html).toContain(
      `<span class="kind kind-FACT">FACT</span><q>Led by Russia, a CSTO mission of more than 2,000 troops was deployed after armed clashes between the government&#39;s foes and security forces and a looting spree trashed parts of the largest city, Almaty.</q> <span class="citation">(Kanat Altynbayev, <i>Doubts grow over CSTO membership in wake of Russia&#39;s war in Ukraine</i>, Caravanserai, May 2022, ¶${p1})</span>`,
    );
    expect(html).toContain('<a href="#claim-clm2">claim 2</a>');
    expect(html).toMatch(/<h2>References<\/h2>\n<ol class="references">\n<li id="ref-1">Altynbayev, Kanat \(May 2022\)\./);
    expect(html).toContain('<a href="https://www.counterpunch.org/">');
  });
});

// ---------------------------------------------------------------- CSL-JSON and BibTeX

describe("csl and bibtex", () => {
  it("writes CSL-JSON that citation-js reads back", () => {
    const items = JSON.parse(renderCslJson(bundle.sources)) as Record<string, unknown>[];
    const data = new Cite(items).data;
    expect(data).toHaveLength(2);
    expect(data[0]).toMatchObject({
      id: "src001",
      type: "article-newspaper",
      title: s1.title,
      author: [{ family: "Altynbayev", given: "Kanat" }],
      "container-title": "Caravanserai",
      publisher: "Caravanserai",
      issued: { "date-parts": [[2022, 5]] },
    });
    expect(data[1]).toMatchObject({ title: s3.title, issued: { "date-parts": [[2022]] }, URL: "https://www.counterpunch.org/" });
    expect(data[1]).not.toHaveProperty("author");
    const apa = new Cite(items).format("bibliography", { format: "text", template: "apa" });
    expect(apa).toContain("Altynbayev, K. (2022, May). Doubts grow over CSTO membership in wake of Russia’s war in Ukraine. Caravanserai.");
  });

  it("falls back to the suggested title and picks the type from what is known", () => {
    const [a, b] = sourcesToCsl([
      { ...s1, id: "x", title: null, suggestedTitle: "Suggested", publisher: null, url: "https://e.org/a" },
      { ...s1, id: "y", publisher: " ", url: null, publishedDate: "2022-05-16" },
    ]);
    expect(a).toMatchObject({ title: "Suggested", type: "webpage", URL: "https://e.org/a" });
    expect(b).toMatchObject({ type: "document", issued: { "date-parts": [[2022, 5, 16]] } });
    expect(b).not.toHaveProperty("container-title");
  });

  it("writes BibTeX that citation-js parses back, with stable unique keys", () => {
    const bib = sourcesToBibtex(bundle.sources);
    expect(bib).toContain("@article{altynbayev2022doubts,");
    expect(bib).toContain("@article{counterpunch2022why,");
    const back = new Cite(bib).data;
    expect(back.map((d) => d["citation-key"])).toEqual(["altynbayev2022doubts", "counterpunch2022why"]);
    expect(back[0]).toMatchObject({ title: s1.title, author: [{ family: "Altynbayev", given: "Kanat" }], issued: { "date-parts": [[2022, 5]] } });
    expect(back[1]).toMatchObject({ title: s3.title, "container-title": "CounterPunch (produced by Globetrotter)", issued: { "date-parts": [[2022]] } });

    const twin = { ...bundle.sources[0]!, id: "src001-copy" };
    const keys = citationKeys([bundle.sources[0]!, twin]);
    expect(new Set(keys.values()).size).toBe(2);
    expect(citationKeys([twin, bundle.sources[0]!])).toEqual(keys);
    expect(keys.get("src001")).toMatch(/^altynbayev2022doubts_[a-z0-9]{5}$/);
    expect(citationKeys(bundle.sources).get("src001")).toBe("altynbayev2022doubts");
  });

  it("parses bylines into CSL names", () => {
    expect(parseAuthorNames("By Kanat Altynbayev")).toEqual([{ family: "Altynbayev", given: "Kanat" }]);
    expect(parseAuthorNames("Altynbayev, Kanat")).toEqual([{ family: "Altynbayev", given: "Kanat" }]);
    expect(parseAuthorNames("Anna Smith, Bob Jones and Carla de la Cruz")).toEqual([
      { family: "Smith", given: "Anna" },
      { family: "Jones", given: "Bob" },
      { family: "Cruz", given: "Carla", "non-dropping-particle": "de la" },
    ]);
    expect(parseAuthorNames("Martin Luther King Jr.")).toEqual([{ family: "King", given: "Martin Luther", suffix: "Jr." }]);
    expect(parseAuthorNames("Reuters Staff")).toEqual([{ literal: "Reuters Staff" }]);
    expect(parseAuthorNames(null)).toEqual([]);
  });
});

// ---------------------------------------------------------------- registry and file names

describe("export registry", () => {
  it("renders and streams every format identically", async () => {
    for (const name of EXPORT_FORMAT_NAMES) {
      const f = EXPORT_FORMATS[name];
      const text = f.render(bundle as ExportBundle, { title: "Scope" });
      expect(text.length, name).toBeGreaterThan(20);
      expect(await collectChunks(f.stream(bundle, { title: "Scope" })), name).toBe(text);
      expect(f.contentType).toMatch(/\//);
    }
  });

  it("names files after the scope and date, ASCII only", () => {
    const day = new Date("2026-11-23T10:00:00Z");
    expect(exportFileName("csv", "Kazakhstan deployment", day)).toBe("claims-kazakhstan-deployment-2026-11-23.csv");
    expect(exportFileName("bibtex", "Kazakhstan deployment", "2026-11-23")).toBe("references-kazakhstan-deployment-2026-11-23.bib");
    expect(exportFileName("gephi-edges", null, day)).toBe("claims-2026-11-23-gephi-edges.csv");
    expect(exportFileName("w3c", "Ça/va? «ОДКБ» Қазақстан", day)).toBe("claims-ca-va-odkb-qazaqstan-2026-11-23-annotations.jsonld");
    expect(slugify("a".repeat(30) + " " + "b".repeat(40))).toBe("a".repeat(30));
    expect(exportFileName("markdown", "日本語", day)).toBe("claims-2026-11-23.md");
  });
});

// ---------------------------------------------------------------- a PDF-born source cites its page

describe("a claim in a PDF-born source", () => {
  const body = "Title\n\nFirst paragraph on page one.\n\nSecond paragraph, on page two, says 2,500 troops came.\n\nThird, still page two.";
  const pageTwo = body.indexOf("Second");
  const source: SourceDoc = {
    id: "pdf1", title: "A report", suggestedTitle: null, author: "Ann Writer", publisher: null, url: null,
    publishedDate: "2023-02-01", approxDate: null, body, sections: [],
    pageMap: [{ page: 1, start: 0, end: pageTwo }, { page: 2, start: pageTwo, end: body.length }],
  };
  const quote = "2,500 troops came";
  const start = body.indexOf(quote);
  const bundle = buildExportBundle({
    generatedAt: "2026-12-01T00:00:00.000Z",
    sources: [source],
    claims: [{ id: "c1", sourceId: "pdf1", start, end: start + quote.length, quote, prefix: "", suffix: "", kind: "FACT", note: "", orphaned: false, authorName: "r", createdAt: "2026-12-01T00:00:00.000Z", updatedAt: "2026-12-01T00:00:00.000Z" }],
    links: [],
  });

  it("is cited with its page in CSV, CSL-JSON, Markdown and W3C", async () => {
    expect(bundle.claims[0]).toMatchObject({ page: 2, paragraph: 3, location: "p. 2, ¶3" });
    const [row] = parse(renderCsv(bundle.claims), { columns: true, bom: true }) as Record<string, string>[];
    expect(row!.page).toBe("2");
    expect(JSON.parse(renderCslJson(bundle.sources, bundle.citedPages))[0].page).toBe("2");
    expect(renderMarkdown(bundle)).toContain("(Ann Writer, *A report*, 1 February 2023, p. 2, ¶3)");
    const w3c = JSON.parse(await collectChunks(EXPORT_FORMATS.w3c.stream(bundle, {})));
    const annotation = (w3c.first?.items ?? w3c.items).find((a: { motivation: string }) => a.motivation === "describing");
    expect(annotation.target.selector).toContainEqual({ type: "FragmentSelector", conformsTo: "http://tools.ietf.org/rfc/rfc3778", value: "page=2" });
  });

  it("a source without a page map has no page", () => {
    const plain = buildExportBundle({ ...{ generatedAt: "x", links: [] }, sources: [{ ...source, pageMap: null }], claims: bundle.claims });
    expect(plain.claims[0]).toMatchObject({ page: null, location: "¶3" });
    expect(plain.citedPages.size).toBe(0);
  });
});
