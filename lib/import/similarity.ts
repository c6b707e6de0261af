// Duplicate and near-duplicate texts (the same story syndicated, a later version of it).
//
// Measure: word 5-shingles (every run of five consecutive words, after lower-casing and dropping
// punctuation), compared two ways:
//   - Jaccard |A ∩ B| / |A ∪ B|: how much of both texts is shared;
//   - containment |A ∩ B| / min(|A|, |B|): how much of the shorter text is inside the longer one
//     (a syndicated copy cut short, or the same story with reader comments added).
// Thresholds: near-duplicate when Jaccard ≥ 0.5 or containment ≥ 0.8 (the shorter text having at
// least 20 shingles, so a shared paragraph or two is not enough). Across the five corpus articles,
// all on the CSTO, the largest Jaccard is below 0.01; one edited sentence removes up to five
// shingles, so a copy with a new headline and a handful of edited sentences stays above 0.8.
// Duplicate: the same words in the same order (case, punctuation and spacing aside); refused.
// Cost: O(words) per text to shingle, O(min(|A|, |B|)) per comparison.
import { createHash } from "node:crypto";

export const SHINGLE_WORDS = 5;
export const NEAR_DUPLICATE_JACCARD = 0.5;
export const NEAR_DUPLICATE_CONTAINMENT = 0.8;
const MIN_SHINGLES_FOR_CONTAINMENT = 20;

/** The text's words, lower-cased, in order (letters and digits; apostrophes inside words kept). */
export function wordsOf(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

export function shingles(text: string, size = SHINGLE_WORDS): Set<string> {
  const words = wordsOf(text);
  const result = new Set<string>();
  if (words.length > 0 && words.length < size) result.add(words.join(" "));
  for (let i = 0; i + size <= words.length; i++) result.add(words.slice(i, i + size).join(" "));
  return result;
}

/** A key equal for two texts exactly when they are duplicates: fit for a unique index. */
export function duplicateKey(text: string): string {
  return duplicateKeyOfWords(wordsOf(text));
}

export function duplicateKeyOfWords(words: readonly string[]): string {
  return createHash("sha256").update(words.join(" ")).digest("hex");
}

export interface Similarity {
  jaccard: number;
  containment: number;
}

export function similarity(a: Set<string>, b: Set<string>): Similarity {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  const union = a.size + b.size - shared;
  return { jaccard: union === 0 ? 0 : shared / union, containment: small.size === 0 ? 0 : shared / small.size };
}

export type Resemblance = { kind: "duplicate" } | ({ kind: "near-duplicate" | "distinct" } & Similarity);

/** A text's duplicate key and shingles, computed once when it is compared with several others. */
export interface PreparedText {
  key: string;
  shingles: Set<string>;
}

export function prepareText(text: string): PreparedText {
  return { key: duplicateKey(text), shingles: shingles(text) };
}

export function compareTexts(a: string | PreparedText, b: string | PreparedText): Resemblance {
  const [pa, pb] = [typeof a === "string" ? prepareText(a) : a, typeof b === "string" ? prepareText(b) : b];
  if (pa.key === pb.key) return { kind: "duplicate" };
  const [sa, sb] = [pa.shingles, pb.shingles];
  const measured = similarity(sa, sb);
  const containmentCounts = Math.min(sa.size, sb.size) >= MIN_SHINGLES_FOR_CONTAINMENT;
  const near = measured.jaccard >= NEAR_DUPLICATE_JACCARD || (containmentCounts && measured.containment >= NEAR_DUPLICATE_CONTAINMENT);
  return { kind: near ? "near-duplicate" : "distinct", ...measured };
}
