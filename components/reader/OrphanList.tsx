"use client";

import type { ReaderClaim } from "@/lib/types";
import { kindLabel } from "@/lib/labels";
import type { TextSpan } from "./ReaderEditor";
import { Quote } from "@/components/Quote";

interface Props {
  orphans: ReaderClaim[];
  /** The reader's current selection: the words an orphan can be re-attached to. */
  selection: TextSpan | null;
  busy: boolean;
  onOpen: (id: string) => void;
  onReattach: (claim: ReaderClaim, span: TextSpan) => void;
  onDelete: (claim: ReaderClaim) => void;
}

/** Claims whose words are gone after the text was corrected: kept, listed apart, never painted. */
export function OrphanList({ orphans, selection, busy, onOpen, onReattach, onDelete }: Props) {
  return (
    <section className="orphan-section" aria-labelledby="orphan-list-title">
      <h2 id="orphan-list-title">Orphaned claims ({orphans.length})</h2>
      <p className="muted">Their words are no longer in the text. Select new words and re-attach one, or delete it.</p>
      <ul className="orphan-list" aria-label="Orphaned claims">
        {orphans.map((c) => (
          <li key={c.id}>
            <span className={`badge claim-${c.kind.toLowerCase()}`}>{kindLabel(c.kind)}</span> last quote: <Quote text={c.quote} />
            <span className="muted"> · its words are no longer in the text</span>
            <div className="actions">
              <button type="button" disabled={busy || !selection} onClick={() => selection && onReattach(c, selection)}>Re-attach to selection</button>
              <button type="button" onClick={() => onOpen(c.id)}>Open</button>
              <button type="button" className="danger" disabled={busy} onClick={() => onDelete(c)}>Delete</button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
