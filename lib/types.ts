// Plain domain shapes shared by lib/, routes and components: everything here may be imported
// by the browser. No Prisma or React types, so pure modules (anchoring, export, quantities)
// stay testable without a database.
import type { PageRange } from "./import/pdf/types";
import type { ProjectRole } from "./roles";
import type { Range } from "./provenance/text-window";
import type { ClaimDateSuggestion } from "./provenance/claim-date";

export const CLAIM_KINDS = ["FACT", "OPINION", "PREDICTION"] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const LINK_RELATIONS = ["CONTRADICTS", "SUPPORTS", "REFINES"] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

/** A flagged range of a source's body, e.g. reader comments that are not the author's claims. */
export interface SourceSection {
  kind: "comments";
  start: number;
  end: number;
  label: string;
}

export interface SourceMeta {
  id: string;
  title: string | null;
  suggestedTitle: string | null;
  author: string | null;
  publisher: string | null;
  url: string | null;
  /** Exact publication date, ISO yyyy-mm-dd, when known. */
  publishedDate: string | null;
  /** Partial ISO date ("2022", "2022-05") when only an approximate date is known. */
  approxDate: string | null;
}

export interface SourceDoc extends SourceMeta {
  body: string;
  sections: SourceSection[];
  /** PDF-born sources: the body range each page covers (lib/import/pdf/page-map.ts); null otherwise. */
  pageMap?: PageRange[] | null;
}

/** Offsets are UTF-16 code units into the source's plain-text body, end exclusive. */
export interface ClaimRecord {
  id: string;
  sourceId: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  kind: ClaimKind;
  note: string;
  orphaned: boolean;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  /** Who asserts it, how, what it rests on, when it is about (absent on records made before provenance). */
  provenance?: ClaimProvenance;
}

export interface LinkRecord {
  id: string;
  fromId: string;
  toId: string;
  relation: LinkRelation;
  note: string;
  authorName: string;
  createdAt: string;
}

// Views lib/server/* returns and client components show.

export interface ClaimLinkSummary {
  linkId: string;
  otherClaimId: string;
  otherSourceId: string;
  otherQuote: string;
  relation: LinkRelation;
  direction: "out" | "in";
  note: string;
}

export interface ClaimView extends ClaimRecord {
  version: number;
  authorId: string;
  deleted: boolean;
  links: ClaimLinkSummary[];
  /** What the researcher reading may do with it (GET /api/claims/:id only): the editor opens
   *  read-only with the reason rather than with controls that fail on save. */
  viewer?: ClaimViewerRights;
}

export interface ClaimViewerRights {
  /** Re-tag, re-span, note, attribute, delete. */
  mayChange: boolean;
  /** Link it to other claims (anyone signed in, or the single-user researcher). */
  mayLink: boolean;
  /** Why not, in words for the editor; null when both are allowed. */
  reason: string | null;
}

/** What the reader needs to paint and list a source's claims; the editor loads the whole claim
 *  (links, history) when one is opened. Under half a ClaimView's size (198 KB against 408 KB
 *  for 1,000 claims in npm run bench), so a source with a thousand claims opens fast. */
export interface ReaderClaim {
  id: string;
  start: number;
  end: number;
  kind: ClaimKind;
  quote: string;
  note: string;
  authorName: string;
  version: number;
  linkCount: number;
  /** Its words are gone from the corrected text: listed apart, never painted. */
  orphaned: boolean;
  /** Who says it (null for a reader comment or nobody named) and how: the claim card shows them. */
  speaker: { name: string; role: string | null } | null;
  attributionType: AttributionType;
  restsOn: RestsOnView | null;
}

/** The fields of a reader claim that most claims leave at their usual value. */
type ReaderClaimExtras = Partial<Pick<ReaderClaim, "quote" | "note" | "linkCount" | "orphaned" | "speaker" | "attributionType" | "restsOn">>;

/** A source's reader claims as its page sends them: a column per field instead of an object per
 *  claim, author names once, and only the values that differ from the usual ones (among them the
 *  quote, where the text at the claim's offsets is not the quote: the page sends the text once).
 *  The payload is a JSON string in a script, so every key and quote is written escaped: as objects
 *  with every field, 1,000 claims took 379 KB of a 616 KB page and 10,000 claims 4.4 MB of page. */
export interface SentReaderClaims {
  ids: string[];
  starts: number[];
  ends: number[];
  /** Index in CLAIM_KINDS. */
  kinds: number[];
  authorNames: string[];
  /** Index in authorNames. */
  authors: number[];
  versions: number[];
  /** By claim index: the fields that differ from their usual value. */
  extras: Record<number, ReaderClaimExtras>;
}

