// The corpus with its metadata and flagged sections, located as the seed locates them: real
// passages for the provenance tests (tests/helpers/corpus.ts reads the texts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { locateSections } from "@/lib/server/sources";
import type { SourceSection } from "@/lib/types";
import { corpus, corpusDir } from "./corpus";

const META = JSON.parse(readFileSync(path.join(corpusDir, "sources.json"), "utf8")) as {
  sources: { file: string; author: string | null; publisher: string | null; approxDate: string | null; sections?: { kind: "comments"; startsAt: string; label: string }[] }[];
};

export interface CorpusSource {
  file: string;
  body: string;
  author: string | null;
  publisher: string | null;
  approxDate: string | null;
  sections: SourceSection[];
}

/** The corpus source whose file name starts with `prefix` ("001"). */
export function corpusSource(prefix: string): CorpusSource {
  const meta = META.sources.find((s) => s.file.startsWith(prefix));
  if (!meta) throw new Error(`no corpus file ${prefix}`);
  const body = corpus(meta.file);
  return { ...meta, body, sections: locateSections(body, meta.sections ?? []) };
}

/** Offsets of the first occurrence of `quote` in the body (the test fails loudly when the text is not there). */
export function spanOf(body: string, quote: string, after = 0): { start: number; end: number } {
  const start = body.indexOf(quote, after);
  if (start < 0) throw new Error(`not in the corpus: ${quote}`);
  return { start, end: start + quote.length };
}
