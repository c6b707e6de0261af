import type { TextWindow } from "@/lib/highlights/window";
import { displayTitle, type ReaderClaim, type SourceDoc } from "@/lib/types";
import { CompareColumnText, type ClaimMarks } from "./CompareColumnText";

/** One source: its header with Widen and Collapse / Expand buttons, and its text scrolling on its own.
 *  A collapsed column is a narrow strip, so the columns beside it sit side by side for connectors;
 *  a widened one takes the room of two, the others stay open beside it. */
export function CompareColumn({ source, claims, open, wide, marks, paint, textRef, onToggle, onWiden, onScroll, onActivate }: {
  source: SourceDoc;
  claims: ReaderClaim[];
  /** The stretch of the text painted (null: all of it). */
  paint: TextWindow | null;
  open: boolean;
  wide: boolean;
  marks: ClaimMarks;
  textRef: (el: HTMLDivElement | null) => void;
  onToggle: () => void;
  onWiden: () => void;
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
          <div className="column-actions">
            <button type="button" className="column-toggle" aria-pressed={wide} aria-label={`Widen ${title}`} onClick={onWiden}>Widen</button>
            <button type="button" className="column-toggle" aria-expanded={true} aria-label={`Collapse ${title}`} onClick={onToggle}>Collapse</button>
          </div>
        </div>
        <span className="muted">{source.author ?? "unknown author"} · {source.publishedDate ?? source.approxDate ?? "undated"} · {claims.length} claim{claims.length === 1 ? "" : "s"}</span>
      </header>
      <div className="compare-text" ref={textRef} onScroll={onScroll} onClick={onActivate} onKeyDown={onActivate} tabIndex={0} aria-label={`Text of ${title}`}>
        <CompareColumnText body={source.body} claims={claims} marks={marks} paint={paint} />
      </div>
    </section>
  );
}