/** `body`: the source's text, as the page sends it. Cost: O(n) for n claims. */
export function sendReaderClaims(claims: readonly ReaderClaim[], body: string): SentReaderClaims {
  const sent: SentReaderClaims = { ids: [], starts: [], ends: [], kinds: [], authorNames: [], authors: [], versions: [], extras: {} };
  const authorIndex = new Map<string, number>();
  claims.forEach((c, i) => {
    sent.ids.push(c.id);
    sent.starts.push(c.start);
    sent.ends.push(c.end);
    sent.kinds.push(CLAIM_KINDS.indexOf(c.kind));
    let author = authorIndex.get(c.authorName);
    if (author === undefined) authorIndex.set(c.authorName, (author = sent.authorNames.push(c.authorName) - 1));
    sent.authors.push(author);
    sent.versions.push(c.version);
    const extras: ReaderClaimExtras = {};
    if (c.orphaned || body.slice(c.start, c.end) !== c.quote) extras.quote = c.quote;
    if (c.note) extras.note = c.note;
    if (c.linkCount) extras.linkCount = c.linkCount;
    if (c.orphaned) extras.orphaned = true;
    if (c.speaker) extras.speaker = c.speaker;
    if (c.attributionType !== "OWN_VOICE") extras.attributionType = c.attributionType;
    if (c.restsOn) extras.restsOn = c.restsOn;
    if (Object.keys(extras).length) sent.extras[i] = extras;
  });
  return sent;
}

/** The claims back, every field named in one order: the reader's loops see one object shape. */
export function receivedReaderClaims(sent: SentReaderClaims, body: string): ReaderClaim[] {
  return sent.ids.map((id, i) => {
    const [start, end] = [sent.starts[i]!, sent.ends[i]!];
    const x = sent.extras[i] ?? {};
    return {
      id, start, end, kind: CLAIM_KINDS[sent.kinds[i]!]!, quote: x.quote ?? body.slice(start, end), note: x.note ?? "",
      authorName: sent.authorNames[sent.authors[i]!]!, version: sent.versions[i]!, linkCount: x.linkCount ?? 0,
      orphaned: x.orphaned ?? false, speaker: x.speaker ?? null, attributionType: x.attributionType ?? "OWN_VOICE", restsOn: x.restsOn ?? null,
    };
  });
}

/** A link between two claims as the compare view draws it: the claims' quotes and the rest of
 *  each claim are in the columns, sent once (a ClaimView repeats the other claim's quote in each link). */
export interface LinkBetween {
  id: string;
  fromId: string;
  toId: string;
  relation: LinkRelation;
}

/** One compare column as the page sends it: the source and its claims as the reader gets them. */
export interface SentCompareColumn {
  source: SourceDoc;
  claims: SentReaderClaims;
}

export interface HistoryEntry {
  id: number;
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
  actorName: string | null;
  createdAt: string;
}

export interface ClusterSummary {
  id: string;
  name: string;
  note: string;
  memberCount: number;
  createdAt: string;
}

export interface ImportSummary {
  sources: { created: number; reused: number };
  claims: { created: number; unchanged: number };
  links: { created: number; unchanged: number };
}

/** Title shown to people: the real title, else the suggested one, else a placeholder. */
export function displayTitle(s: Pick<SourceMeta, "title" | "suggestedTitle">): string {
  return s.title ?? s.suggestedTitle ?? "Untitled source";
}

/** The date a citation should carry: the exact date, else the approximate one. */
export function citationDate(s: Pick<SourceMeta, "publishedDate" | "approxDate">): string | null {
  return s.publishedDate ?? s.approxDate;
}

/** How a source carries a claim (the AttributionType enum of the database; lib/provenance/attribution.ts). */
export const ATTRIBUTION_TYPES = ["OWN_VOICE", "DIRECT_QUOTE", "PARAPHRASE", "REPORTED", "ANONYMOUS", "READER_COMMENT"] as const;
export type AttributionType = (typeof ATTRIBUTION_TYPES)[number];

export const DATE_PRECISION_VALUES = ["DAY", "MONTH", "YEAR"] as const;
export type DatePrecisionValue = (typeof DATE_PRECISION_VALUES)[number];

export interface SpeakerView {
  id: string;
  name: string;
  role: string | null;
  aliases: string[];
}

export interface ExternalReferenceView {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  /** yyyy-mm-dd */
  date: string | null;
}

/** What a claim rests on, with the words to show it. */
export type RestsOnView =
  | { kind: "claim"; id: string; label: string; sourceId: string }
  | { kind: "source"; id: string; label: string }
  | { kind: "reference"; id: string; label: string; reference: ExternalReferenceView };

