// A researcher's correction of a claim's value (figure, bounds, unit, what is counted, event) and
// the event a cluster dates. Stored corrections win over the parse (lib/quantities/claim-values.ts).
import "server-only";
import type { ClaimValues, ValueCorrection } from "../quantities/claim-values";
import { claimValues } from "../quantities/claim-values";
import type { DatePrecision } from "../quantities/dates";
import { badRequest, notFound } from "../errors";
import type { ClaimValueInput } from "../schemas";
import type { ClaimValuesView, ValueCorrectionView } from "../types";
import { checkClusterChange } from "./permissions";
import type { Db } from "./db";
import type { Actor } from "./users";
import { requireRole } from "./projects";

const EMPTY: ValueCorrection = { quantity: null, unit: null, value: null, lower: null, upper: null, lowerOpen: false, upperOpen: false, tolerance: null, event: null };

function isEmpty(c: ValueCorrection): boolean {
  return Object.entries(EMPTY).every(([k, v]) => c[k as keyof ValueCorrection] === v);
}

type CorrectionRow = ValueCorrection & { claimId: string };

export function toCorrection(row: CorrectionRow | null | undefined): ValueCorrection | null {
  if (!row) return null;
  const { quantity, unit, value, lower, upper, lowerOpen, upperOpen, tolerance, event } = row;
  return { quantity, unit, value, lower, upper, lowerOpen, upperOpen, tolerance, event };
}

/**
 * Replaces the claim's correction (any annotator of the project may judge a value; History records who).
 * All fields empty removes it, so the parse speaks again. A given `date` sets or (null) clears the
 * claim's date. One transaction.
 */
export async function setClaimValue(db: Db, actor: Actor, claimId: string, input: ClaimValueInput): Promise<ValueCorrectionView | null> {
  const next: ValueCorrection = {
    quantity: input.quantity ?? null,
    unit: input.unit ? input.unit.toLowerCase() : null,
    value: input.value ?? null,
    lower: input.lower ?? null,
    upper: input.upper ?? null,
    lowerOpen: input.lower != null && !!input.lowerOpen,
    upperOpen: input.upper != null && !!input.upperOpen,
    tolerance: input.tolerance ?? null,
    event: input.event ?? null,
  };
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true, deletedAt: true, claimDateStart: true, claimDateEnd: true, claimDatePrecision: true, source: { select: { projectId: true } } } });
    if (!claim) throw notFound(`Claim ${claimId} does not exist`);
    await requireRole(tx, actor, claim.source.projectId, "ANNOTATOR", "correct values");
    if (claim.deletedAt) throw badRequest(`Claim ${claimId} was deleted: its value cannot be corrected`);
    if (input.date !== undefined) {
      // The date lives on the claim (Claim.claimDate*, CHECK start <= end), the one place provenance
      // also sets it; the version moves so an editor holding the old date gets a 409, not an overwrite.
      const d = input.date;
      const day = (x: Date | null) => x?.toISOString().slice(0, 10) ?? null;
      await tx.claim.update({
        where: { id: claimId },
        data: { claimDateStart: d ? new Date(`${d.start}T00:00:00Z`) : null, claimDateEnd: d ? new Date(`${d.end}T00:00:00Z`) : null, claimDatePrecision: d?.precision ?? null, version: { increment: 1 } },
      });
      await tx.history.create({
        data: {
          entity: "CLAIM", entityId: claimId, claimId, action: "claim date set", actorId: actor.id,
          before: claim.claimDateStart ? { start: day(claim.claimDateStart), end: day(claim.claimDateEnd), precision: claim.claimDatePrecision } : undefined,
          after: d ? { ...d } : undefined,
        },
      });
    }
    const before = toCorrection(await tx.claimValue.findUnique({ where: { claimId } }));
    if (isEmpty(next)) await tx.claimValue.deleteMany({ where: { claimId } });
    else await tx.claimValue.upsert({ where: { claimId }, create: { claimId, ...next, authorId: actor.id }, update: { ...next, authorId: actor.id } });
    await tx.history.create({
      data: { entity: "CLAIM", entityId: claimId, claimId, action: "value corrected", before: before ? { ...before } : undefined, after: isEmpty(next) ? undefined : { ...next }, actorId: actor.id },
    });
    return isEmpty(next) ? null : next;
  });
}

/** Names (or clears) the event the cluster's dates are of. Only the cluster's author or a curator may. */
export async function setClusterEvent(db: Db, actor: Actor, clusterId: string, event: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.cluster.findUnique({ where: { id: clusterId }, include: { author: { select: { name: true } } } });
    if (!row) throw notFound(`Cluster ${clusterId} does not exist`);
    checkClusterChange(actor, await requireRole(tx, actor, row.projectId, "ANNOTATOR", "change clusters"), row);
    await tx.cluster.update({ where: { id: clusterId }, data: { event } });
    await tx.history.create({ data: { entity: "CLUSTER", entityId: clusterId, action: "event named", before: { event: row.event }, after: { event }, actorId: actor.id } });
  });
}

const PRECISION: Record<string, DatePrecision> = { DAY: "day", MONTH: "month", YEAR: "year" };

/** What the values code needs of a claim row. */
export interface ValuedClaimRow {
  quote: string;
  claimDateStart: Date | null;
  claimDateEnd: Date | null;
  claimDatePrecision: string | null;
  valueCorrection: CorrectionRow | null;
}

/** The claim's values: its stored correction and provenance claim date win over the quote's parse. */
export function valuesOfClaim(row: ValuedClaimRow, clusterEvent: string | null = null): { values: ClaimValues; correction: ValueCorrection | null } {
  const correction = toCorrection(row.valueCorrection);
  const claimDate = row.claimDateStart && row.claimDateEnd && row.claimDatePrecision
    ? { start: row.claimDateStart.toISOString().slice(0, 10), end: row.claimDateEnd.toISOString().slice(0, 10), precision: PRECISION[row.claimDatePrecision]! }
    : null;
  return { values: claimValues({ quote: row.quote, correction, claimDate, clusterEvent }), correction };
}

const finite = (n: number) => (Number.isFinite(n) ? n : null);

export function toValuesView(values: ClaimValues, correction: ValueCorrection | null): ClaimValuesView {
  const f = values.figure;
  return {
    figure: f && {
      label: f.label, text: f.text, quantity: f.quantity, part: f.part, unit: f.unit, value: f.value,
      lower: finite(f.interval.lower), upper: finite(f.interval.upper), lowerOpen: f.interval.lowerOpen, upperOpen: f.interval.upperOpen,
      intervalText: f.intervalText, tolerance: f.tolerance, corrected: f.corrected,
    },
    date: values.date,
    event: values.event,
    correction,
  };
}
