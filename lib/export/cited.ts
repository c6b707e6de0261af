// The structure the Markdown and HTML cited lists share, so the two formats cannot drift apart:
// sources numbered in reading order, claims numbered across the whole list (so a link can say
// "claim 3"), and each link resolved to the other claim when it is in the export.

import type { ClaimKind, SourceMeta } from "../types";
import { invertedName, parseAuthorNames } from "./csl";
import { relationPhrase } from "../labels";
import { isReaderComment, provenanceSentence } from "./provenance";
import { citationParts, groupBySource, type ExportBundle } from "./model";

export interface CitedLink {
  phrase: string;
  otherClaimId: string;
  /** Null when the other claim is outside this export. */
  other: { number: number; quote: string; title: string; paragraph: number } | null;
  note: string;
}

export interface CitedClaim {
  id: string;
  number: number;
  kind: ClaimKind;
  quote: string;
  note: string;
  paragraph: number;
  orphaned: boolean;
  /** Cited as a reader comment: the article's author is left out of its citation. */
  readerComment: boolean;
  /** "Said by: … · Direct quote · Rests on: … · About: …" (plain text; each format escapes it). */
  provenance: string;
  links: CitedLink[];
}

export interface CitedSource {
  number: number;
  source: SourceMeta;
  citation: ReturnType<typeof citationParts>;
  /** Authors as "Family, Given" for the reference list, or null. */
  referenceAuthors: string | null;
  claims: CitedClaim[];
}

export function citedList(bundle: ExportBundle): CitedSource[] {
  const groups = groupBySource(bundle);
  const numberOf = new Map<string, number>();
  let n = 0;
  for (const g of groups) for (const c of g.claims) numberOf.set(c.id, ++n);
  const byId = new Map(bundle.claims.map((c) => [c.id, c]));

  return groups.map((g, i) => ({
    number: i + 1,
    source: g.source,
    citation: citationParts(g.source),
    referenceAuthors: parseAuthorNames(g.source.author).map(invertedName).join("; ") || null,
    claims: g.claims.map((c) => ({
      id: c.id,
      number: numberOf.get(c.id)!,
      kind: c.kind,
      quote: c.quote,
      note: c.note,
      paragraph: c.paragraph,
      orphaned: c.orphaned,
      readerComment: isReaderComment(c.prov),
      provenance: provenanceSentence(c.prov),
      links: c.links.map((l) => {
        const other = byId.get(l.otherClaimId);
        return {
          phrase: relationPhrase(l.relation, l.direction),
          otherClaimId: l.otherClaimId,
          other: other
            ? { number: numberOf.get(other.id)!, quote: other.quote, title: citationParts(other.source).title, paragraph: other.paragraph }
            : null,
          note: l.note,
        };
      }),
    })),
  }));
}

/** Appends a full stop unless the text already ends a sentence. */
export function sentence(text: string): string {
  return /[.!?…]["'”’)]*$/.test(text) ? text : `${text}.`;
}

/** Only http(s) URLs become links: a javascript: or data: URL stays inert text. */
export function isWebUrl(url: string | null): boolean {
  return !!url && /^https?:\/\/[^\s<>"]+$/i.test(url.trim());
}

export function countLabel(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
