// Reads back what lib/export/w3c.ts writes of a claim's provenance: prov:wasAttributedTo (the
// speaker), prov:wasQuotedFrom or prov:hadPrimarySource (the origin: a claim, a source or an
// outside reference), cp:attribution and cp:claimDate. Absent terms leave the claim as a new
// claim would be; a present but wrong term refuses the file.
import { z } from "zod";
import { isoDay } from "../schemas";
import { ATTRIBUTION_TYPES, DATE_PRECISION_VALUES, type AttributionType, type ClaimDateView } from "../types";
import { parseRecordIri } from "../export/w3c";

export type ImportRestsOn =
  | { kind: "claim" | "source"; id: string }
  | { kind: "reference"; id: string; title: string; publisher: string | null; url: string | null; date: string | null };

export interface ImportProvenance {
  speaker: { name: string; role: string | null } | null;
  attribution: AttributionType;
  restsOn: ImportRestsOn | null;
  claimDate: ClaimDateView | null;
}

const agent = z.looseObject({ name: z.string().trim().min(1, "the speaker's name must not be empty").max(200), "cp:role": z.string().max(200).optional() });
const origin = z.looseObject({
  id: z.string().min(1),
  "dcterms:title": z.string().trim().min(1).max(500).optional(),
  "dcterms:publisher": z.string().max(200).optional(),
  "dcterms:issued": isoDay.optional(),
  "cp:url": z.string().max(2000).optional(),
});
const terms = z.looseObject({
  "cp:attribution": z.enum(ATTRIBUTION_TYPES, { error: `must be one of ${ATTRIBUTION_TYPES.join(", ")}` }).optional(),
  "prov:wasAttributedTo": agent.optional(),
  "prov:wasQuotedFrom": origin.optional(),
  "prov:hadPrimarySource": origin.optional(),
  "cp:claimDate": z.looseObject({ "cp:start": isoDay, "cp:end": isoDay, "cp:precision": z.enum(DATE_PRECISION_VALUES) }).refine((d) => d["cp:start"] <= d["cp:end"], "cp:start must not be after cp:end").optional(),
});

/** The claim's provenance, or a message saying what is wrong. */
export function readProvenance(annotation: unknown): { ok: true; value: ImportProvenance } | { ok: false; error: string } {
  const parsed = terms.safeParse(annotation);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `${issue.path.join(".")}: ${issue.message}` };
  }
  const t = parsed.data;
  const o = t["prov:wasQuotedFrom"] ?? t["prov:hadPrimarySource"];
  let restsOn: ImportRestsOn | null = null;
  if (o) {
    const claim = parseRecordIri("claim", o.id);
    const source = parseRecordIri("source", o.id);
    const reference = parseRecordIri("reference", o.id);
    if (claim) restsOn = { kind: "claim", id: claim };
    else if (source) restsOn = { kind: "source", id: source };
    else if (reference && o["dcterms:title"]) {
      restsOn = { kind: "reference", id: reference, title: o["dcterms:title"], publisher: o["dcterms:publisher"] ?? null, url: o["cp:url"] ?? null, date: o["dcterms:issued"] ?? null };
    } else return { ok: false, error: `the origin "${o.id}" is not a claim, source or reference (with dcterms:title) IRI` };
  }
  const d = t["cp:claimDate"];
  const attribution = t["cp:attribution"] ?? "OWN_VOICE";
  const speaker = t["prov:wasAttributedTo"];
  return {
    ok: true,
    value: {
      speaker: speaker && attribution !== "READER_COMMENT" ? { name: speaker.name, role: speaker["cp:role"] ?? null } : null,
      attribution,
      restsOn,
      claimDate: d ? { start: d["cp:start"], end: d["cp:end"], precision: d["cp:precision"] } : null,
    },
  };
}
