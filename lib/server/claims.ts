// Claims: create, update, delete, restore, list and history. Every write is one transaction that
// also appends a History row, so the record of who changed what can never disagree with the data.
import "server-only";
import { randomUUID } from "node:crypto";
import { anchorClaimSpan } from "../anchoring/claim-span";
import type { Db, Tx } from "./db";
import { idList } from "./sql";
import { isUniqueViolation } from "../db-errors";
import { DomainError, conflict, forbidden, notFound } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { CreateClaimInput, UpdateClaimInput } from "../schemas";
import { fullTextClaimIds, SEARCH_CAP } from "./search";
import { cachedSourceText, forgetSourceText, rememberSourceText, type SourceText } from "./source-text-cache";
import type { Actor } from "./users";
import { projectOfSource, requireRole, roleIn } from "./projects";
import { mayAnnotate, mayChangeWork, type ProjectRole } from "../roles";
import type { AttributionType, ClaimKind, ClaimRecord, ClaimView, ClaimViewerRights, HistoryEntry, ReaderClaim, RestsOnView, SourceSection } from "../types";
import { inCommentsSection } from "../provenance/attribution";
import { isRestsOnCycle, provenanceChanges } from "./claim-provenance";
import { provenanceSelect, referenceLabel, toProvenance, toReferenceView } from "./provenance-fields";
import { SEE_EVERYTHING, visibleClaimsSql, visibleClaimsWhere, type ClaimVisibility } from "./rounds";

const claimInclude = {
  author: { select: { name: true } },
  linksFrom: { where: { deletedAt: null }, include: { to: { select: { id: true, sourceId: true, quote: true } } } },
  linksTo: { where: { deletedAt: null }, include: { from: { select: { id: true, sourceId: true, quote: true } } } },
  speaker: provenanceSelect.speaker,
  restsOnClaim: provenanceSelect.restsOnClaim,
  restsOnSource: provenanceSelect.restsOnSource,
  restsOnReference: provenanceSelect.restsOnReference,
} satisfies Prisma.ClaimInclude;

type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof claimInclude }>;

function toView(row: ClaimRow): ClaimView {
  return {
    id: row.id,
    sourceId: row.sourceId,
    start: row.start,
    end: row.end,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    kind: row.kind,
    note: row.note,
    orphaned: row.orphaned,
    authorName: row.author.name,
    authorId: row.authorId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    deleted: row.deletedAt !== null,
    provenance: toProvenance(row),
    links: [
      ...row.linksFrom.map((l) => ({
        linkId: l.id, otherClaimId: l.to.id, otherSourceId: l.to.sourceId, otherQuote: l.to.quote,
        relation: l.relation, direction: "out" as const, note: l.note,
      })),
      ...row.linksTo.map((l) => ({
        linkId: l.id, otherClaimId: l.from.id, otherSourceId: l.from.sourceId, otherQuote: l.from.quote,
        relation: l.relation, direction: "in" as const, note: l.note,
      })),
    ],
  };
}

/** What History keeps of a claim: enough to see what it said at each step. */
function snapshot(row: ClaimRow) {
  return {
    start: row.start, end: row.end, quote: row.quote, kind: row.kind, note: row.note, version: row.version, ...(row.orphaned ? { orphaned: true } : {}),
    speaker: row.speaker?.name ?? null, attributionType: row.attributionType,
    restsOn: row.restsOnClaimId ? `claim:${row.restsOnClaimId}` : row.restsOnSourceId ? `source:${row.restsOnSourceId}` : row.restsOnReferenceId ? `reference:${row.restsOnReferenceId}` : null,
    claimDate: row.claimDateStart ? { start: row.claimDateStart.toISOString().slice(0, 10), end: row.claimDateEnd?.toISOString().slice(0, 10), precision: row.claimDatePrecision } : null,
  };
}