export interface ClaimDateView {
  /** yyyy-mm-dd, inclusive */
  start: string;
  end: string;
  precision: DatePrecisionValue;
}

export interface ClaimProvenance {
  speaker: SpeakerView | null;
  attributionType: AttributionType;
  restsOn: RestsOnView | null;
  claimDate: ClaimDateView | null;
}

/** A node of the provenance graph: a claim, a source or an outside reference (key "kind:id"). */
export interface ProvenanceNode {
  key: string;
  kind: "claim" | "source" | "reference";
  id: string;
  label: string;
  /** Source title and speaker of a claim; publisher and date of a reference. */
  detail: string;
  /** Columns from the reporting claims (0) to the earliest known origins. */
  depth: number;
}

export interface ProvenanceGraphView {
  nodes: ProvenanceNode[];
  /** from rests on to, by node key */
  edges: { from: string; to: string }[];
  /** Each chain as node keys, the reporting claim first and the earliest known origin last. */
  chains: string[][];
  summary: { claims: number; sources: number; origins: number; sentence: string };
}

/** A speaker and attribution read from the words around a claim (lib/provenance/attribution-phrases.ts). */
export interface AttributionSuggestion {
  /** Null when the text names nobody: an anonymous group, an unresolved "he said", a bare quotation. */
  speakerName: string | null;
  /** The speaker's role or title ("Danish journalist based in Kyiv"); for ANONYMOUS, the unnamed group. */
  role?: string;
  attributionType: AttributionType;
  /** What the claim may rest on: the reporting party of "according to X", the agency of a photo credit. */
  originHint?: string;
  /** The phrase in the body the suggestion comes from (UTF-16 offsets, end exclusive). */
  evidence: Range;
}

/** One-click suggestions for a claim's provenance (GET /api/claims/:id/provenance-suggestions). */
export interface ProvenanceSuggestions {
  attributions: (AttributionSuggestion & {
    /** The kept speaker the name refers to, else null (accepting makes one). */
    speaker: SpeakerView | null;
    /** A source in the app the origin hint names (by publisher, author or title), else null. */
    originSource: { id: string; title: string } | null;
  })[];
  dates: ClaimDateSuggestion[];
}

/** A source resembling an uploaded one (word 5-shingles: Jaccard ≥ 0.5 or containment ≥ 0.8). */
export interface NearDuplicate {
  id: string;
  title: string;
  jaccard: number;
  containment: number;
}

/** POST /api/sources/upload's answer for an added file. */
export interface UploadedSource {
  source: SourceMeta;
  /** What the file said about itself (title, author, publisher, yyyy-mm-dd date, URL), offered for confirmation. */
  metadata: { title: string | null; author: string | null; publisher: string | null; date: string | null; url: string | null };
  warnings: string[];
  nearDuplicates: NearDuplicate[];
}

/** A source as the overview's pictures name it: S1, S2 … in the overview's source order. */
export interface OverviewSource {
  id: string;
  title: string;
}

/** A source as the overview's pictures name it: "S<number>", its place in the project's source
 *  list (1 for the first), so S7 is the same source in every picture however they are cut. */
export interface NumberedSource extends OverviewSource {
  number: number;
}

/** The overview's source × source heat map of one relation. counts[i][j]: links of the relation
 *  between claims of sources i and j, either direction (symmetric; the diagonal counts links
 *  within one source). */
export interface SourcePairMatrix {
  relation: "CONTRADICTS" | "SUPPORTS";
  /** In the source list's order. */
  sources: NumberedSource[];
  counts: number[][];
  /** How many sources there are in all; more than `sources.length` when the picture is cut to
   *  the sources with the most links of the relation (lib/server/stats.ts ranks them). */
  ofSources: number;
  /** How many sources have at least one link of the relation, drawn or not. */
  linkedSources: number;
}

/** A claim in the overview's claims-and-links graph, placed by lib/overview/graph-layout.ts. */
export interface ClaimGraphNode {
  id: string;
  sourceId: string;
  kind: ClaimKind;
  quote: string;
  x: number;
  y: number;
}

export interface ClaimGraphEdge {
  id: string;
  fromId: string;
  toId: string;
  relation: LinkRelation;
}

/** The overview's claims-and-links graph: only linked claims, at most a capped number of them. */
export interface ClaimGraphView {
  /** The sources of the drawn claims, in the source list's order. */
  sources: NumberedSource[];
  nodes: ClaimGraphNode[];
  edges: ClaimGraphEdge[];
  width: number;
  height: number;
  /** Claims not drawn: those with no link, and linked ones past the cap (the least linked go first). */
  hidden: { unlinked: number; overCap: number };
}

