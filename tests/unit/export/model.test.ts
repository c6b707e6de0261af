import { describe, expect, it } from "vitest";
import { paragraphIndex } from "@/lib/anchoring/paragraphs";
import { SENTENCE_001, SENTENCE_003, s1, s3, claims, bundle } from "../../helpers/export-fixture";
import { chunksToStream } from "@/lib/export/model";

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

describe("chunksToStream", () => {
  async function readAll(chunks: Parameters<typeof chunksToStream>[0]): Promise<Uint8Array[]> {
    const reader = chunksToStream(chunks).getReader();
    const parts: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return parts;
      parts.push(value);
    }
  }

  it("writes the chunks' UTF-8 bytes in buffers of at most 64 KB, whatever the chunks' sizes", async () => {
    const chunks = ["", "a", "é✓😀".repeat(30_000), "x".repeat(70_000), ...Array.from({ length: 3_000 }, (_, i) => `line ${i} 😀\n`)];
    const parts = await readAll(chunks);
    expect(Math.max(...parts.map((p) => p.byteLength))).toBeLessThanOrEqual(64 * 1024);
    expect(Buffer.concat(parts).toString("utf8")).toBe(chunks.join(""));
  });

  it("writes a batch's pieces in order, empty pieces and empty batches included", async () => {
    const chunks = ["head\n", ["a’,", "", "b\n"], [], ["", ""], ["x".repeat(70_000), "é✓😀".repeat(30_000)], "", ["end\n"]];
    const parts = await readAll(chunks);
    expect(Math.max(...parts.map((p) => p.byteLength))).toBeLessThanOrEqual(64 * 1024);
    expect(Buffer.concat(parts).toString("utf8")).toBe(chunks.flat().join(""));
  });
});
