// Sources added and corrected in the app: create from pasted text, edit metadata, and replace
// the text, re-anchoring every claim so none is lost (unfound ones are marked orphaned).
import "server-only";
import { reanchor } from "../anchoring/reanchor";
import type { Db, Tx } from "./db";
import { conflict, notFound } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { checkSourceTextChange } from "./permissions";
import type { ReanchorSummary } from "../reanchor-summary";
import type { CreateSourceInput, UpdateSourceInput } from "../schemas";
import { contentHash, countWords, locateSections, normalizeBody, toSourceMeta } from "./sources";
import type { NearDuplicate, SourceMeta, SourceSection } from "../types";
import { duplicateAfterRace, duplicateError, resemblances, signText, storeBands } from "./resemblance";
import type { Actor } from "./users";
import { requireRole } from "./projects";
import { storeSuggestedSpans } from "./suggested-spans";


export type { ReanchorSummary };

export interface SourceEditResult {
  source: SourceMeta & { version: number; wordCount: number };
  reanchor: ReanchorSummary | null;
}

type MetaInput = Omit<CreateSourceInput, "body">;

/** "2022-05-16" goes to publishedDate, "2022" / "2022-05" to approxDate; null clears both. */
function dateColumns(date: string | null | undefined): { publishedDate?: Date | null; approxDate?: string | null } {
  if (date === undefined) return {};
  if (date === null) return { publishedDate: null, approxDate: null };
  if (date.length === 10) return { publishedDate: new Date(`${date}T00:00:00Z`), approxDate: null };
  return { publishedDate: null, approxDate: date };
}

function metaColumns(input: MetaInput) {
  const { date, ...rest } = input;
  const columns: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) columns[key] = value;
  return { ...columns, ...dateColumns(date) } as Prisma.SourceUpdateInput;
}

function textColumns(raw: string) {
  const body = normalizeBody(raw);
  return { body, contentHash: contentHash(body), wordCount: countWords(body) };
}

function result(row: Parameters<typeof toSourceMeta>[0] & { version: number; wordCount: number }, reanchorSummary: ReanchorSummary | null): SourceEditResult {
  return { source: { ...toSourceMeta(row), version: row.version, wordCount: row.wordCount }, reanchor: reanchorSummary };
}

/** What History keeps of a source edit: metadata, and the text's hash rather than the text. */
function snapshot(row: { title: string | null; author: string | null; publisher: string | null; url: string | null; publishedDate: Date | null; approxDate: string | null; contentHash: string; version: number }) {
  return {
    title: row.title, author: row.author, publisher: row.publisher, url: row.url,
    publishedDate: row.publishedDate?.toISOString().slice(0, 10) ?? null, approxDate: row.approxDate,
    contentHash: row.contentHash, version: row.version,
  };
}

/**
 * Pasted text becomes a source, unless it is already one: the same words in the same order are
 * refused with 409 and the first source (the unique duplicate key decides, so of two pastes at
 * once exactly one is created). Near-duplicates come back to be offered as appearances
 * (lib/server/resemblance.ts).
 */
export async function createSource(db: Db, actor: Actor, projectId: string, input: CreateSourceInput): Promise<SourceEditResult & { nearDuplicates: NearDuplicate[] }> {
  const { body, ...meta } = input;
  const text = textColumns(body);
  const sig = signText(text.body);
  try {
    return await db.$transaction(
      async (tx) => {
        await requireRole(tx, actor, projectId, "ANNOTATOR", "add sources");
        const { duplicateOf, near } = await resemblances(tx, projectId, text.body, sig);
        if (duplicateOf) throw duplicateError(duplicateOf);
        const row = await tx.source.create({
          data: {
            ...(metaColumns(meta) as Prisma.SourceCreateInput), ...text, duplicateKey: sig.duplicateKey, minhash: sig.minhash,
            project: { connect: { id: projectId } }, createdBy: { connect: { id: actor.id } },
          },
        });
        await storeBands(tx, row.id, sig.bands);
        await storeSuggestedSpans(tx, [row]);
        await tx.history.create({ data: { entity: "SOURCE", entityId: row.id, action: "created", after: snapshot(row), actorId: actor.id } });
        return { ...result(row, null), nearDuplicates: near };
      },
      { timeout: 60_000 },
    );
  } catch (err) {
    return duplicateAfterRace(db, err, projectId, sig.duplicateKey);
  }
}

/** Flagged ranges follow their opening line into the new text; a range whose line is gone is dropped. */
function relocateSections(oldBody: string, newBody: string, sections: SourceSection[]): SourceSection[] {
  return sections.flatMap((s) => {
    const startsAt = oldBody.slice(s.start, s.end).split("\n")[0]?.trim();
    if (!startsAt) return [];
    const [found] = locateSections(newBody, [{ kind: s.kind, startsAt, label: s.label }]);
    if (!found) return [];
    // Ranges running to the end of the text keep doing so; others keep their length.
    const end = s.end === oldBody.length ? newBody.length : Math.min(newBody.length, found.start + (s.end - s.start));
    return [{ ...found, end }];
  });
}