async function loadLive(tx: Tx, id: string) {
  const row = await tx.claim.findUnique({ where: { id }, include: claimInclude });
  if (!row || row.deletedAt) throw notFound(`Claim ${id} does not exist or was deleted`);
  return row;
}

/** The rule (lib/roles.ts): a claim is changed (re-tagged, re-spanned, noted, deleted, restored)
 *  by its author, if still an annotator of the project, or by a curator or owner. Two primary-key
 *  reads (the source's project, the actor's membership). */
async function checkClaimChange(tx: Tx, actor: Actor, row: { id: string; sourceId: string; authorId: string; author?: { name: string } }) {
  const projectId = (await projectOfSource(tx, row.sourceId))!;
  const role = await requireRole(tx, actor, projectId, "ANNOTATOR", "change claims");
  if (mayChangeWork(role, actor.id, row.authorId)) return;
  throw forbidden(`Claim ${row.id} belongs to ${row.author?.name ?? "another researcher"}: only its author or a curator can change it`);
}

/** The same rule, said to the editor before anything is tried: `viewer` is who reads (null: nobody
 *  is signed in where accounts are required), `role` their role in the claim's project. */
export function claimViewerRights(viewer: Actor | null, role: ProjectRole | null, claim: Pick<ClaimView, "authorId" | "authorName">): ClaimViewerRights {
  if (!viewer) return { mayChange: false, mayLink: false, reason: "Sign in to change or link this claim." };
  if (mayChangeWork(role, viewer.id, claim.authorId)) return { mayChange: true, mayLink: true, reason: null };
  if (!mayAnnotate(role)) return { mayChange: false, mayLink: false, reason: `You are ${role ? "a viewer" : "not a member"} of this project: you can read and export its claims, not change or link them.` };
  return { mayChange: false, mayLink: true, reason: `Only its author, ${claim.authorName}, or a curator can change this claim. You can link it to other claims.` };
}

function checkVersion(row: { version: number; id: string }, version: number | undefined) {
  if (version !== undefined && row.version !== version) {
    throw conflict(`Claim ${row.id} was changed by someone else (you had version ${version}, it is now ${row.version}). Reload to see the change.`, {
      currentVersion: row.version,
    });
  }
}

/** The hot path of marking, so usually one SQL statement: the source text comes from memory,
 *  and the statement inserts the claim and its History row atomically, only while the source
 *  text is still the one the offsets were checked against. It takes a key-share lock on the
 *  source row, so a text correction in progress (which holds it FOR UPDATE, lib/server/source-edit.ts)
 *  is waited for and its new content hash seen: the claim is then judged against the new text,
 *  never written with offsets into the old one. KEY SHARE, not SHARE: the claim's foreign key
 *  takes KEY SHARE on that row anyway, so concurrent marks on one source share one lock mode
 *  (SHARE added a second lock on the row for every mark) and FOR UPDATE still excludes them. The partial unique index "Claim_live_span_key" refuses a
 *  twin span. */
export async function createClaim(db: Db, actor: Actor, input: CreateClaimInput): Promise<ClaimView> {
  const cached = cachedSourceText(input.sourceId);
  if (cached) {
    try {
      const claim = await insertClaim(db, actor, input, cached);
      if (claim) return claim;
    } catch (err) {
      // Offsets refused against a remembered text may fit the corrected one: judge them there.
      if (!(err instanceof DomainError && err.status === 400)) throw err;
    }
    forgetSourceText(input.sourceId);
  }
  const row = await db.source.findUnique({ where: { id: input.sourceId }, select: { body: true, contentHash: true, sections: true, projectId: true } });
  if (!row) throw notFound(`Source ${input.sourceId} does not exist`);
  // Said before anything is written; the insert checks the role again in its own statement.
  const role = await roleIn(db, actor, row.projectId);
  if (!role) throw notFound(`Source ${input.sourceId} does not exist`);
  if (!mayAnnotate(role)) throw forbidden("As a viewer of this project you cannot mark claims");
  const source: SourceText = { body: row.body, contentHash: row.contentHash, sections: row.sections as unknown as SourceSection[] };
  rememberSourceText(input.sourceId, source);
  const claim = await insertClaim(db, actor, input, source);
  if (!claim) throw conflict("The source text was corrected, or your role changed, while you were marking it: reload and mark the span again");
  return claim;
}

