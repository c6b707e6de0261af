import { readFileSync } from "node:fs";

/** A corpus text's paragraphs (blank-line separated), each on one line with spacing collapsed. */
export const corpusParagraphs = (file: string): string[] =>
  readFileSync(`data/corpus/${file}`, "utf8")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
