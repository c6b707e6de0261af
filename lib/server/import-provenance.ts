// Writes the provenance of imported claims (lib/import/w3c-provenance.ts) inside the import's
// transaction, after every claim of the file exists: speakers made or reused by name, outside
// references kept with their ids, then each claim's columns. Cost: one statement per distinct
// speaker and reference, and one update per claim that carries provenance.
import "server-only";
import type { Tx } from "./db";
import type { ImportClaim } from "../import/w3c";
import { ensureSpeaker } from "./speakers";
import { isRestsOnCycle } from "./claim-provenance";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function writeImportedProvenance(tx: Tx, claims: ImportClaim[], refuse: (kind: string, id: string, problem: string) => never): Promise<void> {
  const speakers = new Map<string, string>();
  for (const c of claims) {
    const s = c.provenance.speaker;
    if (s && !speakers.has(s.name.toLowerCase())) speakers.set(s.name.toLowerCase(), (await ensureSpeaker(tx, { name: s.name, role: s.role })).id);
  }
  for (const c of claims) {
    const r = c.provenance.restsOn;
    if (r?.kind === "reference") {
      await tx.externalReference.upsert({
        where: { id: r.id }, update: {},
        create: { id: r.id, title: r.title, publisher: r.publisher, url: r.url, date: r.date ? utc(r.date) : null },
      });
    } else if (r?.kind === "claim") {
      const target = await tx.claim.findUnique({ where: { id: r.id }, select: { deletedAt: true } });
      if (!target || target.deletedAt) refuse("claim", c.id, `it rests on claim ${r.id}, which is neither in the file nor here`);
    } else if (r?.kind === "source") {
      if (!(await tx.source.findUnique({ where: { id: r.id }, select: { id: true } }))) refuse("claim", c.id, `it rests on source ${r.id}, which is neither in the file nor here`);
    }
    const p = c.provenance;
    await tx.claim.update({
      where: { id: c.id },
      data: {
        attributionType: p.attribution,
        speakerId: p.speaker ? speakers.get(p.speaker.name.toLowerCase()) : null,
        restsOnClaimId: r?.kind === "claim" ? r.id : null,
        restsOnSourceId: r?.kind === "source" ? r.id : null,
        restsOnReferenceId: r?.kind === "reference" ? r.id : null,
        claimDateStart: p.claimDate ? utc(p.claimDate.start) : null,
        claimDateEnd: p.claimDate ? utc(p.claimDate.end) : null,
        claimDatePrecision: p.claimDate?.precision ?? null,
      },
    }).catch((err) => {
      if (isRestsOnCycle(err)) refuse("claim", c.id, "its chain of origins leads back to it");
      throw err;
    });
  }
}
