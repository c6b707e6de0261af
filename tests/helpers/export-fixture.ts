// Claims on two corpus articles, with links, notes that look like markup and formulas: the bundle every export format test renders.
import type { ClaimRecord, LinkRecord, SourceDoc } from "@/lib/types";
import { buildExportBundle, type ExportClaim } from "@/lib/export/model";
import { claimOn, SOURCE_001, SOURCE_003 } from "./corpus";

// ---------------------------------------------------------------- fixture from the real corpus

export const SENTENCE_001 =
  "Led by Russia, a CSTO mission of more than 2,000 troops was deployed after armed clashes between the government's foes and security forces and a looting spree trashed parts of the largest city, Almaty.";
export const SENTENCE_003 =
  "The Russian-led military alliance, the Collective Security Treaty Organization (CSTO), created headlines in January 2022 after 2,500 of its troops entered Kazakhstan to assist in restoring order during anti-government protests in the country.";
export const OPINION_003 = "For many political observers, the intervention in Kazakhstan was the CSTO’s first notableoperation";

export const NOTE_WITH_MARKUP = "Counts differ: *2,000* vs [2,500](http://example.org) <script>alert(1)</script> & `code`";
export const NOTE_FORMULA = '=HYPERLINK("http://evil.example","click")';

export function makeFixture() {
  const s1 = SOURCE_001;
  const s3 = SOURCE_003;
  const claim = claimOn;
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
