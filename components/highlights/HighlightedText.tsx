// Static highlighted text: each run as nested spans, outermost claim first, with the painter's
// class names; the same nesting the reader's editor decorations give.
import type { ReactNode } from "react";
import { firstRunEndingAfter } from "@/lib/highlights/runs";
import { paintClaims, type PaintClaim, type PaintFlags, type Painted } from "./paint";
import "./highlights.css";

interface RunsProps {
  /** The whole text the runs were computed over. */
  text: string;
  /** Only the runs' parts inside [from, to) are rendered (one paragraph of the text, say). */
  from?: number;
  to?: number;
  painted: Painted;
  /** The attribute naming the claim on each span, e.g. "data-claim-id". */
  idAttribute: string;
  /** More attributes for a claim's spans (a click handler, a title). */
  extra?: (id: string) => Record<string, unknown>;
}

export function HighlightedRuns({ text, from = 0, to = text.length, painted, idAttribute, extra }: RunsProps) {
  const out: ReactNode[] = [];
  // Cost: one element per claim of each run and none for unclaimed text (a wrapper per run doubled
  // the first paint's elements: 3,000 for 1,000 claims, now 1,000).
  for (let i = firstRunEndingAfter(painted.runs, from); i < painted.runs.length && painted.runs[i]!.start < to; i++) {
    const run = painted.runs[i]!;
    const [start, end] = [Math.max(from, run.start), Math.min(to, run.end)];
    let node: ReactNode = text.slice(start, end);
    const innermost = run.ids.at(-1);
    for (let k = run.ids.length - 1; k >= 0; k--) {
      const id = run.ids[k]!;
      // Only the innermost claim of a run takes the extra attributes (a button role, a tab stop):
      // interactive elements must never nest, and a click lands on the most specific claim anyway.
      node = (
        <span key={k === 0 ? start : undefined} className={painted.classOf.get(id)} data-kind={painted.kindOf.get(id)} {...{ [idAttribute]: id }} {...(id === innermost ? extra?.(id) : undefined)}>
          {node}
        </span>
      );
    }
    out.push(node);
  }
  return <>{out}</>;
}

interface TextProps extends PaintFlags {
  text: string;
  claims: PaintClaim[];
  idAttribute?: string;
  extra?: RunsProps["extra"];
}

/** A whole text with its claims painted, for a static column such as Compare's. */
export function HighlightedText({ text, claims, selectedId, flashId, stateClasses, idAttribute = "data-claim-id", extra }: TextProps) {
  const painted = paintClaims(text.length, claims, { selectedId, flashId, stateClasses });
  return <HighlightedRuns text={text} painted={painted} idAttribute={idAttribute} extra={extra} />;
}
