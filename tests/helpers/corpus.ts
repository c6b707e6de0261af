// The corpus articles as the tests read them, and two of them as export sources.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ClaimRecord, SourceDoc } from "@/lib/types";

export const corpusDir = path.resolve(__dirname, "../../data/corpus");

export const corpus = (file: string) => readFileSync(path.join(corpusDir, file), "utf8");

export const SOURCE_001: SourceDoc = {
  id: "src001",
  title: "Doubts grow over CSTO membership in wake of Russia's war in Ukraine",
  suggestedTitle: null,
  author: "Kanat Altynbayev",
  publisher: "Caravanserai",
  url: null,
  publishedDate: null,
  approxDate: "2022-05",
  body: corpus("001_368f92058b86ed85.txt"),
  sections: [],
};

export const SOURCE_003: SourceDoc = {
  id: "src003",
  title: "Why It's Time to Take the Russian-Led Military Alliance Seriously",
  suggestedTitle: null,
  author: null,
  publisher: "CounterPunch (produced by Globetrotter)",
  url: "https://www.counterpunch.org/",
  publishedDate: null,
  approxDate: "2022",
  body: corpus("003_87eb5ab265d9726a.txt"),
  sections: [],
};

/** A claim on the first occurrence of `quote` in the source, with 32 characters of context. */
export function claimOn(id: string, src: SourceDoc, quote: string, kind: ClaimRecord["kind"], note: string): ClaimRecord {
  const start = src.body.indexOf(quote);
  if (start < 0) throw new Error(`quote not in ${src.id}`);
  const end = start + quote.length;
  return {
    id, sourceId: src.id, start, end, quote,
    prefix: src.body.slice(Math.max(0, start - 32), start),
    suffix: src.body.slice(end, end + 32),
    kind, note, orphaned: false, authorName: "Aigerim",
    createdAt: "2026-11-20T09:00:00.000Z", updatedAt: "2026-11-21T10:30:00.000Z",
  };
}

/** A corpus text's paragraphs (blank-line separated), each on one line with spacing collapsed. */
export const corpusParagraphs = (file: string): string[] =>
  corpus(file)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
