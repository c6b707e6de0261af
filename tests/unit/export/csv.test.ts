import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { collectChunks } from "@/lib/export/model";
import { stringify } from "csv-stringify/sync";
import { CSV_COLUMNS, csvChunks, csvText, renderCsv } from "@/lib/export/csv";
import { SENTENCE_001, NOTE_WITH_MARKUP, NOTE_FORMULA, s1, s3, claims, bundle, manyClaims } from "../../helpers/export-fixture";

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

describe("csvText", () => {
  it("writes the bytes csv-stringify writes, formula prefixes and quoting included", () => {
    const cells = ["", "plain", "a,b", 'say "hi"', "two\nlines", "cr\rhere", "=SUM(A1)", "+1", "-x", "@a", "\tt", "\rr", "\uFF1Dx", "\uFF0Bx", "\uFF0Dx", "\uFF20x", '=a,"b"', "émoji ✓", "'quoted"];
    const rows: (string | number | null)[][] = [cells, [0, -3, 12.5, null, "x"], ["only"]];
    for (const escape of [true, false]) {
      const expected = stringify(rows.map((r) => r.map((c) => c ?? "")), { escape_formulas: escape });
      expect(csvText(rows, escape)).toBe(expected);
    }
  });
});
