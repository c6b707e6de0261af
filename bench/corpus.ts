// A corpus of any size for the growth table (bench/growth.ts): copies of the five real source
// texts, 100 sentence-sized claims per source on average, links, clusters, speakers and five
// researchers in proportion. Three sources hold 1,000 claims each (a third of the claims each
// below 3,000), for compare's row: three columns of 1,000 claims linked to each other. Written with multi-row INSERT … SELECT FROM unnest(arrays), 5,000 rows a
// statement, so 100,000 claims take seconds: each statement's cost grows with its rows only.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { SEED_PROJECT } from "@/lib/server/projects";
import { suggestSourceClaims } from "@/lib/suggestions/sentences";

export interface CorpusSize {
  claims: number;
  sources: number;
}

export interface BuiltCorpus {
  claims: number;
  sources: number;
  links: number;
  clusters: number;
  /** A cluster of exactly 50 claims, for the cluster page's row. */
  bigClusterId: string;
  /** A source whose text has room for the create-claim run's spans. */
  sourceId: string;
  /** The three sources of 1,000 claims (fewer below 3,000 claims), each linked to the next. */
  compareSourceIds: string[];
  researchers: string[];
}

const RESEARCHERS = ["Ada Reyes", "Bo Lindqvist", "Chen Wei", "Dana Okafor", "Emil Novak"];
const SPEAKERS = ["Kassym-Jomart Tokayev", "Vladimir Putin", "Nikol Pashinyan", "CSTO Secretariat", "Alexander Lukashenko", "Sadyr Japarov"];
const BATCH = 5_000;
/** The first COMPARED sources are compare's columns, COMPARED_CLAIMS claims each (at most a third of all claims). */
const COMPARED = 3;
const COMPARED_CLAIMS = 1_000;

/** Claims per source: the first three COMPARED_CLAIMS each (a third of the claims when fewer),
 *  the rest spread evenly over the other sources; the sum is `size.claims`. */
function claimsPerSource(size: CorpusSize): number[] {
  const compared = Math.min(size.sources, COMPARED);
  const big = Math.min(COMPARED_CLAIMS, Math.floor(size.claims / compared));
  const others = size.sources - compared;
  const rest = size.claims - big * compared;
  return Array.from({ length: size.sources }, (_, s) => {
    if (s < compared) return big + (others === 0 && s < rest ? 1 : 0);
    const k = s - compared;
    return Math.floor(rest / others) + (k < rest % others ? 1 : 0);
  });
}