async function reanchorClaims(tx: Tx, actor: Actor, sourceId: string, newBody: string): Promise<ReanchorSummary> {
  const summary: ReanchorSummary = { unchanged: 0, moved: 0, orphaned: 0, recovered: 0 };
  // Deleted claims too: a restore brings them back at their stored offsets.
  const claims = await tx.claim.findMany({ where: { sourceId }, orderBy: { start: "asc" } });
  // Cost: one fuzzy search per claim whose quote moved, in memory; then a statement or two per changed claim.
  const results = claims.map((c) => ({
    c,
    found: reanchor(newBody, {
      position: { type: "TextPositionSelector", start: c.start, end: c.end },
      quote: { type: "TextQuoteSelector", exact: c.quote, prefix: c.prefix, suffix: c.suffix },
    }),
  }));
  // Claims move one row at a time and the unique index of live spans is checked row by row, so
  // a claim could land on the span another is about to leave. Moving claims are first parked on
  // negative offsets (a mirror image, so they stay distinct); only two claims found at the very
  // same span then collide, and the edit is refused with 409.
  const moving = results.filter(({ c, found }) => found.status !== "orphaned" && (found.start !== c.start || found.end !== c.end)).map(({ c }) => c.id);
  if (moving.length) await tx.$executeRaw`UPDATE "Claim" SET "start" = -1 - "start", "end" = -1 - "end" WHERE "id" = ANY(${moving})`;
  for (const { c, found } of results) {
    const before = { start: c.start, end: c.end, quote: c.quote, orphaned: c.orphaned, version: c.version };
    if (found.status === "orphaned") {
      if (c.orphaned) {
        summary.orphaned++;
        continue;
      }
      // Offsets and quote are kept: they record where the claim last was and what it said.
      await tx.claim.update({ where: { id: c.id }, data: { orphaned: true, version: { increment: 1 } } });
      await tx.history.create({
        data: { entity: "CLAIM", entityId: c.id, claimId: c.id, action: "orphaned", before, after: { ...before, orphaned: true, version: c.version + 1 }, actorId: actor.id },
      });
      summary.orphaned++;
      continue;
    }
    const quote = found.quote!;
    const same = found.start === c.start && found.end === c.end && quote.exact === c.quote && quote.prefix === c.prefix && quote.suffix === c.suffix && !c.orphaned;
    if (same) {
      summary.unchanged++;
      continue;
    }
    const after = { start: found.start!, end: found.end!, quote: quote.exact, orphaned: false, version: c.version + 1 };
    await tx.claim.update({
      where: { id: c.id },
      data: { start: after.start, end: after.end, quote: quote.exact, prefix: quote.prefix, suffix: quote.suffix, orphaned: false, version: { increment: 1 } },
    });
    await tx.history.create({ data: { entity: "CLAIM", entityId: c.id, claimId: c.id, action: "reanchored", before, after, actorId: actor.id } });
    if (c.orphaned) summary.recovered++;
    else if (found.start === c.start && found.end === c.end) summary.unchanged++;
    else summary.moved++;
  }
  return summary;
}

/**
 * Metadata and/or text. New text re-anchors every claim of the source in the same transaction;
 * `version` must be the one the editor read (409 otherwise), and goes up by one.
 */
export async function updateSource(db: Db, actor: Actor, id: string, input: UpdateSourceInput): Promise<SourceEditResult> {
  const { version, body, ...meta } = input;
  return db.$transaction(
    async (tx) => {
      // Row lock first: claims being marked on this source (lib/claims.ts takes a share lock in
      // the insert) finish before the claims are read for re-anchoring, or wait and see the new text.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Source" WHERE "id" = ${id} FOR UPDATE`;
      if (!locked.length) throw notFound(`Source ${id} does not exist`);
      const row = await tx.source.findUniqueOrThrow({ where: { id } });
      const role = await requireRole(tx, actor, row.projectId, "ANNOTATOR", "change sources");
      if (row.version !== version) {
        throw conflict(`Source ${id} was changed by someone else (you had version ${version}, it is now ${row.version}). Reload to see the change.`, {
          currentVersion: row.version,
        });
      }
      const data: Prisma.SourceUpdateManyMutationInput = { ...(metaColumns(meta) as Prisma.SourceUpdateManyMutationInput), version: { increment: 1 } };
      let summary: ReanchorSummary | null = null;
      const text = body === undefined ? null : textColumns(body);
      if (text && text.contentHash !== row.contentHash) {
        await checkSourceTextChange(tx, actor, role, row);
        Object.assign(data, text, { sections: relocateSections(row.body, text.body, row.sections as unknown as SourceSection[]) as object[] });
        summary = await reanchorClaims(tx, actor, id, text.body);
        // The old signature and duplicate key describe the old text: the next paste or upload
        // signs the new one (lib/server/resemblance.ts signUnsignedSources).
        await tx.$executeRaw`UPDATE "Source" SET "minhash" = NULL, "duplicateKey" = NULL WHERE "id" = ${id}`;
        await tx.sourceBand.deleteMany({ where: { sourceId: id } });
      }
      // The version in the WHERE makes the check atomic against a concurrent editor.
      const updated = await tx.source.updateMany({ where: { id, version }, data });
      if (updated.count !== 1) throw conflict(`Source ${id} was changed by someone else. Reload to see the change.`);
      const after = await tx.source.findUniqueOrThrow({ where: { id } });
      if (summary) await storeSuggestedSpans(tx, [after]);
      await tx.history.create({
        data: { entity: "SOURCE", entityId: id, action: summary ? "text-edited" : "edited", before: snapshot(row), after: { ...snapshot(after), ...(summary ? { reanchor: { ...summary } } : {}) }, actorId: actor.id },
      });
      return result(after, summary);
    },
    { timeout: 60_000 },
  );
}
