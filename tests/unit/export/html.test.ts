import { describe, expect, it } from "vitest";
import { buildExportBundle } from "@/lib/export/model";
import { renderHtml } from "@/lib/export/html";
import { s1, claims, bundle } from "../../helpers/export-fixture";

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
