// Independent annotation, agreement and curation (issue 17). An owner opens a round on a source
// for two or more chosen members; their claims on that source carry the round's id (set by the
// claim's INSERT in lib/server/claims.ts). While the round is open, an annotator who has not
// marked their work done sees only their own claims on that source (the rule below). Agreement
// is computed from the round's claims by lib/agreement/; a curator settles each unit (the round
// claims on the same words) by accepting one version, editing one, or rejecting all: accepted and
// edited versions become claims outside the round, the project's curated set.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "./db";
import { Prisma } from "../generated/prisma/client";
import { badRequest, conflict, DomainError, forbidden, notFound } from "../errors";
import type { ProjectRole } from "../roles";
import { CLAIM_KINDS, displayTitle, type ClaimKind, type CurationUnitView, type RoundAgreementView, type RoundClaimView, type RoundView } from "../types";
import { sourceAgreement } from "../agreement/summary";
import { agreementUnits, type AnnotatorSpans } from "../agreement/units";
import { MATCHING_RULE } from "../agreement/spans";
import type { CurationDecisionInput, OpenRoundInput } from "../schemas";
import { anchorClaimSpan } from "../anchoring/claim-span";
import { requireRole, roleIn } from "./projects";
import type { Actor } from "./users";

const newId = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, "")}`;

// ---------------------------------------------------------------------------------------------
// Visibility: the one rule, used by every read that lists claims of a source (reader page and
// API, claims list, search, exports, compare, clusters).

/** Whose claims a reader may not see: on the sources of `hiddenSourceIds` (open rounds in which
 *  the reader annotates and has not marked their work done) only the reader's own claims show. */
export interface ClaimVisibility {
  viewerId: string | null;
  hiddenSourceIds: string[];
}

/** Everything visible: single-user mode, scripts, and tests that read as nobody in particular. */
export const SEE_EVERYTHING: ClaimVisibility = { viewerId: null, hiddenSourceIds: [] };

/** The reader's hidden sources: one index range scan of RoundAnnotator by user (a few rows: the
 *  rounds they annotate in), whatever the number of claims. Owners and curators who are not
 *  annotators of a round see all of it: they run it. */
export async function claimVisibility(db: Db | Tx, viewer: Actor | null): Promise<ClaimVisibility> {
  if (!viewer) return SEE_EVERYTHING;
  const rows = await db.roundAnnotator.findMany({ where: { userId: viewer.id, doneAt: null, round: { state: "OPEN" } }, select: { round: { select: { sourceId: true } } } });
  return { viewerId: viewer.id, hiddenSourceIds: rows.map((r) => r.round.sourceId) };
}

/** The rule as a Prisma filter on Claim: not (on a hidden source and by someone else). A cheap
 *  per-row test on two columns; nothing when no source is hidden. */
export function visibleClaimsWhere(visibility: ClaimVisibility): Prisma.ClaimWhereInput {
  if (!visibility.hiddenSourceIds.length || !visibility.viewerId) return {};
  return { NOT: { sourceId: { in: visibility.hiddenSourceIds }, authorId: { not: visibility.viewerId } } };
}

/** The same rule as SQL on the claim row aliased `alias` ("AND …", or nothing). */
export function visibleClaimsSql(visibility: ClaimVisibility, alias = "c"): Prisma.Sql {
  if (!visibility.hiddenSourceIds.length || !visibility.viewerId) return Prisma.empty;
  const c = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql` AND NOT (${c}."sourceId" = ANY(${visibility.hiddenSourceIds}) AND ${c}."authorId" <> ${visibility.viewerId})`;
}

/** The rule for one claim (a claim opened by its id, e.g. from a live notice). */
export function mayViewClaim(visibility: ClaimVisibility, claim: { sourceId: string; authorId: string }): boolean {
  return !visibility.hiddenSourceIds.includes(claim.sourceId) || claim.authorId === visibility.viewerId;
}

/** Is this source's claim list cut to the reader's own (for the reader's banner)? */
export function isHiddenSource(visibility: ClaimVisibility, sourceId: string): boolean {
  return visibility.hiddenSourceIds.includes(sourceId);
}

// ---------------------------------------------------------------------------------------------
// Rounds.

const roundInclude = {
  source: { select: { title: true, suggestedTitle: true } },
  openedBy: { select: { name: true } },
  closedBy: { select: { name: true } },
  annotators: { select: { userId: true, doneAt: true, user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } },
  _count: { select: { decisions: true } },
} satisfies Prisma.AnnotationRoundInclude;

type RoundRow = Prisma.AnnotationRoundGetPayload<{ include: typeof roundInclude }>;

async function toRoundViews(db: Db | Tx, rows: RoundRow[]): Promise<RoundView[]> {
  const counts = rows.length
    ? await db.claim.groupBy({ by: ["roundId", "authorId"], where: { roundId: { in: rows.map((r) => r.id) }, deletedAt: null }, _count: { _all: true } })
    : [];
  const count = (roundId: string, userId: string) => counts.find((c) => c.roundId === roundId && c.authorId === userId)?._count._all ?? 0;
  return rows.map((r) => ({
    id: r.id,
    sourceId: r.sourceId,
    sourceTitle: displayTitle(r.source),
    state: r.state,
    openedByName: r.openedBy.name,
    openedAt: r.openedAt.toISOString(),
    closedByName: r.closedBy?.name ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    annotators: r.annotators.map((a) => ({ userId: a.userId, name: a.user.name, doneAt: a.doneAt?.toISOString() ?? null, claims: count(r.id, a.userId) })),
    decisions: r._count.decisions,
  }));
}

/** A project's rounds, newest first (one indexed range scan plus one grouped count). */
export async function listRounds(db: Db, projectId: string): Promise<RoundView[]> {
  const rows = await db.annotationRound.findMany({ where: { projectId }, include: roundInclude, orderBy: [{ openedAt: "desc" }, { id: "asc" }] });
  return toRoundViews(db, rows);
}

const NO_ROUND = (id: string) => `Round ${id.slice(0, 64)} does not exist in your projects`;

/** The round and the reader's role in its project; 404 when it does not exist or the reader is not
 *  a member (a stranger cannot tell the two apart). */
export async function roundAccess(db: Db | Tx, actor: Actor | null, roundId: string): Promise<{ round: RoundView; projectId: string; role: ProjectRole }> {
  const row = await db.annotationRound.findUnique({ where: { id: roundId }, include: roundInclude });
  const role = row ? await roleIn(db, actor, row.projectId) : null;
  if (!row || !role) throw notFound(NO_ROUND(roundId));
  return { round: (await toRoundViews(db, [row]))[0]!, projectId: row.projectId, role };
}

/** The open round of a source, if any (for the reader's banner). */
export async function openRoundOf(db: Db, sourceId: string): Promise<{ id: string; projectSlug: string } | null> {
  const row = await db.annotationRound.findFirst({ where: { sourceId, state: "OPEN" }, select: { id: true, project: { select: { slug: true } } } });
  return row ? { id: row.id, projectSlug: row.project.slug } : null;
}

/** May the reader see the round's results (agreement, disagreements)? Not while they annotate in
 *  it and have not marked their work done: the figures would tell them the others' tags. */
export function mayReadResults(round: RoundView, actor: Actor | null): boolean {
  if (round.state === "CLOSED" || !actor) return true;
  const mine = round.annotators.find((a) => a.userId === actor.id);
  return !mine || mine.doneAt !== null;
}

function roundHistory(projectId: string, roundId: string, actor: Actor, action: string, after: object, extra: { claimId?: string | null; before?: object } = {}) {
  return {
    entity: "ROUND" as const,
    entityId: roundId,
    projectId,
    action,
    after: after as Prisma.InputJsonValue,
    ...(extra.before ? { before: extra.before as Prisma.InputJsonValue } : {}),
    ...(extra.claimId ? { claimId: extra.claimId } : {}),
    actorId: actor.id,
  };
}

/** An owner opens a source for independent annotation by two or more members (each at least an
 *  annotator). The partial unique index keeps one open round per source. */
export async function openRound(db: Db, actor: Actor, input: OpenRoundInput): Promise<RoundView> {
  if (actor.mayEditAll) throw conflict("Independent annotation needs accounts (CP_AUTH=accounts): in single-user mode there is one researcher");
  const annotatorIds = [...new Set(input.annotatorIds)];
  if (annotatorIds.length < 2) throw badRequest("annotatorIds: name at least two different annotators");
  const roundId = newId("r");
  await db.$transaction(async (tx) => {
    const source = await tx.source.findUnique({ where: { id: input.sourceId }, select: { projectId: true } });
    const role = source ? await roleIn(tx, actor, source.projectId) : null;
    if (!source || !role) throw notFound(`Source ${input.sourceId} does not exist`);
    await requireRole(tx, actor, source.projectId, "OWNER", "open a round of independent annotation: an owner does");
    const members = await tx.projectMember.findMany({ where: { projectId: source.projectId, userId: { in: annotatorIds } }, select: { userId: true, role: true, user: { select: { name: true } } } });
    const missing = annotatorIds.filter((id) => !members.some((m) => m.userId === id));
    if (missing.length) throw badRequest(`annotatorIds: not members of this project: ${missing.join(", ").slice(0, 300)}`);
    const viewers = members.filter((m) => m.role === "VIEWER");
    if (viewers.length) throw badRequest(`annotatorIds: ${viewers.map((v) => v.user.name).join(", ")} may only read this project: annotators must be annotators, curators or owners`);
    await tx.annotationRound.create({ data: { id: roundId, projectId: source.projectId, sourceId: input.sourceId, openedById: actor.id, annotators: { create: annotatorIds.map((userId) => ({ userId })) } } });
    await tx.history.create({ data: roundHistory(source.projectId, roundId, actor, "round opened", { sourceId: input.sourceId, annotators: members.map((m) => m.user.name).sort() }) });
  });
  return (await roundAccess(db, actor, roundId)).round;
}

/** An owner closes the round: everyone sees everyone's claims again, and curation may start. */
export async function closeRound(db: Db, actor: Actor, roundId: string): Promise<RoundView> {
  await db.$transaction(async (tx) => {
    const { projectId } = await roundAccess(tx, actor, roundId);
    await requireRole(tx, actor, projectId, "OWNER", "close a round: an owner does");
    // Conditional on the round being open: of two closes at once, one wins, the other answers 409.
    const closed = await tx.annotationRound.updateMany({ where: { id: roundId, state: "OPEN" }, data: { state: "CLOSED", closedAt: new Date(), closedById: actor.id } });
    if (closed.count !== 1) throw conflict("This round is already closed");
    await tx.history.create({ data: roundHistory(projectId, roundId, actor, "round closed", { state: "CLOSED" }) });
  });
  return (await roundAccess(db, actor, roundId)).round;
}

/** An annotator marks their own work on the round done: from then on they see the others' claims. */
export async function markDone(db: Db, actor: Actor, roundId: string): Promise<RoundView> {
  await db.$transaction(async (tx) => {
    const { round, projectId } = await roundAccess(tx, actor, roundId);
    await requireRole(tx, actor, projectId, "ANNOTATOR", "mark work done in a round");
    if (!round.annotators.some((a) => a.userId === actor.id)) throw forbidden("You are not an annotator of this round");
    if (round.state !== "OPEN") throw conflict("This round is closed: there is nothing left to mark done");
    const done = await tx.roundAnnotator.updateMany({ where: { roundId, userId: actor.id, doneAt: null }, data: { doneAt: new Date() } });
    if (done.count !== 1) throw conflict("You already marked your work on this round done");
    await tx.history.create({ data: roundHistory(projectId, roundId, actor, "work marked done", { userId: actor.id, name: actor.name }) });
  });
  return (await roundAccess(db, actor, roundId)).round;
}

// ---------------------------------------------------------------------------------------------
// Agreement and curation units.

type RoundClaimRow = RoundClaimView & { span: { start: number; end: number; kind: ClaimKind } };

/** The round's live claims in text order (one index range scan on Claim.roundId). */
async function roundClaims(db: Db | Tx, roundId: string): Promise<RoundClaimRow[]> {
  const rows = await db.claim.findMany({
    where: { roundId, deletedAt: null },
    select: { id: true, authorId: true, start: true, end: true, quote: true, kind: true, author: { select: { name: true } } },
    orderBy: [{ start: "asc" }, { end: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ id: r.id, authorId: r.authorId, authorName: r.author.name, start: r.start, end: r.end, quote: r.quote, kind: r.kind, span: { start: r.start, end: r.end, kind: r.kind } }));
}

/** Each annotator's spans, in the round's annotator order (by name); the span objects are the
 *  rows' own, so units can be mapped back to claims by identity. */
function spansByAnnotator(round: RoundView, claims: RoundClaimRow[]): AnnotatorSpans<ClaimKind>[] {
  return round.annotators.map((a) => ({ annotator: a.userId, spans: claims.filter((c) => c.authorId === a.userId).map((c) => c.span) }));
}

function refuseResultsYet(round: RoundView, actor: Actor | null, what: string) {
  if (!mayReadResults(round, actor)) throw forbidden(`The ${what} of this round shows once you mark your work done or the owner closes the round: until then you annotate without seeing the others`);
}

/** GET /api/rounds/:id/agreement. 422 when fewer than two annotators have claims in the round. */
export async function roundAgreement(db: Db, actor: Actor | null, roundId: string): Promise<RoundAgreementView> {
  const { round } = await roundAccess(db, actor, roundId);
  refuseResultsYet(round, actor, "agreement");
  const claims = await roundClaims(db, roundId);
  const withClaims = round.annotators.filter((a) => a.claims > 0);
  if (withClaims.length < 2) {
    throw new DomainError(422, `Agreement needs claims from at least two annotators of the round; ${withClaims.length === 0 ? "nobody has" : `only ${withClaims[0]!.name} has`} marked claims so far`);
  }
  // Every annotator of the round takes part, also one who marked nothing (their pairs score 0):
  // leaving them out would report agreement among those who happened to work.
  const annotators = spansByAnnotator(round, claims);
  const result = sourceAgreement(annotators, CLAIM_KINDS);
  const { units, extra } = agreementUnits(annotators);
  const name = new Map(round.annotators.map((a) => [a.userId, a.name]));
  return {
    roundId,
    annotators: round.annotators.map((a) => ({ userId: a.userId, name: a.name, claims: a.claims })),
    kinds: CLAIM_KINDS,
    matchingRule: MATCHING_RULE,
    pairs: result.pairs.map((p) => ({
      reference: p.reference, other: p.other, referenceName: name.get(p.reference)!, otherName: name.get(p.other)!,
      exact: p.spans.exact, overlap: p.spans.overlap, referenceCount: p.spans.referenceCount, otherCount: p.spans.otherCount,
      kappa: p.kappa.kappa, kappaDegenerate: p.kappa.degenerate, kappaItems: p.kappa.items, observed: p.kappa.observed,
      confusion: p.confusion, perKind: p.perKind,
    })),
    alpha: { ...result.alpha, unmatchedSpans: units.filter((u) => u.kinds.filter((k) => k !== null).length === 1).length + extra.length },
  };
}

const decisionSelect = {
  id: true, decision: true, decidedAt: true, resultClaimId: true,
  decidedBy: { select: { name: true } },
  resultClaim: { select: { kind: true, quote: true } },
  claims: { select: { claimId: true } },
} satisfies Prisma.CurationDecisionSelect;

/** GET /api/rounds/:id/disagreements: the round's units (spans matched across annotators by the
 *  rule of lib/agreement/spans.ts), each with what is different about it and its decision.
 *  Cost: one agreementUnits over the round's claims, O(annotators² · spans). */
export async function roundUnits(db: Db, actor: Actor | null, roundId: string): Promise<{ round: RoundView; units: CurationUnitView[] }> {
  const { round } = await roundAccess(db, actor, roundId);
  refuseResultsYet(round, actor, "curation list");
  const claims = await roundClaims(db, roundId);
  const bySpan = new Map(claims.map((c) => [c.span, c]));
  const { units, extra } = agreementUnits(spansByAnnotator(round, claims));
  const groups: RoundClaimRow[][] = [
    ...units.map((u) => u.spans.filter((s) => s !== null).map((s) => bySpan.get(s)!)),
    ...extra.map((e) => [bySpan.get(e.span)!]),
  ];
  const decisions = await db.curationDecision.findMany({ where: { roundId }, select: decisionSelect });
  const decisionOf = new Map(decisions.flatMap((d) => d.claims.map((c) => [c.claimId, d] as const)));
  const annotatorCount = round.annotators.length;
  const views = groups.map((group): CurationUnitView => {
    const issues: CurationUnitView["issues"] = [];
    if (new Set(group.map((c) => c.kind)).size > 1) issues.push("kinds");
    if (new Set(group.map((c) => c.authorId)).size < annotatorCount) issues.push("only-one");
    if (new Set(group.map((c) => `${c.start}:${c.end}`)).size > 1) issues.push("spans");
    const d = group.map((c) => decisionOf.get(c.id)).find((x) => x !== undefined);
    return {
      claims: group.map(({ span: _span, ...c }) => c),
      start: Math.min(...group.map((c) => c.start)),
      end: Math.max(...group.map((c) => c.end)),
      issues,
      decision: d
        ? { id: d.id, decision: d.decision, decidedByName: d.decidedBy.name, decidedAt: d.decidedAt.toISOString(), resultClaimId: d.resultClaimId, resultKind: d.resultClaim?.kind ?? null, resultQuote: d.resultClaim?.quote ?? null }
        : null,
    };
  });
  views.sort((a, b) => a.start - b.start || a.end - b.end);
  return { round, units: views };
}

export interface DecisionResult {
  decisionId: string;
  decision: "ACCEPT" | "EDIT" | "REJECT";
  resultClaimId: string | null;
}

/** POST /api/rounds/:id/decisions. One transaction: the unit's round claims are locked (in id
 *  order, so two curators take turns), checked undecided, the curated claim made (or an existing
 *  claim outside the round at that exact span re-tagged), the decision and its History row
 *  written. The primary key of CurationDecisionClaim is the invariant behind the check. */
export async function decideUnit(db: Db, actor: Actor, roundId: string, input: CurationDecisionInput): Promise<DecisionResult> {
  const unit = [...new Set(input.unit)].sort();
  return db.$transaction(async (tx) => {
    const { round, projectId } = await roundAccess(tx, actor, roundId);
    await requireRole(tx, actor, projectId, "CURATOR", "decide what enters the curated set: a curator or an owner does");
    if (round.state === "OPEN" && round.annotators.some((a) => a.doneAt === null)) {
      throw conflict("This round is still open and not everyone has marked their work done: close it (or wait) before curating");
    }
    await tx.$queryRaw`SELECT "id" FROM "Claim" WHERE "id" = ANY(${unit}) ORDER BY "id" FOR UPDATE`;
    const claims = await tx.claim.findMany({ where: { id: { in: unit }, roundId, deletedAt: null } });
    const strangers = unit.filter((id) => !claims.some((c) => c.id === id));
    if (strangers.length) throw badRequest(`unit: not live claims of this round: ${strangers.join(", ").slice(0, 300)}`);
    const decided = await tx.curationDecisionClaim.findFirst({ where: { claimId: { in: unit } }, select: { decision: { select: { decision: true, decidedAt: true, decidedBy: { select: { name: true } } } } } });
    if (decided) {
      const d = decided.decision;
      throw conflict(`This unit was already decided (${d.decision.toLowerCase()}) by ${d.decidedBy.name} at ${d.decidedAt.toISOString()}: reload to see the decision`);
    }
    const before = { claims: claims.map((c) => ({ id: c.id, authorId: c.authorId, start: c.start, end: c.end, kind: c.kind })) };
    const decisionId = newId("d");
    const verdict = input.decision.toUpperCase() as DecisionResult["decision"];
    let resultClaimId: string | null = null;
    let after: Record<string, unknown> = { decision: verdict, decisionId };
    if (input.decision !== "reject") {
      const baseId = input.claimId ?? (claims.length === 1 ? claims[0]!.id : undefined);
      if (!baseId) throw badRequest("claimId: name the version to keep (one of the unit's claims)");
      const base = claims.find((c) => c.id === baseId);
      if (!base) throw badRequest(`claimId: ${baseId.slice(0, 64)} is not one of the unit's claims`);
      let span = { start: base.start, end: base.end, quote: base.quote, prefix: base.prefix, suffix: base.suffix };
      if (input.start !== undefined && input.end !== undefined) {
        // Share lock: a text correction in progress is waited for (as in updateClaim).
        const [source] = await tx.$queryRaw<{ body: string }[]>`SELECT "body" FROM "Source" WHERE "id" = ${base.sourceId} FOR SHARE`;
        const q = anchorClaimSpan(source!.body, input.start, input.end);
        span = { start: q.start, end: q.end, quote: q.exact, prefix: q.prefix, suffix: q.suffix };
      }
      const kind = input.kind ?? base.kind;
      const twin = await tx.claim.findFirst({ where: { sourceId: base.sourceId, start: span.start, end: span.end, deletedAt: null, roundId: null } });
      if (twin) {
        // The curated set already has these exact words (curated before, or marked outside the
        // round): the decision settles on that claim, re-tagged if the curator chose another kind.
        resultClaimId = twin.id;
        if (twin.kind !== kind) {
          await tx.claim.update({ where: { id: twin.id }, data: { kind, version: { increment: 1 } } });
          await tx.history.create({ data: { entity: "CLAIM", entityId: twin.id, claimId: twin.id, action: "retagged", before: { kind: twin.kind, version: twin.version }, after: { kind, version: twin.version + 1, curatedFromRound: roundId }, actorId: actor.id } });
        }
      } else {
        resultClaimId = newId("c");
        await tx.claim.create({
          data: {
            id: resultClaimId, sourceId: base.sourceId, ...span, kind, note: base.note, authorId: actor.id,
            speakerId: base.speakerId, attributionType: base.attributionType,
            restsOnClaimId: base.restsOnClaimId, restsOnSourceId: base.restsOnSourceId, restsOnReferenceId: base.restsOnReferenceId,
            claimDateStart: base.claimDateStart, claimDateEnd: base.claimDateEnd, claimDatePrecision: base.claimDatePrecision,
          },
        });
        await tx.history.create({
          data: { entity: "CLAIM", entityId: resultClaimId, claimId: resultClaimId, action: "created", after: { start: span.start, end: span.end, quote: span.quote, kind, note: base.note, version: 1, curatedFromRound: roundId, curatedFromClaims: unit }, actorId: actor.id },
        });
      }
      after = { ...after, resultClaimId, fromClaimId: base.id, kind, start: span.start, end: span.end, quote: span.quote };
    }
    await tx.curationDecision.create({ data: { id: decisionId, roundId, decision: verdict, resultClaimId, decidedById: actor.id, claims: { create: unit.map((claimId) => ({ claimId })) } } });
    await tx.history.create({ data: roundHistory(projectId, roundId, actor, `curation: ${input.decision}`, after, { before, claimId: resultClaimId }) });
    return { decisionId, decision: verdict, resultClaimId };
  });
}
