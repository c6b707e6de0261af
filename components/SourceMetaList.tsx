import { citationDate, type SourceMeta } from "@/lib/types";

/** Author, publisher and date of a source, saying plainly when the text does not tell. */
export function SourceMetaList({ source, extra }: { source: SourceMeta; extra?: React.ReactNode }) {
  return (
    <dl className="meta">
      <div><dt>Author</dt><dd>{source.author ?? "unknown"}</dd></div>
      <div><dt>Publisher</dt><dd>{source.publisher ?? "unknown"}</dd></div>
      <div>
        <dt>Date</dt>
        <dd>{citationDate(source) ?? "undated"}{!source.publishedDate && source.approxDate ? " (approx.)" : ""}</dd>
      </div>
      {extra}
    </dl>
  );
}