/** The claim, or null when the source's text is no longer `text` or the actor may no longer mark
 *  claims in its project (nothing was written then). */
async function insertClaim(db: Db, actor: Actor, input: CreateClaimInput, text: SourceText): Promise<ClaimView | null> {
  const quote = anchorClaimSpan(text.body, input.start, input.end, input.quote);
  const { start, end } = quote;
  const id = `c${randomUUID().replace(/-/g, "")}`;
  const note = input.note ?? "";
  const after = { start, end, quote: quote.exact, kind: input.kind, note, version: 1 };
  // The default attribution (lib/provenance/attribution.ts): a reader comment inside a flagged
  // comments section (sections come with the checked text), else the source's own voice, spoken
  // by its author or publisher as the row says now (metadata edits do not change the hash), a
  // speaker made or reused by lower(name) in the same statement. The statement's snapshot does
  // not see the speaker it inserts, hence the UNION of the inserted and the existing record.
  const attributionType: AttributionType = inCommentsSection(text.sections, start) ? "READER_COMMENT" : "OWN_VOICE";
  const speakerId = `sp${randomUUID().replace(/-/g, "")}`;
  let rows: { createdAt: Date; updatedAt: Date; speakerId: string | null; speakerName: string | null; speakerRole: string | null; speakerAliases: string[] | null }[];
  try {
    rows = await db.$queryRaw`
      WITH src AS (
        SELECT CASE WHEN ${attributionType} = 'OWN_VOICE' THEN coalesce(nullif(btrim("author"), ''), nullif(btrim("publisher"), '')) END AS "name"
        FROM "Source" WHERE "id" = ${input.sourceId} AND "contentHash" = ${text.contentHash}
          -- The role, in the same statement: one primary-key probe of ProjectMember.
          AND (${actor.mayEditAll === true} OR EXISTS (
            SELECT 1 FROM "ProjectMember" m WHERE m."projectId" = "Source"."projectId" AND m."userId" = ${actor.id} AND m."role" <> 'VIEWER'))
        FOR KEY SHARE
      ), new_speaker AS (
        INSERT INTO "Speaker" ("id", "name") SELECT ${speakerId}, "name" FROM src WHERE "name" IS NOT NULL
        ON CONFLICT (lower("name")) DO NOTHING RETURNING "id", "name", "role", "aliases"
      ), speaker AS (
        SELECT * FROM new_speaker
        UNION ALL SELECT sp."id", sp."name", sp."role", sp."aliases" FROM "Speaker" sp JOIN src ON lower(sp."name") = lower(src."name")
      ), inserted AS (
        INSERT INTO "Claim" ("id", "sourceId", "start", "end", "quote", "prefix", "suffix", "kind", "note", "authorId", "updatedAt", "attributionType", "speakerId", "roundId")
        SELECT ${id}, ${input.sourceId}, ${start}, ${end}, ${quote.exact}, ${quote.prefix}, ${quote.suffix},
               ${input.kind}::"ClaimKind", ${note}, ${actor.id}, now(), ${attributionType}::"AttributionType", (SELECT "id" FROM speaker LIMIT 1),
               -- The source's open round, when the actor annotates in it (lib/server/rounds.ts): one
               -- probe of the partial index of open rounds and one of RoundAnnotator's key.
               (SELECT r."id" FROM "AnnotationRound" r JOIN "RoundAnnotator" ra ON ra."roundId" = r."id" AND ra."userId" = ${actor.id}
                WHERE r."sourceId" = ${input.sourceId} AND r."state" = 'OPEN')
        FROM src
        RETURNING "id", "createdAt", "updatedAt", "speakerId"
      ), history AS (
        INSERT INTO "History" ("entity", "entityId", "claimId", "action", "after", "actorId")
        SELECT 'CLAIM', "id", "id", 'created', ${JSON.stringify(after)}::jsonb, ${actor.id} FROM inserted
      )
      SELECT i."createdAt", i."updatedAt", sp."id" AS "speakerId", sp."name" AS "speakerName", sp."role" AS "speakerRole", sp."aliases" AS "speakerAliases"
      FROM inserted i LEFT JOIN (SELECT * FROM speaker LIMIT 1) sp ON true`;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // The twin within the actor's round (their own), else among claims outside rounds.
    const twin = await db.claim.findFirst({ where: { sourceId: input.sourceId, start, end, deletedAt: null, OR: [{ roundId: null }, { roundId: { not: null }, authorId: actor.id }] }, select: { id: true }, orderBy: { roundId: { sort: "desc", nulls: "last" } } });
    throw conflict(`This exact span is already claim ${twin?.id ?? "(just made by someone else)"}: edit that claim instead`, { claimId: twin?.id });
  }
  if (!rows.length) return null;
  return {
    id, sourceId: input.sourceId, start, end,
    quote: quote.exact, prefix: quote.prefix, suffix: quote.suffix, kind: input.kind, note, orphaned: false,
    authorName: actor.name, authorId: actor.id, createdAt: rows[0].createdAt.toISOString(), updatedAt: rows[0].updatedAt.toISOString(),
    version: 1, deleted: false, links: [],
    provenance: {
      speaker: rows[0].speakerId ? { id: rows[0].speakerId, name: rows[0].speakerName!, role: rows[0].speakerRole, aliases: rows[0].speakerAliases ?? [] } : null,
      attributionType, restsOn: null, claimDate: null,
    },
  };
}


