import { describe, expect, it } from "vitest";
import { escapeMarkdown, renderMarkdown } from "@/lib/export/markdown";
import { SENTENCE_001, SENTENCE_003, claims, bundle } from "../../helpers/export-fixture";

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
