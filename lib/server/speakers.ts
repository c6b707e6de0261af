// Speakers and outside references: reusable records shared across sources, and across projects:
// a speaker is a person in the world and a reference a document in it, the same whichever project
// cites them (their lists show names and titles only, never a project's claims). One speaker per
// lower(name) (a unique index), so "making" a speaker by a name that exists reuses the record.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "./db";
import type { CreateReferenceInput, CreateSpeakerInput } from "../schemas";
import type { ExternalReferenceView, SpeakerView } from "../types";
import { toReferenceView } from "./provenance-fields";

const LIST_LIMIT = 50;

/** Speakers whose name or an alias contains `q` (case-insensitive), by name; all when no q. Cost: a scan of the speakers. */
export async function listSpeakers(db: Db, q?: string): Promise<SpeakerView[]> {
  const pattern = `%${(q ?? "").replace(/[\\%_]/g, "\\$&")}%`;
  return db.$queryRaw<SpeakerView[]>`
    SELECT "id", "name", "role", "aliases" FROM "Speaker"
    WHERE "name" ILIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest("aliases") a WHERE a ILIKE ${pattern})
    ORDER BY lower("name") LIMIT ${LIST_LIMIT}`;
}

/** The speaker called `name` (any case), made when missing; `role` and `aliases` fill a new record
 *  only. One statement: concurrent callers get the same record. */
export async function ensureSpeaker(db: Db | Tx, input: CreateSpeakerInput): Promise<SpeakerView & { created: boolean }> {
  const rows = await db.$queryRaw<(SpeakerView & { created: boolean })[]>`
    WITH made AS (
      INSERT INTO "Speaker" ("id", "name", "role", "aliases")
      VALUES (${`sp${randomUUID().replace(/-/g, "")}`}, ${input.name}, ${input.role ?? null}, ${input.aliases ?? []}::text[])
      ON CONFLICT (lower("name")) DO NOTHING RETURNING "id", "name", "role", "aliases"
    )
    SELECT *, true AS "created" FROM made
    UNION ALL SELECT "id", "name", "role", "aliases", false FROM "Speaker" WHERE lower("name") = lower(${input.name})
    LIMIT 1`;
  return rows[0];
}

export async function listReferences(db: Db, q?: string): Promise<ExternalReferenceView[]> {
  const rows = await db.externalReference.findMany({
    where: q ? { OR: [{ title: { contains: q, mode: "insensitive" } }, { publisher: { contains: q, mode: "insensitive" } }] } : {},
    orderBy: { createdAt: "desc" },
    take: LIST_LIMIT,
  });
  return rows.map(toReferenceView);
}

export async function createReference(db: Db | Tx, input: CreateReferenceInput): Promise<ExternalReferenceView> {
  const row = await db.externalReference.create({
    data: {
      id: `ref${randomUUID().replace(/-/g, "")}`,
      title: input.title,
      publisher: input.publisher ?? null,
      url: input.url ?? null,
      date: input.date ? new Date(`${input.date}T00:00:00Z`) : null,
    },
  });
  return toReferenceView(row);
}
