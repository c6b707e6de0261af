// The MinHash/LSH signature that finds near-duplicate candidates (lib/import/minhash.ts), checked
// on the corpus texts: every near-duplicate variant shares a band with its original (no false
// negative), the five distinct articles do not, and the observed candidate rate matches the
// stated P(J) = 1 − (1 − J²)^64.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BANDS, bandKeys, candidateProbability, estimatedJaccard, minhashSignature, shingleHashes, signatureToInts, SIGNATURE_SIZE } from "@/lib/import/minhash";
import { compareTexts, shingles } from "@/lib/import/similarity";

const files = ["000_dfd454984cb772b8.txt", "001_368f92058b86ed85.txt", "002_98b48e446e185cb4.txt", "003_87eb5ab265d9726a.txt", "004_438cc6c4c90e1221.txt"];
const corpus = files.map((f) => readFileSync(`data/corpus/${f}`, "utf8"));

const sharesBand = (a: string, b: string) => {
  const [ka, kb] = [bandKeys(minhashSignature(a)), bandKeys(minhashSignature(b))];
  return ka.some((k, band) => kb[band] === k);
};

/** Near-duplicate variants of a text: edited sentences, cut short, comments added, a headline added. */
function variants(text: string): string[] {
  const sentences = text.split(/(?<=[.!?])\s+/);
  const edited = sentences.map((s, i) => (i % 7 === 3 ? s.replace(/\b(\w+)\b/, "Indeed $1") : s)).join(" ");
  const cut = text.slice(0, Math.floor(text.length * 0.6));
  const withComments = `${text}\n\nComments\n\n${sentences.slice(0, 5).reverse().join(" ")} Great article, thanks for writing it.`;
  return [edited, cut, withComments, `Breaking: a new headline\n\n${text}`];
}

describe("MinHash signature", () => {
  it("has a fixed size, depends only on the words, and round-trips through signed integers", () => {
    const text = corpus[0]!;
    const sig = minhashSignature(text);
    expect(sig).toHaveLength(SIGNATURE_SIZE);
    expect(bandKeys(sig)).toHaveLength(BANDS);
    expect(minhashSignature(text.toUpperCase().replace(/ /g, "  "))).toEqual(sig);
    expect(Uint32Array.from(signatureToInts(sig).map((v) => v >>> 0))).toEqual(sig);
  });

  it("hashes each distinct 5-shingle once, like the exact comparison counts them", () => {
    for (const text of corpus) expect(shingleHashes(text).length).toBe(shingles(text).size);
  });

  it("estimates Jaccard close to the exact value", () => {
    for (const text of corpus) {
      for (const v of variants(text)) {
        const exact = compareTexts(text, v);
        if (exact.kind === "duplicate") continue;
        expect(Math.abs(estimatedJaccard(minhashSignature(text), minhashSignature(v)) - exact.jaccard)).toBeLessThan(0.15);
      }
    }
  });
});

describe("LSH candidates", () => {
  it("finds every near-duplicate variant of every corpus text (no false negative on 20 pairs)", () => {
    let pairs = 0;
    for (const text of corpus) {
      for (const v of variants(text)) {
        expect(compareTexts(text, v).kind).not.toBe("distinct");
        expect(sharesBand(text, v)).toBe(true);
        pairs++;
      }
    }
    expect(pairs).toBe(20);
  });

  it("does not make the five distinct corpus articles candidates of each other", () => {
    for (let i = 0; i < corpus.length; i++) {
      for (let j = i + 1; j < corpus.length; j++) {
        expect(compareTexts(corpus[i]!, corpus[j]!).kind).toBe("distinct");
        expect(sharesBand(corpus[i]!, corpus[j]!)).toBe(false);
      }
    }
  });

  it("states its false-negative rates: ~1e-8 at Jaccard 0.5, ~1e-4 at 0.36, ~10 % at 0.19", () => {
    expect(1 - candidateProbability(0.5)).toBeLessThan(2e-8);
    expect(1 - candidateProbability(0.36)).toBeLessThan(2e-4);
    expect(1 - candidateProbability(0.19)).toBeCloseTo(0.095, 2);
    expect(candidateProbability(0.01)).toBeLessThan(0.01);
  });

  it("observes about the stated candidate rate on corpus pairs of known Jaccard", () => {
    // Article 004 against its first k% (Jaccard ≈ k): 40 cuts around 0.2, where P(J) is ~0.9.
    const text = corpus[4]!;
    const words = text.split(" ");
    let expected = 0;
    let found = 0;
    for (let n = 0; n < 40; n++) {
      const part = words.slice(n, n + Math.floor(words.length * 0.2)).join(" ");
      const exact = compareTexts(text, part);
      if (exact.kind === "duplicate") continue;
      expected += candidateProbability(exact.jaccard);
      if (sharesBand(text, part)) found++;
    }
    // Binomial with n = 40: within 4 standard deviations (±~8) of the expected count.
    expect(Math.abs(found - expected)).toBeLessThan(8);
  });
});
