import { ProjectLink } from "@/components/shell/ProjectContext";
import type { ClaimProvenance } from "@/lib/types";
import { Quote } from "@/components/Quote";
import { ProvenanceLine } from "@/components/provenance/ProvenanceFacts";
import { CreateClusterForm } from "@/components/clusters/CreateClusterForm";

/** The claims chosen in the compare view, to be grouped into a new cluster. */
export function GroupPanel({ chosen, claimById, onLeaveOut, onCreated }: {
  chosen: string[];
  /** A chosen claim's quote, and its provenance once its whole record is loaded. */
  claimById: ReadonlyMap<string, { quote: string; provenance?: ClaimProvenance }>;
  onLeaveOut: (id: string) => void;
  onCreated: () => void;
}) {
  return (
    <section className="panel" aria-label="Group into cluster">
      <h2>Group into cluster…</h2>
      {chosen.length === 0 ? <p className="muted">Select claims and tick “Include in the claims to group”.</p> : (
        <ul className="plain-list" aria-label="Claims to group">
          {chosen.map((id) => {
            const claim = claimById.get(id);
            const quote = claim?.quote ?? id;
            return (
              <li key={id}>
                <Quote text={quote} />{" "}
                {claim?.provenance && <ProvenanceLine provenance={claim.provenance} className="muted compare-provenance" />}{" "}
                <button type="button" onClick={() => onLeaveOut(id)} aria-label={`Leave out: ${quote}`}>Leave out</button>
              </li>
            );
          })}
        </ul>
      )}
      <CreateClusterForm claimIds={chosen} onCreated={onCreated} />
      <p><ProjectLink to="/clusters">All clusters</ProjectLink></p>
    </section>
  );
}