export async function updateClaim(db: Db, actor: Actor, id: string, input: UpdateClaimInput): Promise<ClaimView> {
  return db.$transaction(async (tx) => {
    const row = await loadLive(tx, id);
    await checkClaimChange(tx, actor, row);
    checkVersion(row, input.version);
    const data: Prisma.ClaimUpdateInput = { version: { increment: 1 } };
    const actions: string[] = [];
    if (input.kind !== undefined && input.kind !== row.kind) { data.kind = input.kind; actions.push("retagged"); }
    if (input.note !== undefined && input.note !== row.note) { data.note = input.note; actions.push("noted"); }
    if (input.start !== undefined && input.end !== undefined) {
      // Share lock: a text correction in progress is waited for, then its re-anchoring has bumped
      // this claim's version and the update below answers 409 instead of mixing the two texts.
      const [source] = await tx.$queryRaw<{ body: string }[]>`SELECT "body" FROM "Source" WHERE "id" = ${row.sourceId} FOR SHARE`;
      const quote = anchorClaimSpan(source.body, input.start, input.end);
      // An orphan given words again is re-attached even at its old offsets: the words there are new.
      if (quote.start !== row.start || quote.end !== row.end || row.orphaned) {
        Object.assign(data, { start: quote.start, end: quote.end, quote: quote.exact, prefix: quote.prefix, suffix: quote.suffix, orphaned: false });
        actions.push(row.orphaned ? "reattached" : "respanned");
      }
    }
    const provenance = await provenanceChanges(tx, row, input);
    Object.assign(data, provenance.data);
    actions.push(...provenance.actions);
    if (!actions.length) return toView(row);
    // The version in the WHERE makes the check atomic against a concurrent writer; the trigger
    // "Claim_rests_on_no_cycle" refuses a rests-on chain leading back to the claim.
    const updated = await tx.claim.updateMany({ where: { id, version: row.version }, data: data as Prisma.ClaimUpdateManyMutationInput }).catch((err) => {
      throw isRestsOnCycle(err) ? conflict(`Claim ${id} cannot rest on that claim: the chain of origins would lead back to it`) : err;
    });
    if (updated.count !== 1) throw conflict(`Claim ${id} was changed by someone else. Reload to see the change.`);
    const after = await tx.claim.findUniqueOrThrow({ where: { id }, include: claimInclude });
    await tx.history.create({
      data: { entity: "CLAIM", entityId: id, claimId: id, action: actions.join("+"), before: snapshot(row), after: snapshot(after), actorId: actor.id },
    });
    return toView(after);
  });
}

