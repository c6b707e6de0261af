import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parseW3cImport } from "@/lib/import/w3c";
import { buildExportBundle, ORPHANED_NOTICE } from "@/lib/export/model";
import { EXPORT_FORMATS } from "@/lib/export/registry";
import type { ClaimRecord, SourceDoc } from "@/lib/types";

// Issue 19: every format flags orphaned claims and carries the same quote.
const body = "First paragraph.\nThe mission had 2,000 troops. More text follows here.\n";
const source: SourceDoc = {
  id: "src1", title: "A source", suggestedTitle: null, author: null, publisher: null, url: null,
  publishedDate: "2022-01-10", approxDate: null, body, sections: [],
};
const spanned = " The mission had 2,000 troops. ";
const start = body.indexOf(spanned.trim()) - 1;
const base = { sourceId: "src1", kind: "FACT" as const, note: "", authorName: "ana", createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z" };
const claims: ClaimRecord[] = [
  // Selected with the newline before it and the space after it.
  { ...base, id: "c1", start: start, end: start + spanned.length, quote: "\n" + spanned.slice(1), prefix: "First paragraph.", suffix: "More text follows here.\n", orphaned: false },
  { ...base, id: "c2", start: 0, end: 16, quote: "A sentence that is gone", prefix: "", suffix: "", orphaned: true },
];
const bundle = buildExportBundle({ generatedAt: "2026-01-02T00:00:00.000Z", sources: [source], claims, links: [] });
const render = (format: keyof typeof EXPORT_FORMATS) => EXPORT_FORMATS[format].render(bundle, { title: "Scope", bom: false });

describe("orphaned claims in every format", () => {
  it("CSV and Gephi nodes have an orphaned column", () => {
    for (const format of ["csv", "gephi-nodes"] as const) {
      const rows = parse(render(format), { columns: true }) as Record<string, string>[];
      expect(rows.map((r) => r.orphaned), format).toEqual(["false", "true"]);
    }
  });

  it("Markdown and HTML say so under the orphaned claim only", () => {
    for (const format of ["markdown", "html"] as const) {
      const text = render(format);
      expect(text.split(ORPHANED_NOTICE), format).toHaveLength(2);
      expect(text.indexOf(ORPHANED_NOTICE), format).toBeGreaterThan(text.indexOf("A sentence that is gone"));
    }
  });

  it("W3C says so in a body any client shows, and the import still reads it as orphaned", () => {
    const doc = JSON.parse(render("w3c"));
    const [fresh, orphan] = doc.first.items as { body: { purpose: string; value: string }[]; "cp:orphaned"?: boolean }[];
    expect(orphan!["cp:orphaned"]).toBe(true);
    expect(orphan!.body.find((b) => b.purpose === "assessing")?.value).toContain(ORPHANED_NOTICE);
    expect(fresh!.body.some((b) => b.purpose === "assessing")).toBe(false);
    const plan = parseW3cImport(doc);
    expect(plan.ok && plan.data.claims.map((c) => [c.id, c.orphaned])).toEqual([["c1", false], ["c2", true]]);
  });
});

describe("the same quote in every format", () => {
  const quote = "The mission had 2,000 troops.";

  it("CSV, Gephi, Markdown and HTML carry the quote without surrounding whitespace", () => {
    expect((parse(render("csv"), { columns: true }) as Record<string, string>[])[0]!.quote).toBe(quote);
    expect((parse(render("gephi-nodes"), { columns: true }) as Record<string, string>[])[0]!.quote).toBe(quote);
    expect(render("markdown")).toContain(`“${quote}”`);
    expect(render("html")).toContain(`<q>${quote}</q>`);
  });

  it("W3C keeps the stored span in its selector, so the file re-imports unchanged", () => {
    const item = JSON.parse(render("w3c")).first.items[0];
    const exact = item.target.selector.find((s: { type: string }) => s.type === "TextQuoteSelector").exact;
    expect(exact).toBe(claims[0]!.quote);
    expect(exact.trim()).toBe(quote);
  });
});
