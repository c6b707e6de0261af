import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Db } from "./db";
import { SEED_PROJECT } from "./projects";
import { contentHash, countWords, locateSections, normalizeBody } from "./sources";
import { storeSuggestedSpans } from "./suggested-spans";

const corpusSchema = z.object({
  sources: z.array(
    z.object({
      file: z.string().regex(/^[\w.-]+\.txt$/),
      title: z.string().nullable(),
      suggestedTitle: z.string().nullable().optional(),
      author: z.string().nullable(),
      publisher: z.string().nullable(),
      approxDate: z.string().nullable(),
      dateEvidence: z.string().nullable().optional(),
      url: z.string().nullable(),
      note: z.string().optional(),
      sections: z
        .array(z.object({ kind: z.literal("comments"), startsAt: z.string().min(1), label: z.string() }))
        .optional(),
    }),
  ),
});

/** Inserts the shipped corpus into the seeded project (made by its migration, made again here if
 *  it was deleted). Idempotent: a source already present (same file) is left exactly as it is, so
 *  metadata a researcher corrected and every claim survive a second run. */
export async function seedCorpus(db: Db, corpusDir: string): Promise<{ created: string[]; kept: string[] }> {
  const manifest = corpusSchema.parse(JSON.parse(await readFile(path.join(corpusDir, "sources.json"), "utf8")));
  await db.project.createMany({ data: [{ ...SEED_PROJECT }], skipDuplicates: true });
  const created: string[] = [];
  const kept: string[] = [];
  for (const entry of manifest.sources) {
    const body = normalizeBody(await readFile(path.join(corpusDir, entry.file), "utf8"));
    const source = {
      projectId: SEED_PROJECT.id,
      seedKey: entry.file,
      title: entry.title,
      suggestedTitle: entry.suggestedTitle ?? null,
      author: entry.author,
      publisher: entry.publisher,
      url: entry.url,
      approxDate: entry.approxDate,
      dateEvidence: entry.dateEvidence ?? null,
      note: entry.note ?? null,
      body,
      contentHash: contentHash(body),
      wordCount: countWords(body),
      sections: locateSections(body, entry.sections ?? []) as object[],
    };
    // The source and its suggested spans in one transaction; createManyAndReturn gives back the
    // row only if it was created (none when the file is already seeded).
    const rows = await db.$transaction(async (tx) => {
      const inserted = await tx.source.createManyAndReturn({ data: [source], skipDuplicates: true });
      await storeSuggestedSpans(tx, inserted);
      return inserted;
    });
    (rows.length ? created : kept).push(entry.file);
  }
  return { created, kept };
}