/** Why a conditional write found no row: the claim was deleted meanwhile (404) or changed (409). */
async function refuseLost(tx: Tx, id: string): Promise<never> {
  const now = await tx.claim.findUnique({ where: { id }, select: { deletedAt: true, version: true } });
  if (!now || now.deletedAt) throw notFound(`Claim ${id} does not exist or was deleted`);
  throw conflict(`Claim ${id} was changed by someone else. Reload to see the change.`, { currentVersion: now.version });
}

/** Soft delete: the claim's links go with it (marked with the same instant, so restore can find them). */
export async function deleteClaim(db: Db, actor: Actor, id: string, version?: number): Promise<{ claim: ClaimView; removedLinks: number }> {
  return db.$transaction(async (tx) => {
    const row = await loadLive(tx, id);
    await checkClaimChange(tx, actor, row);
    checkVersion(row, version);
    const now = new Date();
    // Conditional on the row still being live (at the version named): of concurrent deletes one
    // wins; the others wait for its row lock, find it deleted and answer 404, so the links are
    // stamped with the winner's instant only and a restore brings them back.
    const deleted = await tx.claim.updateMany({ where: { id, deletedAt: null, ...(version === undefined ? {} : { version }) }, data: { deletedAt: now, version: { increment: 1 } } });
    if (deleted.count !== 1) await refuseLost(tx, id);
    const links = await tx.claimLink.updateMany({ where: { deletedAt: null, OR: [{ fromId: id }, { toId: id }] }, data: { deletedAt: now } });
    await tx.history.create({
      data: { entity: "CLAIM", entityId: id, claimId: id, action: "deleted", before: snapshot(row), after: { removedLinks: links.count }, actorId: actor.id },
    });
    return { claim: toView(row), removedLinks: links.count };
  });
}

/** Undoes a delete: the claim and the links removed with it come back (unless their other end is gone). */
export async function restoreClaim(db: Db, actor: Actor, id: string): Promise<ClaimView> {
  return db.$transaction(async (tx) => {
    const row = await tx.claim.findUnique({ where: { id }, include: { author: { select: { name: true } } } });
    if (!row) throw notFound(`Claim ${id} does not exist`);
    await checkClaimChange(tx, actor, row);
    if (!row.deletedAt) throw conflict(`Claim ${id} is not deleted`);
    // The span invariant's scope: claims outside rounds, or the author's own within the round.
    const twin = await tx.claim.findFirst({ where: { sourceId: row.sourceId, start: row.start, end: row.end, deletedAt: null, roundId: row.roundId, ...(row.roundId ? { authorId: row.authorId } : {}) }, select: { id: true } });
    if (twin) throw conflict(`The same span is now claim ${twin.id}, so this one cannot come back`);
    // Conditional on the delete this restore undoes: of concurrent restores one wins, the others answer 409.
    const restored = await tx.claim.updateMany({ where: { id, deletedAt: row.deletedAt }, data: { deletedAt: null, version: { increment: 1 } } });
    if (restored.count !== 1) throw conflict(`Claim ${id} was restored or changed meanwhile. Reload to see it.`);
    const links = await tx.claimLink.updateMany({
      where: {
        deletedAt: row.deletedAt,
        OR: [
          { fromId: id, to: { deletedAt: null } },
          { toId: id, from: { deletedAt: null } },
        ],
      },
      data: { deletedAt: null },
    });
    const after = await tx.claim.findUniqueOrThrow({ where: { id }, include: claimInclude });
    await tx.history.create({
      data: { entity: "CLAIM", entityId: id, claimId: id, action: "restored", after: { ...snapshot(after), restoredLinks: links.count }, actorId: actor.id },
    });
    return toView(after);
  });
}

