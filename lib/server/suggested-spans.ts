// A source's suggested claim sentences, stored with its text (table "SuggestedSpan", one row a
// sentence) so the overview counts them and the claims covering them in SQL instead of scanning
// every text in each app process. Every path that writes a text stores its spans in the same
// transaction; "Source"."suggestionsHash" names the text they were computed from, so spans of a
// text changed any other way are not counted until scanned again (fillSuggestedSpans).
import "server-only";
import type { Db, Tx } from "./db";
import { suggestSourceClaims } from "../suggestions/sentences";
import type { SourceSection } from "../types";

/** What a source's suggestions depend on: its text and flagged sections (which change only with it). */
export interface SourceText {
  id: string;
  body: string;
  sections: unknown;
  contentHash: string;
}

interface ScannedText {
  id: string;
  contentHash: string;
  spans: { start: number; end: number }[];
}

/** The scan, outside any transaction. Cost: one pass over each text (about 1 ms per 1,000 characters). */
function scan(texts: SourceText[]): ScannedText[] {
  return texts.map((t) => ({
    id: t.id,
    contentHash: t.contentHash,
    spans: suggestSourceClaims({ body: t.body, sections: t.sections as SourceSection[] }).map(({ start, end }) => ({ start, end })),
  }));
}

async function write(tx: Tx, scanned: ScannedText[]): Promise<void> {
  if (!scanned.length) return;
  const ids = scanned.map((s) => s.id);
  await tx.suggestedSpan.deleteMany({ where: { sourceId: { in: ids } } });
  // Three array parameters whatever the number of sentences (a long PDF has thousands).
  const rows = scanned.flatMap((s) => s.spans.map(({ start, end }) => ({ sourceId: s.id, start, end })));
  await tx.$executeRaw`
    INSERT INTO "SuggestedSpan" ("sourceId", "start", "end")
    SELECT * FROM unnest(${rows.map((r) => r.sourceId)}::text[], ${rows.map((r) => r.start)}::int[], ${rows.map((r) => r.end)}::int[])`;
  await tx.$executeRaw`
    UPDATE "Source" s SET "suggestionsHash" = t.hash FROM unnest(${ids}::text[], ${scanned.map((s) => s.contentHash)}::text[]) AS t(id, hash) WHERE s.id = t.id`;
}

/** Stores the suggested spans of texts just written (created or corrected), replacing those of
 *  their former text. Call inside the transaction that writes the text, after the source rows exist. */
export async function storeSuggestedSpans(tx: Tx, texts: SourceText[]): Promise<void> {
  await write(tx, scan(texts));
}

/**
 * Scans texts whose spans are missing or stale (sources from before spans were stored, or a text
 * changed behind the app's back) and stores them, for the overview. The scan runs outside the
 * transaction; the write then locks each source and stores spans only if its text is still the one
 * scanned and nobody stored them meanwhile, so a correction committed in between (which stored its
 * own spans) is never overwritten, and two processes filling at once write once.
 */
export async function fillSuggestedSpans(db: Db, sourceIds: string[]): Promise<Set<string>> {
  if (!sourceIds.length) return new Set();
  const texts = await db.source.findMany({ where: { id: { in: sourceIds } }, select: { id: true, body: true, sections: true, contentHash: true } });
  const scanned = scan(texts);
  return db.$transaction(async (tx) => {
    // NO KEY UPDATE: claims being marked (FOR KEY SHARE on their source) do not wait for it.
    const current = await tx.$queryRaw<{ id: string }[]>`
      SELECT s.id FROM "Source" s JOIN unnest(${scanned.map((s) => s.id)}::text[], ${scanned.map((s) => s.contentHash)}::text[]) AS t(id, hash)
        ON s.id = t.id AND s."contentHash" = t.hash AND s."suggestionsHash" IS DISTINCT FROM t.hash
      ORDER BY s.id FOR NO KEY UPDATE OF s`;
    const still = new Set(current.map((r) => r.id));
    await write(tx, scanned.filter((s) => still.has(s.id)));
    return still;
  });
}
