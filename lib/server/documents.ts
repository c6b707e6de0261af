// Sources made from uploaded files: the extraction is stored with its page map and the original
// bytes in one transaction; the same text twice is refused (the unique duplicate key is the
// invariant), near-duplicates are reported and may be recorded as appearances of one document.
import "server-only";
import { createHash } from "node:crypto";
import { DomainError, conflict, notFound } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { DocumentExtraction } from "../import/document";
import { compareTexts } from "../import/similarity";
import { displayTitle, type UploadedSource } from "../types";
import type { Db } from "./db";
import { duplicateAfterRace, duplicateError, resemblances, signText, storeBands } from "./resemblance";
import { contentHash, countWords, normalizeBody, toSourceMeta } from "./sources";
import type { Actor } from "./users";
import { requireRole } from "./projects";
import { storeSuggestedSpans } from "./suggested-spans";

export type AddedDocument = UploadedSource;

export interface UploadedFile {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

function titleFromName(name: string): string {
  return name.replace(/\.[^.]+$/, "").replace(/[_-]+/g, " ").trim();
}

function dateColumns(date: string | null) {
  return date ? { publishedDate: new Date(`${date}T00:00:00Z`) } : {};
}

export async function addDocument(db: Db, actor: Actor, projectId: string, file: UploadedFile, doc: DocumentExtraction): Promise<AddedDocument> {
  const body = normalizeBody(doc.body);
  const sig = signText(body);
  try {
    return await db.$transaction(
      async (tx) => {
        await requireRole(tx, actor, projectId, "ANNOTATOR", "add sources");
        const { duplicateOf, near } = await resemblances(tx, projectId, body, sig);
        if (duplicateOf) throw duplicateError(duplicateOf);
        const { metadata } = doc;
        const row = await tx.source.create({
          data: {
            project: { connect: { id: projectId } },
            title: metadata.title,
            suggestedTitle: metadata.title ? null : titleFromName(file.name) || null,
            author: metadata.author,
            publisher: metadata.publisher,
            url: metadata.url,
            ...dateColumns(metadata.date),
            dateEvidence: metadata.date ? `From the ${doc.kind === "pdf" ? "PDF's" : "page's"} metadata` : null,
            body,
            contentHash: contentHash(body),
            wordCount: countWords(body),
            sections: doc.sections as unknown as Prisma.InputJsonValue,
            pageMap: doc.pageMap ? (doc.pageMap as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
            duplicateKey: sig.duplicateKey,
            minhash: sig.minhash,
            createdBy: { connect: { id: actor.id } },
            file: { create: { name: file.name, mediaType: file.mediaType, size: file.bytes.byteLength, sha256: createHash("sha256").update(file.bytes).digest("hex"), bytes: Buffer.from(file.bytes) } },
          },
        });
        await storeBands(tx, row.id, sig.bands);
        await storeSuggestedSpans(tx, [row]);
        await tx.history.create({
          data: { entity: "SOURCE", entityId: row.id, action: "uploaded", after: { file: file.name, mediaType: file.mediaType, size: file.bytes.byteLength, contentHash: row.contentHash }, actorId: actor.id },
        });
        return { source: toSourceMeta(row), metadata, warnings: doc.warnings, nearDuplicates: near };
      },
      { timeout: 60_000 },
    );
  } catch (err) {
    // Two uploads of one text at once: the unique index refuses the second.
    return duplicateAfterRace(db, err, projectId, sig.duplicateKey);
  }
}

export async function originalFile(db: Db, sourceId: string) {
  const file = await db.sourceFile.findUnique({ where: { sourceId } });
  if (!file) throw notFound(`Source ${sourceId} has no uploaded original`);
  return file;
}

/** Records `sourceId` as another appearance of `documentId`, if their texts are near-duplicates.
 *  Any annotator of the source's project may; both sources are of that project (a source of
 *  another project does not exist to this one). */
export async function recordAppearance(db: Db, actor: Actor, sourceId: string, documentId: string) {
  if (sourceId === documentId) throw new DomainError(422, "A source is not another appearance of itself");
  return db.$transaction(async (tx) => {
    const [source, document] = await Promise.all([
      tx.source.findUnique({ where: { id: sourceId }, select: { body: true, projectId: true } }),
      tx.source.findUnique({ where: { id: documentId }, select: { body: true, projectId: true } }),
    ]);
    if (!source) throw notFound(`Source ${sourceId} does not exist`);
    await requireRole(tx, actor, source.projectId, "ANNOTATOR", "record appearances");
    if (!document || document.projectId !== source.projectId) throw notFound(`Source ${documentId} does not exist`);
    const r = compareTexts(source.body, document.body);
    if (r.kind === "distinct") {
      throw new DomainError(422, `These texts are not near-duplicates (Jaccard ${r.jaccard.toFixed(2)}, containment ${r.containment.toFixed(2)}; a near-duplicate needs Jaccard ≥ 0.5 or containment ≥ 0.8)`);
    }
    const measured = r.kind === "duplicate" ? { jaccard: 1, containment: 1 } : { jaccard: r.jaccard, containment: r.containment };
    const existing = await tx.appearance.findUnique({ where: { documentId_sourceId: { documentId, sourceId } } });
    if (existing) throw conflict("This appearance is already recorded");
    const row = await tx.appearance.create({ data: { documentId, sourceId, ...measured, createdById: actor.id } });
    await tx.history.create({ data: { entity: "SOURCE", entityId: sourceId, action: "appearance-recorded", after: { documentId, ...measured }, actorId: actor.id } });
    return row;
  });
}

/** The sources a source is recorded as the same document with, in either direction. */
export async function appearancesOf(db: Db, sourceId: string) {
  const rows = await db.appearance.findMany({
    where: { OR: [{ sourceId }, { documentId: sourceId }] },
    include: { source: { select: { id: true, title: true, suggestedTitle: true } }, document: { select: { id: true, title: true, suggestedTitle: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => {
    const other = r.sourceId === sourceId ? r.document : r.source;
    return { id: other.id, title: displayTitle(other), jaccard: r.jaccard, containment: r.containment };
  });
}