export async function getClaim(db: Db, id: string): Promise<ClaimView | null> {
  const row = await db.claim.findUnique({ where: { id }, include: claimInclude });
  return row ? toView(row) : null;
}

export interface ClaimFilter {
  /** The project whose claims are listed (always given: a list never spans projects). */
  projectId: string;
  sourceId?: string;
  kind?: ClaimKind;
  q?: string;
  includeDeleted?: boolean;
  /** Only the first claims in text order: a search then reads its first SEARCH_CAP matches in
   *  that order (O(cap)), not every match, however common the words. */
  limit?: number;
}

/** Claims in text order (source, then start offset). */
export async function listClaims(db: Db, filter: ClaimFilter, visibility: ClaimVisibility = SEE_EVERYTHING): Promise<ClaimView[]> {
  const textOrder = Prisma.sql`m."sourceId", m."start", m."end", m.id`;
  const rows = await db.claim.findMany({
    where: {
      ...visibleClaimsWhere(visibility),
      source: { projectId: filter.projectId },
      sourceId: filter.sourceId,
      kind: filter.kind,
      deletedAt: filter.includeDeleted ? undefined : null,
      ...(filter.q ? { id: { in: await fullTextClaimIds(db, filter.projectId, filter.q, filter.limit ? { cap: SEARCH_CAP, orderBy: textOrder } : {}) } } : {}),
    },
    include: claimInclude,
    orderBy: [{ sourceId: "asc" }, { start: "asc" }, { end: "asc" }],
    ...(filter.limit ? { take: filter.limit } : {}),
  });
  return rows.map(toView);
}

/** Who says a claim and what it rests on: set on few claims, so read as one JSON value (null on
 *  the rest) rather than ten mostly empty columns; the reader's 10,000 claims read ~30 ms faster. */
interface ReaderClaimRare {
  speakerName: string | null; speakerRole: string | null;
  originClaimId: string | null; originClaimSourceId: string | null; originClaimQuote: string | null;
  originSourceId: string | null; originSourceTitle: string | null;
  originReferenceId: string | null; originReferenceTitle: string | null; originReferencePublisher: string | null; originReferenceUrl: string | null;
  /** ISO 8601 text, as Date.toISOString writes it. */
  originReferenceDate: string | null;
}

type ReaderClaimRow = Omit<ReaderClaim, "speaker" | "restsOn" | "linkCount"> & { rare: ReaderClaimRare | null };

/** The words the reader's claim card needs for an origin (a claim's quote cut to a card's length). */
function readerRestsOn(r: ReaderClaimRare): RestsOnView | null {
  if (r.originClaimId) return { kind: "claim", id: r.originClaimId, sourceId: r.originClaimSourceId!, label: r.originClaimQuote!.trim() };
  if (r.originSourceId) return { kind: "source", id: r.originSourceId, label: r.originSourceTitle! };
  if (r.originReferenceId) {
    const reference = toReferenceView({
      id: r.originReferenceId, title: r.originReferenceTitle!, publisher: r.originReferencePublisher, url: r.originReferenceUrl,
      date: r.originReferenceDate === null ? null : new Date(r.originReferenceDate),
    });
    return { kind: "reference", id: reference.id, label: referenceLabel(reference), reference };
  }
  return null;
}

