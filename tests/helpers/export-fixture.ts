// Claims on two corpus articles, with links, notes that look like markup and formulas: the bundle every export format test renders.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ClaimRecord, LinkRecord, SourceDoc } from "@/lib/types";
import { buildExportBundle, type ExportClaim } from "@/lib/export/model";

// ---------------------------------------------------------------- fixture from the real corpus

export const corpus = (file: string) => readFileSync(path.join(__dirname, "../../data/corpus", file), "utf8");

export const SENTENCE_001 =
  "Led by Russia, a CSTO mission of more than 2,000 troops was deployed after armed clashes between the government's foes and security forces and a looting spree trashed parts of the largest city, Almaty.";
export const SENTENCE_003 =
  "The Russian-led military alliance, the Collective Security Treaty Organization (CSTO), created headlines in January 2022 after 2,500 of its troops entered Kazakhstan to assist in restoring order during anti-government protests in the country.";
export const OPINION_003 = "For many political observers, the intervention in Kazakhstan was the CSTO’s first notableoperation";

export const NOTE_WITH_MARKUP = "Counts differ: *2,000* vs [2,500](http://example.org) <script>alert(1)</script> & `code`";
export const NOTE_FORMULA = '=HYPERLINK("http://evil.example","click")';

export function makeFixture() {
  const s1: SourceDoc = {
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
  const s3: SourceDoc = {
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
  const claim = (id: string, src: SourceDoc, quote: string, kind: ClaimRecord["kind"], note: string): ClaimRecord => {
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
  };
  const claims = [
    claim("clm1", s1, SENTENCE_001, "FACT", NOTE_WITH_MARKUP),
    claim("clm2", s3, SENTENCE_003, "FACT", ""),
    claim("clm3", s3, OPINION_003, "OPINION", NOTE_FORMULA),
  ];
  const links: LinkRecord[] = [
    { id: "lnk1", fromId: "clm1", toId: "clm2", relation: "CONTRADICTS", note: "2,000 vs 2,500", authorName: "Aigerim", createdAt: "2026-11-22T08:00:00.000Z" },
    { id: "lnk2", fromId: "clm3", toId: "clm2", relation: "SUPPORTS", note: "", authorName: "Aigerim", createdAt: "2026-11-22T08:05:00.000Z" },
  ];
  const bundle = buildExportBundle({ generatedAt: "2026-11-23T12:00:00.000Z", sources: [s1, s3], claims, links });
  return { s1, s3, claims, links, bundle };
}

export const { s1, s3, claims, bundle } = makeFixture();

export function manyClaims(n: number): ExportClaim[] {
  const base = bundle.claims[0]!;
  return Array.from({ length: n }, (_, i) => ({ ...base, id: `bulk${i}`, note: i % 7 === 0 ? `-${i} dropped` : `note ${i}` }));
}
