import type { ClaimView } from "@/lib/types";
import { displayTitle, type SourceDoc } from "@/lib/types";
import { CompareColumnText, type ClaimMarks } from "./CompareColumnText";

/** One source: its header with a Collapse / Expand button, and its text scrolling on its own.
 *  A collapsed column is a narrow strip, so the columns beside it sit side by side for connectors. */
export function CompareColumn({ source, claims, open, marks, textRef, onToggle, onScroll, onActivate }: {
  source: SourceDoc;
  claims: ClaimView[];
  open: boolean;
  marks: ClaimMarks;
  textRef: (el: HTMLDivElement | null) => void;
  onToggle: () => void;
  onScroll: () => void;
  onActivate: (event: React.MouseEvent | React.KeyboardEvent) => void;
}) {
  const title = displayTitle(source);
  if (!open) {
    return (
      <section className="compare-column collapsed" aria-label={title} data-source-id={source.id}>
        <button type="button" className="column-toggle" aria-expanded={false} aria-label={`Expand ${title}`} onClick={onToggle}>
          <span className="collapsed-title">{title}</span>
        </button>
      </section>
    );
  }
  return (
    <section className="compare-column" aria-label={title} data-source-id={source.id}>
      <header>
        <div className="column-head">
          <h2>{title}</h2>
          <button type="button" className="column-toggle" aria-expanded={true} aria-label={`Collapse ${title}`} onClick={onToggle}>Collapse</button>
        </div>
        <span className="muted">{source.author ?? "unknown author"} · {source.publishedDate ?? source.approxDate ?? "undated"} · {claims.length} claim{claims.length === 1 ? "" : "s"}</span>
      </header>
      <div className="compare-text" ref={textRef} onScroll={onScroll} onClick={onActivate} onKeyDown={onActivate} tabIndex={0} aria-label={`Text of ${title}`}>
        <CompareColumnText body={source.body} claims={claims} marks={marks} />
      </div>
    </section>
  );
}
