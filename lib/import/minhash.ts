// A compact signature per text, so near-duplicates are found by an indexed lookup instead of by
// reading every stored text (lib/import/similarity.ts then confirms the few candidates exactly).
//
// Signature: MinHash of the text's word 5-shingles (the same shingles similarity.ts compares),
// SIGNATURE_SIZE = 128 hash functions. For two texts with shingle Jaccard J, each position of
// their signatures agrees with probability J.
// Lookup (LSH): the signature is cut into BANDS = 64 bands of ROWS = 2 values; each band is one
// 64-bit key, stored per source in an indexed table. Two texts become candidates when any band
// agrees, with probability P(J) = 1 − (1 − J²)^64:
//   J = 0.50 (the Jaccard threshold)                     P ≈ 1 − 1e-8   (false negatives ~1e-8)
//   J = 0.36 (containment 0.8, longer text 2× the shorter) P ≈ 0.9999 (false negatives ~1e-4)
//   J = 0.19 (containment 0.8, longer text 4× the shorter) P ≈ 0.905  (false negatives ~10 %)
//   J = 0.01 (two unrelated articles on one topic)         P ≈ 0.006  (a wasted exact check)
// So Jaccard near-duplicates are practically never missed; a short copy inside a text more than
// about three times its length can be (it is then a quotation more than a copy).
// Cost: O(words × SIGNATURE_SIZE) multiplications per text, once, when it is stored; a lookup is
// BANDS index probes, independent of the number of stored sources.
import { wordsOf, SHINGLE_WORDS } from "./similarity";

export const SIGNATURE_SIZE = 128;
export const ROWS_PER_BAND = 2;
export const BANDS = SIGNATURE_SIZE / ROWS_PER_BAND;

/** murmur3's 32-bit finaliser: a fast, well-mixed permutation of 32-bit integers. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a of a word's UTF-16 code units, mixed. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return mix32(h >>> 0);
}

// Fixed seeds, so signatures stored today match signatures computed tomorrow. Changing them (or
// the sizes above, or the hash) means re-signing every source: a migration that clears
// Source.minhash. Hash function i is x ↦ (A[i]·x + B[i]) mod 2³², A[i] odd, over shingle hashes
// that are already well mixed: one multiplication per value instead of mix32's two.
const MULTIPLIERS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32((i + 1) * 0x9e3779b9) | 1);
const ADDENDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32((i + 1) * 0x85ebca6b + 7));

/** One 32-bit hash per distinct word 5-shingle (a text shorter than five words is one shingle). */
export function shingleHashes(text: string): Uint32Array {
  return shingleHashesOfWords(wordsOf(text));
}

/** As shingleHashes, from the words similarity.wordsOf gave (so a caller needing both splits once). */
export function shingleHashesOfWords(wordList: readonly string[]): Uint32Array {
  const words = wordList.map(wordHash);
  const size = SHINGLE_WORDS;
  const count = words.length === 0 ? 0 : Math.max(1, words.length - size + 1);
  const hashes = new Set<number>();
  for (let i = 0; i < count; i++) {
    let h = 0x2545f491;
    for (let k = i; k < Math.min(i + size, words.length); k++) h = mix32((h ^ words[k]!) + k - i);
    hashes.add(h);
  }
  return Uint32Array.from(hashes);
}

/** The MinHash signature: for each seed, the least of the mixed shingle hashes. Empty text: all 0xffffffff. */
export function minhashSignature(text: string): Uint32Array {
  return minhashOfWords(wordsOf(text));
}

export function minhashOfWords(words: readonly string[]): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of shingleHashesOfWords(words)) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = (Math.imul(h, MULTIPLIERS[i]!) + ADDENDS[i]!) >>> 0;
      if (v < signature[i]!) signature[i] = v;
    }
  }
  return signature;
}

/** The share of agreeing positions: an estimate of the shingle Jaccard (±0.09 at 2σ for J = 0.5). */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** Band i's key: its ROWS_PER_BAND values as one signed 64-bit integer (PostgreSQL's BIGINT). */
export function bandKeys(signature: Uint32Array): bigint[] {
  const keys: bigint[] = [];
  for (let band = 0; band < BANDS; band++) {
    const hi = BigInt(signature[band * ROWS_PER_BAND]!);
    const lo = BigInt(signature[band * ROWS_PER_BAND + 1]!);
    keys.push(BigInt.asIntN(64, (hi << 32n) | lo));
  }
  return keys;
}

/** Probability that two texts of shingle Jaccard j share at least one band (become candidates). */
export function candidateProbability(j: number): number {
  return 1 - (1 - j ** ROWS_PER_BAND) ** BANDS;
}

/** Stored form (PostgreSQL INTEGER[]): the same bits as signed 32-bit integers. */
export function signatureToInts(signature: Uint32Array): number[] {
  return Array.from(new Int32Array(signature.buffer, signature.byteOffset, signature.length));
}
