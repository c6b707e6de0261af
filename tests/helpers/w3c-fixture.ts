// Two corpus sources, their claims (one whose quote no longer matches) and links, exported as W3C: shared by the export and import tests.
import type { ClaimRecord, LinkRecord, SourceDoc } from "@/lib/types";
import { buildExportBundle } from "@/lib/export/model";
import { renderW3c, type W3cOptions } from "@/lib/export/w3c";
import { parseW3cImport } from "@/lib/import/w3c";
import { claimOn, SOURCE_001, SOURCE_003 } from "./corpus";

// ---------------------------------------------------------------- fixture from the real corpus

export const QUOTE_001 = "a CSTO mission of more than 2,000 troops was deployed";
export const QUOTE_003 = "after 2,500 of its troops entered Kazakhstan";

export const s1 = SOURCE_001;
export const s3: SourceDoc = {
  ...SOURCE_003,
  suggestedTitle: "CSTO after Kazakhstan",
  url: null,
  sections: [{ kind: "comments", start: 8000, end: 8500, label: "Reader comments" }],
};

// clm3 is orphaned: the source was corrected and its last quote is no longer in the text.
export const stale = claimOn("clm3", s3, "“helped stabilize”", "OPINION", "scare quotes");
export const claims: ClaimRecord[] = [
  claimOn("clm1", s1, QUOTE_001, "FACT", "Government figure; see also <b>TASS</b>"),
  claimOn("clm2", s3, QUOTE_003, "FACT", ""),
  { ...stale, orphaned: true, quote: "“helped to stabilise”", end: stale.start + "“helped to stabilise”".length },
];

export const links: LinkRecord[] = [
  { id: "lnk1", fromId: "clm1", toId: "clm2", relation: "CONTRADICTS", note: "2,000 vs 2,500", authorName: "Aigerim", createdAt: "2026-11-22T08:00:00.000Z" },
  { id: "lnk2", fromId: "clm3", toId: "clm2", relation: "REFINES", note: "", authorName: "Daniyar", createdAt: "2026-11-22T08:05:00.000Z" },
];

export const bundle = buildExportBundle({ generatedAt: "2026-11-23T12:00:00.000Z", sources: [s1, s3], claims, links });
export const bodies: W3cOptions["bodies"] = new Map([s1, s3].map((s) => [s.id, { body: s.body, sections: s.sections }]));

export type Json = Record<string, any>;
export const exported = (options: W3cOptions = { bodies }): Json => JSON.parse(renderW3c(bundle, options)) as Json;

export function refusal(doc: unknown): string {
  const result = parseW3cImport(doc);
  if (result.ok) throw new Error("expected the document to be refused");
  return result.error;
}
