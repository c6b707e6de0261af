// The provenance part of a claim update: speaker, attribution type, what it rests on, claim date.
// Checks what the database cannot say clearly (a missing or deleted origin, an unknown speaker)
// and returns the columns to write with the History action words; runs inside the update's
// transaction so a new speaker or reference is written only with the claim change.
import "server-only";
import type { Tx } from "./db";
import { badRequest } from "../errors";
import type { UpdateClaimInput } from "../schemas";
import { createReference, ensureSpeaker } from "./speakers";

interface CurrentProvenance {
  id: string;
  sourceId: string;
  speakerId: string | null;
  attributionType: string;
  restsOnClaimId: string | null;
  restsOnSourceId: string | null;
  restsOnReferenceId: string | null;
  claimDateStart: Date | null;
  claimDateEnd: Date | null;
  claimDatePrecision: string | null;
}

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function provenanceChanges(tx: Tx, row: CurrentProvenance, input: UpdateClaimInput): Promise<{ data: Record<string, unknown>; actions: string[] }> {
  const data: Record<string, unknown> = {};
  const actions: string[] = [];

  let speakerId: string | null | undefined = input.speakerId;
  if (speakerId) {
    if (!(await tx.speaker.findUnique({ where: { id: speakerId }, select: { id: true } }))) throw badRequest(`speakerId: speaker ${speakerId} does not exist`);
  }
  if (input.speakerName !== undefined) speakerId = (await ensureSpeaker(tx, { name: input.speakerName, role: input.speakerRole ?? undefined })).id;
  if (speakerId !== undefined && speakerId !== row.speakerId) data.speakerId = speakerId;
  if (input.attributionType !== undefined && input.attributionType !== row.attributionType) data.attributionType = input.attributionType;
  if ("speakerId" in data || "attributionType" in data) actions.push("attributed");

  if (input.restsOn !== undefined) {
    const next = { restsOnClaimId: null as string | null, restsOnSourceId: null as string | null, restsOnReferenceId: null as string | null };
    const r = input.restsOn;
    // A claim or source of another project does not exist to this one (the trigger
    // "Claim_rests_on_project" refuses it as well).
    const ownProject = async () => (await tx.source.findUniqueOrThrow({ where: { id: row.sourceId }, select: { projectId: true } })).projectId;
    if (r?.kind === "claim") {
      const target = await tx.claim.findUnique({ where: { id: r.id }, select: { deletedAt: true, source: { select: { projectId: true } } } });
      if (!target || target.deletedAt || target.source.projectId !== (await ownProject())) throw badRequest(`restsOn: claim ${r.id} does not exist or was deleted`);
      next.restsOnClaimId = r.id;
    } else if (r?.kind === "source") {
      const target = await tx.source.findUnique({ where: { id: r.id }, select: { projectId: true } });
      if (!target || target.projectId !== (await ownProject())) throw badRequest(`restsOn: source ${r.id} does not exist`);
      next.restsOnSourceId = r.id;
    } else if (r?.kind === "reference") {
      if (!(await tx.externalReference.findUnique({ where: { id: r.id }, select: { id: true } }))) throw badRequest(`restsOn: reference ${r.id} does not exist`);
      next.restsOnReferenceId = r.id;
    } else if (r?.kind === "newReference") {
      next.restsOnReferenceId = (await createReference(tx, r.reference)).id;
    }
    if (next.restsOnClaimId !== row.restsOnClaimId || next.restsOnSourceId !== row.restsOnSourceId || next.restsOnReferenceId !== row.restsOnReferenceId) {
      Object.assign(data, next);
      actions.push("sourced");
    }
  }

  if (input.claimDate !== undefined) {
    const d = input.claimDate;
    if (day(row.claimDateStart) !== (d?.start ?? null) || day(row.claimDateEnd) !== (d?.end ?? null) || row.claimDatePrecision !== (d?.precision ?? null)) {
      Object.assign(data, { claimDateStart: d ? utc(d.start) : null, claimDateEnd: d ? utc(d.end) : null, claimDatePrecision: d?.precision ?? null });
      actions.push("dated");
    }
  }
  return { data, actions };
}

/** The trigger "Claim_rests_on_no_cycle" refused the write. */
export function isRestsOnCycle(err: unknown): boolean {
  return /Claim_rests_on_cycle|would rest on itself/.test(String((err as { message?: string })?.message ?? "") + JSON.stringify((err as { meta?: unknown })?.meta ?? {}));
}
