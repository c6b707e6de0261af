// A claim's provenance as the lists show it (claims list, cluster members, compare): who says it,
// how, and what it rests on, in the same words as the exports (lib/export/provenance.ts), so a
// reader comment never shows the article's author as its speaker.
import { ProjectLink } from "@/components/shell/ProjectContext";
import { exportProvenance, speakerWords } from "@/lib/export/provenance";
import { attributionLabel } from "@/lib/labels";
import type { AttributionType, ClaimProvenance, RestsOnView } from "@/lib/types";

type Props = { provenance: ClaimProvenance | null | undefined };

/** "Michael Andersen (Danish journalist)", "reader comment", or "not named". */
export function SpeakerText({ provenance }: Props) {
  const words = speakerWords(exportProvenance({ provenance: provenance ?? undefined }));
  return words ? <>{words}</> : <span className="muted">not named</span>;
}

/** "Direct quote", "Reader comment"… (a claim made before provenance existed: the source's own voice). */
export function AttributionText({ provenance }: Props) {
  return <>{attributionLabel(provenance?.attributionType ?? "OWN_VOICE")}</>;
}

const ORIGIN_QUOTE = 120; // characters of an origin claim's quote shown; the whole quote is its tooltip

/** What the claim rests on, as a link to it; "none" when nothing is cited. */
export function OriginText({ restsOn }: { restsOn: RestsOnView | null | undefined }) {
  if (!restsOn) return <span className="muted">none</span>;
  if (restsOn.kind === "claim") {
    const cut = restsOn.label.length > ORIGIN_QUOTE;
    return (
      <>claim <ProjectLink to={`/sources/${restsOn.sourceId}#claim-${restsOn.id}`} className="quote" title={cut ? restsOn.label : undefined}>
        {cut ? `${restsOn.label.slice(0, ORIGIN_QUOTE).trimEnd()}…` : restsOn.label}
      </ProjectLink></>
    );
  }
  if (restsOn.kind === "source") return <>source <ProjectLink to={`/sources/${restsOn.id}`}>{restsOn.label}</ProjectLink></>;
  return restsOn.reference.url
    ? <>outside: <a href={restsOn.reference.url} rel="noreferrer noopener" target="_blank">{restsOn.label}</a></>
    : <>outside: {restsOn.label}</>;
}

/** Speaker, attribution and origin as entries of a `<dl>`. */
export function ProvenanceEntries({ provenance }: Props) {
  return (
    <>
      <div><dt>Speaker</dt><dd><SpeakerText provenance={provenance} /></dd></div>
      <div><dt>Attribution</dt><dd><AttributionText provenance={provenance} /></dd></div>
      <div><dt>Origin</dt><dd><OriginText restsOn={provenance?.restsOn} /></dd></div>
    </>
  );
}

/** One line: "Said by X (role) · Direct quote · rests on …"; a reader comment names nobody. */
export function ProvenanceLine({ provenance, className }: Props & { className?: string }) {
  const restsOn = provenance?.restsOn;
  const origin = restsOn && <> · rests on <OriginText restsOn={restsOn} /></>;
  if (provenance?.attributionType === "READER_COMMENT") {
    return <span className={className}>Reader comment, not the author&apos;s claim{origin}</span>;
  }
  return <span className={className}>Said by <SpeakerText provenance={provenance} /> · <AttributionText provenance={provenance} />{origin}</span>;
}

/** Plain words for a tooltip (title attribute): "said by X (role), direct quote". Needs the
 *  speaker and attribution only, which the reader's claims carry too. */
export function provenanceTitle(provenance: { speaker: { name: string; role: string | null } | null; attributionType: AttributionType } | null | undefined): string {
  if (provenance?.attributionType === "READER_COMMENT") return "reader comment";
  const speaker = provenance?.speaker;
  const who = speakerWords({ speaker: speaker ? { name: speaker.name, role: speaker.role } : null, attribution: provenance?.attributionType ?? "OWN_VOICE", restsOn: null, claimDate: null });
  return `${who ? `said by ${who}` : "no speaker named"}, ${attributionLabel(provenance?.attributionType ?? "OWN_VOICE").toLowerCase()}`;
}
