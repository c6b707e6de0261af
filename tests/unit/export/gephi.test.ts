import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { collectChunks } from "@/lib/export/model";
import { gephiEdgesChunks, gephiNodesChunks, renderGephiEdges, renderGephiNodes } from "@/lib/export/gephi";
import { SENTENCE_001, s1, claims, bundle } from "../../helpers/export-fixture";

describe("gephi", () => {
  it("writes a nodes table Gephi recognises", () => {
    const text = renderGephiNodes(bundle.claims);
    expect(text.startsWith("Id,Label,source,kind,quote,orphaned,speaker,attribution,rests_on,claim_date\n")).toBe(true);
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
    expect(await collectChunks(gephiEdgesChunks(scoped))).toBe(renderGephiEdges(scoped));
    expect(await collectChunks(gephiNodesChunks(bundle.claims))).toBe(renderGephiNodes(bundle.claims));
  });
});
