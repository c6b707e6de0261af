import { ProjectLink } from "@/components/shell/ProjectContext";
import type { ExportClaim } from "@/lib/export/model";
import { kindLabel } from "@/lib/labels";
import { displayTitle } from "@/lib/types";
import styles from "./claims-list.module.css";
import { Quote } from "@/components/Quote";
import { ProvenanceEntries } from "@/components/provenance/ProvenanceFacts";

/** Each claim with its kind, source, speaker, attribution, origin, note and author; the quote leads to it in the reader. */
export function ClaimsList({ claims }: { claims: ExportClaim[] }) {
  return (
    <ol className={styles.list} aria-label="Claims">
      {claims.map((c) => (
        <li key={c.id} className={`${styles.claim} ${styles[c.kind]}`}>
          <p className={styles.quote}>
            <span className={`${styles.kind} ${styles[`kind${c.kind}`]}`}>{kindLabel(c.kind)}</span>
            <ProjectLink to={`/sources/${c.sourceId}#claim-${c.id}`}><Quote text={c.quote} /></ProjectLink>
          </p>
          <p className={styles.context} aria-label="In context">
            …{c.prefix.replace(/\s+/g, " ")}<mark>{c.quote}</mark>{c.suffix.replace(/\s+/g, " ")}…
          </p>
          <dl className="meta">
            <div><dt>Source</dt><dd>{displayTitle(c.source)}, {c.location}</dd></div>
            <ProvenanceEntries provenance={c.provenance} />
            <div><dt>Marked by</dt><dd>{c.authorName}</dd></div>
            {c.links.length > 0 && <div><dt>Links</dt><dd>{c.links.length}</dd></div>}
            {c.orphaned && <div className={styles.orphaned}><dt>Orphaned</dt><dd>the corrected text no longer contains this quote</dd></div>}
          </dl>
          {c.note && <p className={styles.note}><span className="muted">Note: </span>{c.note}</p>}
        </li>
      ))}
    </ol>
  );
}
