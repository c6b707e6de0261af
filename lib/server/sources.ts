import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "./db";
import type { PageRange } from "../import/pdf/types";
import type { SourceDoc, SourceMeta, SourceSection } from "../types";

/** Bodies are stored with "\n" line ends only, so offsets mean the same on every platform. */
export function normalizeBody(raw: string): string {
  return raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

export function contentHash(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}

export function countWords(body: string): number {
  return body.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu)?.length ?? 0;
}

/** A flagged range runs from the first occurrence of its opening words to the end of the body. */
export function locateSections(body: string, specs: { kind: "comments"; startsAt: string; label: string }[]): SourceSection[] {
  return specs.flatMap((spec) => {
    const start = body.indexOf(spec.startsAt);
    return start < 0 ? [] : [{ kind: spec.kind, start, end: body.length, label: spec.label }];
  });
}

/** A source row as the database gives it: the browser's SourceMeta with the date still a Date. */
type SourceRow = Omit<SourceMeta, "publishedDate"> & { publishedDate: Date | null };

export function toSourceMeta(row: SourceRow): SourceMeta {
  return {
    id: row.id,
    title: row.title,
    suggestedTitle: row.suggestedTitle,
    author: row.author,
    publisher: row.publisher,
    url: row.url,
    publishedDate: row.publishedDate ? row.publishedDate.toISOString().slice(0, 10) : null,
    approxDate: row.approxDate,
  };
}

/** A project's sources, in the order the corpus lists them (index "Source_projectId_createdAt_idx"). */
export async function listSources(db: Db, projectId: string) {
  const rows = await db.source.findMany({
    where: { projectId },
    orderBy: [{ seedKey: "asc" }, { createdAt: "asc" }],
    select: {
      id: true, title: true, suggestedTitle: true, author: true, publisher: true, url: true,
      publishedDate: true, approxDate: true, wordCount: true,
      _count: { select: { claims: { where: { deletedAt: null } } } },
    },
  });
  return rows.map((row) => ({ ...toSourceMeta(row), wordCount: row.wordCount, claimCount: row._count.claims }));
}

/** A source with its text and every field the reader and the edit form show. */
export async function getSource(db: Db, id: string): Promise<(SourceDoc & { wordCount: number; dateEvidence: string | null; note: string | null; version: number; file: { name: string; mediaType: string; size: number } | null }) | null> {
  const row = await db.source.findUnique({ where: { id }, include: { file: { select: { name: true, mediaType: true, size: true } } } });
  if (!row) return null;
  return {
    ...toSourceMeta(row),
    body: row.body,
    sections: row.sections as unknown as SourceSection[],
    pageMap: row.pageMap as unknown as PageRange[] | null,
    file: row.file,
    wordCount: row.wordCount,
    dateEvidence: row.dateEvidence,
    note: row.note,
    version: row.version,
  };
}
