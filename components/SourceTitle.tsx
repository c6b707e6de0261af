import type { SourceMeta } from "@/lib/types";

/** The real title, or the suggested one marked as such (the text itself shows no title). */
export function SourceTitle({ source }: { source: Pick<SourceMeta, "title" | "suggestedTitle"> }) {
  if (source.title) return <>{source.title}</>;
  if (source.suggestedTitle) return <span className="suggested" title="Suggested title: the text shows none">{source.suggestedTitle}</span>;
  return <>Untitled source</>;
}
