// Sentences of the corpus the figure tests read, and small helpers over extractQuantities.
import { readdirSync } from "node:fs";
import { expect } from "vitest";
import type { Quantity } from "@/lib/quantities/scan";
import { extractQuantities } from "@/lib/quantities/scan";
import { unitFamily } from "@/lib/quantities/units";
import { corpus, corpusDir } from "./corpus";

export const corpusFiles = readdirSync(corpusDir).filter((f) => f.endsWith(".txt")).sort();
export const read = corpus;

/** The sentence of a corpus file containing `needle`, cut at sentence punctuation. */
export function sentenceWith(file: string, needle: string): string {
  const text = read(file);
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`${needle} not in ${file}`);
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n")) + 1;
  const stop = text.slice(at).search(/\.(\s|$)/);
  return text.slice(start, at + stop + 1).trim();
}

// The four figures for the January 2022 CSTO deployment to Kazakhstan, one per source.
export const KZ = {
  essay: sentenceWith("000_dfd454984cb772b8.txt", "3,000"),
  caravanserai: sentenceWith("001_368f92058b86ed85.txt", "2,000"),
  counterpunch: sentenceWith("003_87eb5ab265d9726a.txt", "2,500"),
  eurasia: sentenceWith("004_438cc6c4c90e1221.txt", "4000"),
};

export function only(text: string): Quantity {
  const qs = extractQuantities(text);
  expect(qs, `quantities in: ${text}`).toHaveLength(1);
  return qs[0]!;
}

export function troopCount(sentence: string): Quantity {
  const q = extractQuantities(sentence).find((x) => unitFamily(x.unit) === "troops");
  expect(q, sentence).toBeDefined();
  return q!;
}