/** The live claims of one source in text order, with who says each and what it rests on (one
 *  index lookup per joined row, so it grows with the source's claims only), then their link counts
 *  in a second statement over the claims' ids. Counted per claim inside the first statement,
 *  right after a bulk import (before PostgreSQL has statistics for the new rows) the counts were
 *  planned as a scan of every live link for each claim: 10,000 claims and 2,000 links took over 1 s. */
export async function listReaderClaims(db: Db, sourceId: string, visibility: ClaimVisibility = SEE_EVERYTHING): Promise<ReaderClaim[]> {
  const rows = await db.$queryRaw<ReaderClaimRow[]>`
    SELECT c."id", c."start", c."end", c."kind"::text AS "kind", c."quote", c."note", u."name" AS "authorName", c."version", c."orphaned",
           c."attributionType"::text AS "attributionType",
           CASE WHEN c."speakerId" IS NOT NULL OR c."restsOnClaimId" IS NOT NULL OR c."restsOnSourceId" IS NOT NULL OR c."restsOnReferenceId" IS NOT NULL THEN json_build_object(
             'speakerName', sp."name", 'speakerRole', sp."role",
             'originClaimId', oc."id", 'originClaimSourceId', oc."sourceId", 'originClaimQuote', left(oc."quote", 300),
             'originSourceId', os."id", 'originSourceTitle', coalesce(os."title", os."suggestedTitle", 'Untitled source'),
             'originReferenceId', r."id", 'originReferenceTitle', r."title", 'originReferencePublisher', r."publisher", 'originReferenceUrl', r."url",
             'originReferenceDate', to_char(r."date", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
           ) END AS "rare"
    FROM "Claim" c JOIN "User" u ON u."id" = c."authorId"
    LEFT JOIN "Speaker" sp ON sp."id" = c."speakerId"
    LEFT JOIN "Claim" oc ON oc."id" = c."restsOnClaimId"
    LEFT JOIN "Source" os ON os."id" = c."restsOnSourceId"
    LEFT JOIN "ExternalReference" r ON r."id" = c."restsOnReferenceId"
    WHERE c."sourceId" = ${sourceId} AND c."deletedAt" IS NULL${visibleClaimsSql(visibility)}
    ORDER BY c."start", c."end"`;
  // Their live links, by the claims' ids sent as one text parameter (idList): an array parameter
  // of 10,000 ids cost 50–80 ms to send and compile; a join on the source instead read every live
  // link of the project (a sequential scan, O(links)).
  const ids = idList(rows.map((r) => r.id));
  const counts = rows.length ? await db.$queryRaw<{ id: string; n: number }[]>`
    SELECT e."id", count(*)::int AS "n" FROM (
      SELECT l."fromId" AS "id" FROM "ClaimLink" l WHERE l."deletedAt" IS NULL AND l."fromId" = ANY(${ids})
      UNION ALL
      SELECT l."toId" FROM "ClaimLink" l WHERE l."deletedAt" IS NULL AND l."toId" = ANY(${ids})
    ) e GROUP BY e."id"` : [];
  const linkCount = new Map(counts.map((c) => [c.id, c.n]));
  return rows.map((r) => ({
    id: r.id, start: r.start, end: r.end, kind: r.kind, quote: r.quote, note: r.note, authorName: r.authorName, version: r.version,
    linkCount: linkCount.get(r.id) ?? 0, orphaned: r.orphaned, attributionType: r.attributionType,
    speaker: r.rare?.speakerName ? { name: r.rare.speakerName, role: r.rare.speakerRole } : null,
    restsOn: r.rare ? readerRestsOn(r.rare) : null,
  }));
}

/** Everything that happened to a claim, oldest first, including links made or removed. */
export async function claimHistory(db: Db, claimId: string): Promise<HistoryEntry[]> {
  const rows = await db.history.findMany({
    where: { claimId },
    include: { actor: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({
    id: r.id, action: r.action, entity: r.entity, before: r.before, after: r.after,
    actorName: r.actor?.name ?? null, createdAt: r.createdAt.toISOString(),
  }));
}
