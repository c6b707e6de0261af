// English words (the word-list package, ~274,000 words), read once on first use: ~3 MB, ~100 ms.
import { readFileSync } from "node:fs";
import wordListPath from "word-list";

let words: Set<string> | null = null;

export function isEnglishWord(word: string): boolean {
  words ??= new Set(readFileSync(wordListPath, "utf8").split("\n"));
  return words.has(word.toLowerCase());
}
