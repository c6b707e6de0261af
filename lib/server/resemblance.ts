// Duplicates and near-duplicates of a text about to become a source, for both ways in (pasted
// text, lib/server/source-edit.ts, and uploaded files, lib/server/documents.ts).
// Duplicate: the unique index on Source.duplicateKey decides, so two requests racing with one
// text cannot both win; the loser is answered 409 with the first source.
// Near-duplicate: candidates come from the LSH band index (lib/import/minhash.ts: MinHash of word
// 5-shingles, 64 bands of 2) and are confirmed by the exact shingle comparison
// (lib/import/similarity.ts: Jaccard ≥ 0.5 or containment ≥ 0.8). False negatives: ~1e-8 at
// Jaccard 0.5, ~1e-4 for containment 0.8 within a text twice as long, ~10 % within one four
// times as long. Cost: 64 index probes plus one exact comparison per candidate, whatever the
// number of stored sources; signing unsigned sources is a one-off O(their words).
import "server-only";
import { conflict } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { bandKeys, minhashOfWords, signatureToInts } from "../import/minhash";
import { compareTexts, duplicateKeyOfWords, prepareText, wordsOf } from "../import/similarity";
import { displayTitle, type NearDuplicate } from "../types";
import type { Db, Tx } from "./db";

export interface TextSignature {
  duplicateKey: string;
  minhash: number[];
  bands: bigint[];
}

/** The text is split into words once for both. O(words × 128) multiplications. */
export function signText(body: string): TextSignature {
  const words = wordsOf(body);
  const signature = minhashOfWords(words);
  return { duplicateKey: duplicateKeyOfWords(words), minhash: signatureToInts(signature), bands: bandKeys(signature) };
}

export function duplicateError(existing: { id: string; title: string | null; suggestedTitle: string | null }) {
  const title = displayTitle(existing);
  return conflict(`This text is already a source: “${title}”.`, { duplicateOf: { id: existing.id, title } });
}

/** Writes a source's band keys; its `minhash` column is written by the caller with the row. */
export async function storeBands(tx: Tx, sourceId: string, bands: bigint[]): Promise<void> {
  await tx.sourceBand.createMany({ data: bands.map((key, band) => ({ sourceId, band, key })) });
}

/**
 * Signs the sources that have no signature yet (those from before signatures, seeded, imported
 * from W3C files, or whose text was corrected), and gives them their duplicate key unless another
 * source holds it. Rows are locked, so two requests never sign one source twice; the second
 * finds it signed once the first commits. O(words of the unsigned sources); usually none.
 */
export async function signUnsignedSources(tx: Tx): Promise<void> {
  const unsigned = await tx.$queryRaw<{ id: string; body: string }[]>`
    SELECT "id", "body" FROM "Source" WHERE "minhash" IS NULL ORDER BY "createdAt" FOR UPDATE`;
  for (const { id, body } of unsigned) {
    const sig = signText(body);
    await tx.$executeRaw`
      UPDATE "Source" SET "minhash" = ${sig.minhash}::integer[],
        "duplicateKey" = COALESCE("duplicateKey", (SELECT ${sig.duplicateKey} WHERE NOT EXISTS (SELECT 1 FROM "Source" o WHERE o."duplicateKey" = ${sig.duplicateKey} AND o."projectId" = "Source"."projectId")))
      WHERE "id" = ${id}`;
    await tx.sourceBand.deleteMany({ where: { sourceId: id } });
    await storeBands(tx, id, sig.bands);
  }
}

/** The project's stored source with this text, if any, else its near-duplicates in the project,
 *  most similar first. */
export async function resemblances(tx: Tx, projectId: string, body: string, sig: TextSignature): Promise<{ duplicateOf: { id: string; title: string | null; suggestedTitle: string | null } | null; near: NearDuplicate[] }> {
  await signUnsignedSources(tx);
  const same = await tx.source.findUnique({ where: { projectId_duplicateKey: { projectId, duplicateKey: sig.duplicateKey } }, select: { id: true, title: true, suggestedTitle: true } });
  if (same) return { duplicateOf: same, near: [] };
  const bandNumbers = sig.bands.map((_, band) => band);
  const candidates = await tx.$queryRaw<{ sourceId: string }[]>`
    SELECT DISTINCT b."sourceId" FROM "SourceBand" b
    JOIN unnest(${bandNumbers}::integer[], ${sig.bands}::bigint[]) AS q("band", "key") ON b."band" = q."band" AND b."key" = q."key"
    JOIN "Source" s ON s."id" = b."sourceId" AND s."projectId" = ${projectId}`;
  if (!candidates.length) return { duplicateOf: null, near: [] };
  const others = await tx.source.findMany({
    where: { id: { in: candidates.map((c) => c.sourceId) } },
    select: { id: true, title: true, suggestedTitle: true, body: true },
    orderBy: { createdAt: "asc" },
  });
  const near: NearDuplicate[] = [];
  const prepared = prepareText(body);
  for (const other of others) {
    const r = compareTexts(prepared, other.body);
    // Same words in order but an older source without the key (another source held it).
    if (r.kind === "duplicate") return { duplicateOf: other, near: [] };
    if (r.kind === "near-duplicate") near.push({ id: other.id, title: displayTitle(other), jaccard: r.jaccard, containment: r.containment });
  }
  return { duplicateOf: null, near: near.sort((a, b) => b.jaccard - a.jaccard) };
}

/** The unique index refused a second source with this text: the one that won, for the 409. */
export async function duplicateAfterRace(db: Db, err: unknown, projectId: string, key: string): Promise<never> {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
    const existing = await db.source.findUnique({ where: { projectId_duplicateKey: { projectId, duplicateKey: key } }, select: { id: true, title: true, suggestedTitle: true } });
    if (existing) throw duplicateError(existing);
  }
  throw err;
}