/** A claim's figure as the cluster page draws it: an interval over what is counted. Infinite bounds are null (JSON has no ∞). */
/** An interval's ends; null is unbounded (JSON has no ∞). */
export interface IntervalBounds {
  lower: number | null;
  upper: number | null;
  lowerOpen: boolean;
  upperOpen: boolean;
}

export interface FigureValueView extends IntervalBounds {
  label: string;
  text: string;
  quantity: string | null;
  part: string | null;
  unit: string | null;
  value: number | null;
  intervalText: string;
  tolerance: number;
  corrected: boolean;
}

export interface DateValueView {
  start: string;
  end: string;
  precision: "day" | "month" | "year";
  text: string;
  corrected: boolean;
}

/** The researcher's stored correction of a claim's value (PUT /api/claims/:id/value). */
export interface ValueCorrectionView extends IntervalBounds {
  /** What is counted ("troops"); by default the unit's quantity. */
  quantity: string | null;
  unit: string | null;
  value: number | null;
  /** Relative width of "about" for this claim (0.1 = ±10%). */
  tolerance: number | null;
  /** The event the claim's date is of ("CSTO founded"). */
  event: string | null;
}

export interface ClaimValuesView {
  figure: FigureValueView | null;
  date: DateValueView | null;
  event: string | null;
  correction: ValueCorrectionView | null;
}

/** The uploaded file a source was made from, without its bytes (W3C export cp:original). */
export interface OriginalReference {
  name: string;
  mediaType: string;
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

/** A personal API token as its owner sees it (never the secret, which is shown once when made). */
export interface ApiTokenView {
  id: string;
  name: string;
  /** The token's first characters ("cpt_AbCd"), to tell tokens apart. */
  prefix: string;
  state: "active" | "expired" | "revoked";
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A member of a project, as the members page shows them. */
export interface MemberView {
  userId: string;
  name: string;
  role: ProjectRole;
  addedAt: string;
}

/** One change of a project's membership (History, entity PROJECT). */
export interface MembershipEventView {
  id: number;
  action: string;
  actorName: string | null;
  before: { name?: string; role?: ProjectRole } | null;
  after: { name?: string; role?: ProjectRole; slug?: string } | null;
  at: string;
}

/** An independent-annotation round as its pages show it (lib/server/rounds.ts). */
export interface RoundView {
  id: string;
  sourceId: string;
  sourceTitle: string;
  state: "OPEN" | "CLOSED";
  openedByName: string;
  openedAt: string;
  closedByName: string | null;
  closedAt: string | null;
  annotators: { userId: string; name: string; doneAt: string | null; claims: number }[];
  decisions: number;
}

/** Span agreement of one pair: matched spans over each side's count (lib/agreement/f1.ts). */
export interface PrecisionRecallView {
  precision: number | null;
  recall: number | null;
  f1: number | null;
  matched: number;
}

/** GET /api/rounds/:id/agreement: per pair (the first named is the reference), per kind, and
 *  Krippendorff's alpha over all annotators. Null numbers are "undefined" (see `degenerate`). */
export interface RoundAgreementView {
  roundId: string;
  annotators: { userId: string; name: string; claims: number }[];
  kinds: readonly ClaimKind[];
  matchingRule: string;
  pairs: {
    reference: string;
    other: string;
    referenceName: string;
    otherName: string;
    exact: PrecisionRecallView;
    overlap: PrecisionRecallView;
    referenceCount: number;
    otherCount: number;
    kappa: number | null;
    kappaDegenerate: boolean;
    kappaItems: number;
    observed: number | null;
    /** Rows: the reference's kind, columns: the other's, over matched spans. */
    confusion: number[][];
    perKind: { kind: ClaimKind; f1: number | null; reference: number; other: number }[];
  }[];
  alpha: { alpha: number | null; units: number; pairableValues: number; degenerate: boolean; unmatchedSpans: number };
}

/** One claim of a round as the curation list shows it. */
export interface RoundClaimView {
  id: string;
  authorId: string;
  authorName: string;
  start: number;
  end: number;
  quote: string;
  kind: ClaimKind;
}

/** A unit of curation: the round claims on the same words (spans matched by lib/agreement/spans.ts).
 *  `kinds`: the same words tagged differently; `only-one`: marked by fewer than all annotators;
 *  `spans`: spans that overlap but differ; `agreed`: everyone marked the same words the same kind. */
export interface CurationUnitView {
  claims: RoundClaimView[];
  start: number;
  end: number;
  issues: ("kinds" | "only-one" | "spans")[];
  decision: { id: string; decision: "ACCEPT" | "EDIT" | "REJECT"; decidedByName: string; decidedAt: string; resultClaimId: string | null; resultKind: ClaimKind | null; resultQuote: string | null } | null;
}