/** Word-aligned spans of a text: each starts at a word and runs 6 to 30 words, never empty. */
function spansOf(body: string, count: number, seed: number): { start: number; end: number }[] {
  const words = [...body.matchAll(/\S+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const seen = new Set<string>();
  const spans: { start: number; end: number }[] = [];
  for (let k = 0; spans.length < count; k++) {
    const first = (k * 37 + seed * 11) % (words.length - 31);
    const last = first + 5 + ((k * 7 + seed) % 25);
    const span = { start: words[first]!.start, end: words[last]!.end };
    const key = `${span.start}:${span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    spans.push(span);
  }
  return spans;
}

/** The suggested spans the app stores with each text (lib/server/suggested-spans.ts), so the
 *  overview reads them as it does in the app. suggestSourceClaims runs once per distinct text (on
 *  its first copy): copies differ only in the number of their "Copy N." line, so another copy's
 *  spans are the first's moved by the difference in that line's length (the span that begins the
 *  text keeps its start); the last copy of each text is scanned in full to check it.
 *  Rows as in buildCorpus: id first, body sixth. */
async function insertSuggestedSpans(client: pg.Client, sources: unknown[][]): Promise<void> {
  const first = new Map<string, { at: number; spans: { start: number; end: number }[] }>();
  const last = new Map<string, { id: string; body: string; spans: { start: number; end: number }[] }>();
  const rows: unknown[][] = [];
  for (const [id, , , , , body] of sources as [string, string, string, string, string, string][]) {
    const at = body.indexOf(". ") + 2; // past "Copy N. "
    const text = body.slice(at);
    if (!first.has(text)) first.set(text, { at, spans: suggestSourceClaims({ body, sections: [] }) });
    const base = first.get(text)!;
    const spans = base.spans.map(({ start, end }) => ({ start: start === 0 ? 0 : start + at - base.at, end: end + at - base.at }));
    last.set(text, { id, body, spans });
    for (const { start, end } of spans) rows.push([id, start, end]);
  }
  const key = (spans: { start: number; end: number }[]) => spans.map(({ start, end }) => `${start}:${end}`).join(" ");
  for (const copy of last.values()) {
    if (key(suggestSourceClaims({ body: copy.body, sections: [] })) !== key(copy.spans)) throw new Error(`bench/corpus.ts: the spans of ${copy.id} differ from a full scan`);
  }
  await insertRows(client, "SuggestedSpan", [["sourceId", "text"], ["start", "int4"], ["end", "int4"]], rows);
  await client.query(`UPDATE "Source" SET "suggestionsHash" = "contentHash" WHERE id = ANY($1)`, [sources.map(([id]) => id)]);
}

async function insertRows(client: pg.Client, table: string, columns: [string, string][], rows: unknown[][]): Promise<void> {
  for (let at = 0; at < rows.length; at += BATCH) {
    const batch = rows.slice(at, at + BATCH);
    const arrays = columns.map((_, i) => batch.map((r) => r[i]));
    const names = columns.map(([name]) => `"${name}"`).join(", ");
    const unnest = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
    await client.query(`INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${unnest})`, arrays);
  }
}

export async function buildCorpus(url: string, size: CorpusSize, corpusDir: string): Promise<BuiltCorpus> {
  const meta = JSON.parse(readFileSync(path.join(corpusDir, "sources.json"), "utf8")) as { sources: { file: string; title: string | null; suggestedTitle: string | null; author: string | null; publisher: string | null }[] };
  const texts = meta.sources.map((s) => ({ ...s, body: readFileSync(path.join(corpusDir, s.file), "utf8") }));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const now = new Date().toISOString();
    const users = RESEARCHERS.map((name, i) => [`bench-user-${i}`, name, name.toLowerCase()]);
    await insertRows(client, "User", [["id", "text"], ["name", "text"], ["nameKey", "text"]], users);
    const speakers = SPEAKERS.map((name, i) => [`bench-speaker-${i}`, name]);
    await insertRows(client, "Speaker", [["id", "text"], ["name", "text"]], speakers);

    const perSource = Math.ceil(size.claims / size.sources);
    const counts = claimsPerSource(size);
    /** Index in `claims` of each source's first claim. */
    const firstClaim: number[] = [];
    const sources: unknown[][] = [];
    const claims: unknown[][] = [];
    for (let s = 0; s < size.sources; s++) {
      firstClaim.push(claims.length);
      const text = texts[s % texts.length]!;
      // A distinct first line keeps copies apart (titles, duplicate checks) and shifts offsets.
      // A compared source holds its 1,000 claims in the five texts one after another (about 9,500
      // words, a long report): in one article of 1,500 words they stacked 20 deep, 8.6 MB of HTML.
      const body = `Copy ${s + 1}. ${s < COMPARED ? texts.map((t) => t.body).join("\n\n") : text.body}`;
      const id = `bench-source-${s}`;
      const title = `${text.title ?? text.suggestedTitle} (${s + 1})`;
      sources.push([id, SEED_PROJECT.id, title, text.author, text.publisher, body, `bench-${s}`, body.split(/\s+/).length, now, now]);
      spansOf(body, counts[s]!, s).forEach((span, k) => {
        const n = claims.length;
        claims.push([
          `bench-claim-${n}`, id, span.start, span.end, body.slice(span.start, span.end),
          body.slice(Math.max(0, span.start - 32), span.start), body.slice(span.end, span.end + 32),
          (["FACT", "OPINION", "PREDICTION"] as const)[n % 3], n % 4 === 0 ? `Checked against the wire report (${n})` : "",
          `bench-user-${n % RESEARCHERS.length}`, n % 5 === 0 ? `bench-speaker-${n % SPEAKERS.length}` : null,
          new Date(Date.parse(now) - (size.claims - n) * 1000).toISOString(), now,
        ]);
      });
    }
    await insertRows(client, "Source", [["id", "text"], ["projectId", "text"], ["title", "text"], ["author", "text"], ["publisher", "text"], ["body", "text"], ["contentHash", "text"], ["wordCount", "int4"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"]], sources);
    await insertRows(client, "Claim", [
      ["id", "text"], ["sourceId", "text"], ["start", "int4"], ["end", "int4"], ["quote", "text"], ["prefix", "text"], ["suffix", "text"],
      ["kind", '"ClaimKind"'], ["note", "text"], ["authorId", "text"], ["speakerId", "text"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"],
    ], claims);
    await insertSuggestedSpans(client, sources);

    // One link per five claims, from a claim of each source but the last to one of the next source
    // (so the source × source matrices fill, and compare's three columns link 1 → 2 → 3).
    const links: unknown[][] = [];
    for (let s = 0; s + 1 < size.sources; s++) {
      const next = counts[s + 1]!;
      for (let k = 0; k < counts[s]! && next > 0; k += 5) {
        const n = firstClaim[s]! + k;
        links.push([`bench-link-${links.length}`, `bench-claim-${n}`, `bench-claim-${firstClaim[s + 1]! + ((k + 1) % next)}`, (["CONTRADICTS", "SUPPORTS", "REFINES"] as const)[links.length % 3], `bench-user-${n % RESEARCHERS.length}`]);
      }
    }
    await insertRows(client, "ClaimLink", [["id", "text"], ["fromId", "text"], ["toId", "text"], ["relation", '"LinkRelation"'], ["authorId", "text"]], links);

    // One cluster per 1,000 claims, each of 50 claims spread over the sources.
    const clusterCount = Math.max(1, Math.floor(claims.length / 1000));
    const clusters: unknown[][] = [];
    const members: unknown[][] = [];
    for (let c = 0; c < clusterCount; c++) {
      clusters.push([`bench-cluster-${c}`, SEED_PROJECT.id, `Bench cluster ${c + 1}`, `bench-user-${c % RESEARCHERS.length}`, now]);
      for (let m = 0; m < 50; m++) members.push([`bench-cluster-${c}`, `bench-claim-${(c * 50 + m * perSource + m) % claims.length}`]);
    }
    await insertRows(client, "Cluster", [["id", "text"], ["projectId", "text"], ["name", "text"], ["authorId", "text"], ["updatedAt", "timestamp"]], clusters);
    await insertRows(client, "ClusterMember", [["clusterId", "text"], ["claimId", "text"]], members);
    // VACUUM too: the visibility map autovacuum keeps in a live database, so the overview's
    // index-only scans read no table rows, as they do there.
    await client.query("VACUUM ANALYZE");
    return { claims: claims.length, sources: sources.length, links: links.length, clusters: clusters.length, bigClusterId: "bench-cluster-0", sourceId: "bench-source-0", compareSourceIds: counts.slice(0, COMPARED).map((_, s) => `bench-source-${s}`), researchers: RESEARCHERS };
  } finally {
    await client.end();
  }
}
