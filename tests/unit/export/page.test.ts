// Claims in a PDF-born source are cited with their page in every format that cites places.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS } from "@/lib/export/registry";
import { buildExportBundle, collectChunks } from "@/lib/export/model";
import { renderCsv } from "@/lib/export/csv";
import { renderCslJson } from "@/lib/export/csl";
import { renderMarkdown } from "@/lib/export/markdown";
import type { SourceDoc } from "@/lib/types";


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
