// One-click suggestions for a claim's provenance: the attribution phrases in and around its span
// (speaker, attribution type, origin) and the dates in its sentence, read against the records
// already kept (a known speaker, a source in the app by that publisher). Nothing is written here;
// the editor saves a suggestion through PATCH /api/claims/:id when the researcher accepts it.
// Cost: the claim's paragraph for the phrases, plus one pass over speakers and sources.
import "server-only";
import type { Db } from "./db";
import { notFound } from "../errors";
import { suggestAttribution } from "../provenance/attribution-phrases";
import { suggestClaimDates } from "../provenance/claim-date";
import { findSpeaker, normaliseSpeakerName } from "../provenance/speakers";
import { citationDate, displayTitle, type ProvenanceSuggestions, type SpeakerView } from "../types";
import { toSourceMeta } from "./sources";

export async function provenanceSuggestions(db: Db, claimId: string): Promise<ProvenanceSuggestions> {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: { start: true, end: true, deletedAt: true, orphaned: true, sourceId: true, source: true } });
  if (!claim || claim.deletedAt) throw notFound(`Claim ${claimId} does not exist or was deleted`);
  if (claim.orphaned) return { attributions: [], dates: [] };
  const body = claim.source.body;
  const found = suggestAttribution(body, claim.start, claim.end);
  const speakers = found.length ? await db.speaker.findMany({ select: { id: true, name: true, role: true, aliases: true } }) : [];
  const hints = found.some((f) => f.originHint)
    ? await db.source.findMany({ where: { id: { not: claim.sourceId } }, select: { id: true, title: true, suggestedTitle: true, author: true, publisher: true } })
    : [];
  const sourceNamed = (hint: string) => {
    const wanted = normaliseSpeakerName(hint);
    const s = hints.find((h) => [h.publisher, h.author, h.title].some((v) => v && normaliseSpeakerName(v) === wanted));
    return s ? { id: s.id, title: displayTitle(s) } : null;
  };
  return {
    attributions: found.map((f) => ({
      ...f,
      speaker: f.speakerName ? (findSpeaker(speakers, f.speakerName)?.speaker as SpeakerView | undefined) ?? null : null,
      originSource: f.originHint ? sourceNamed(f.originHint) : null,
    })),
    dates: suggestClaimDates(body, claim.start, claim.end, citationDate(toSourceMeta(claim.source))),
  };
}
