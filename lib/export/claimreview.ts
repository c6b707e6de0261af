// schema.org ClaimReview-style JSON-LD: each claim a schema.org `Claim` with its speaker (`author`),
// the period it is about (`temporalCoverage`), where it appears and where it first appeared.
// The @context is written inline (schema.org as @vocab), not as the URL "https://schema.org":
// the file then expands to the same IRIs with no network fetch of the remote context.
import type { DatePrecision } from "../quantities/dates";
import { citationDate, displayTitle, type SourceMeta } from "../types";
import type { ExportBundle } from "./model";
import { recordIri } from "./w3c";

export const SCHEMA_ORG = "https://schema.org/";
export const CLAIMREVIEW_CONTEXT = { "@vocab": SCHEMA_ORG, url: { "@type": "@id" } } as const;

export interface ClaimReviewSpeaker {
  name: string;
  role?: string | null;
  /** Unknown speakers are written without a type rather than guessed as a person. */
  kind?: "Person" | "Organization" | null;
}

/** A creative work a claim appears in: a source of the app or an outside reference. */
export interface ClaimReviewWork {
  title: string;
  url?: string | null;
  /** ISO date, full or partial ("2022-05"). */
  date?: string | null;
  publisher?: string | null;
  author?: string | null;
}

export interface ClaimReviewClaim {
  id: string;
  quote: string;
  speaker: ClaimReviewSpeaker | null;
  claimDate: { start: string; end: string; precision: DatePrecision } | null;
  appearance: ClaimReviewWork;
  firstAppearance: ClaimReviewWork | null;
}

type Node = Record<string, unknown>;

/** Drops null and undefined members, so absent facts are left out rather than written as null. */
function compact(node: Node): Node {
  return Object.fromEntries(Object.entries(node).filter(([, v]) => v !== null && v !== undefined));
}

function speakerNode(s: ClaimReviewSpeaker): Node {
  // schema.org has jobTitle for a person; an organisation's role is its description.
  return compact({ "@type": s.kind ?? undefined, name: s.name, [s.kind === "Organization" ? "description" : "jobTitle"]: s.role ?? undefined });
}

function workNode(w: ClaimReviewWork): Node {
  return compact({
    "@type": "CreativeWork",
    name: w.title,
    url: w.url,
    datePublished: w.date,
    publisher: w.publisher ? { "@type": "Organization", name: w.publisher } : null,
    author: w.author ? { name: w.author } : null,
  });
}

/** ISO 8601 at the claim date's precision: "2022-01-06", "2022-01", "2022", or "start/end". */
export function temporalCoverage(d: { start: string; end: string; precision: DatePrecision }): string {
  const cut = d.precision === "day" ? 10 : d.precision === "month" ? 7 : 4;
  const start = d.start.slice(0, cut);
  const end = d.end.slice(0, cut);
  return start === end ? start : `${start}/${end}`;
}

/** The ClaimReview input for the export model's claims: the speaker (none for a reader comment,
 *  never the article's author), the source as appearance, what it rests on as first appearance. */
export function claimReviewClaims(bundle: ExportBundle): ClaimReviewClaim[] {
  const sources = new Map(bundle.sources.map((s) => [s.id, s]));
  const work = (s: SourceMeta, readerComment: boolean): ClaimReviewWork => ({
    title: displayTitle(s), url: s.url, date: citationDate(s), publisher: s.publisher, author: readerComment ? null : s.author,
  });
  return bundle.claims.map((c) => {
    const r = c.prov.restsOn;
    const origin = r?.kind === "source" ? sources.get(r.id) : r?.kind === "claim" ? sources.get(r.sourceId) : undefined;
    return {
      id: c.id,
      quote: c.quote,
      speaker: c.prov.speaker ? { name: c.prov.speaker.name, role: c.prov.speaker.role } : null,
      claimDate: c.prov.claimDate ? { ...c.prov.claimDate, precision: c.prov.claimDate.precision.toLowerCase() as DatePrecision } : null,
      appearance: work(c.source, c.prov.attribution === "READER_COMMENT"),
      firstAppearance: r?.kind === "reference"
        ? { title: r.reference.title, url: r.reference.url, date: r.reference.date, publisher: r.reference.publisher }
        : origin ? work(origin, false) : r ? { title: r.label } : null,
    };
  });
}

/** The JSON-LD document. Cost: one node per claim. */
export function renderClaimReview(claims: readonly ClaimReviewClaim[], options: { baseUrl?: string } = {}): Node {
  return {
    "@context": CLAIMREVIEW_CONTEXT,
    "@graph": claims.map((c) =>
      compact({
        "@id": recordIri("claim", c.id, options.baseUrl),
        "@type": "Claim",
        text: c.quote,
        author: c.speaker ? speakerNode(c.speaker) : null,
        temporalCoverage: c.claimDate ? temporalCoverage(c.claimDate) : null,
        appearance: workNode(c.appearance),
        firstAppearance: c.firstAppearance ? workNode(c.firstAppearance) : null,
      }),
    ),
  };
}
