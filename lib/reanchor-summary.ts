// What a text correction did to a source's claims. Separate from source-edit.ts so the browser
// can word it without pulling in database code.

export interface ReanchorSummary {
  unchanged: number;
  moved: number;
  orphaned: number;
  /** Claims orphaned by an earlier edit that the new text contains again. */
  recovered: number;
}

/** "3 claims moved, 1 orphaned, 2 unchanged" */
export function describeReanchor(s: ReanchorSummary): string {
  const parts = [`${s.moved} claim${s.moved === 1 ? "" : "s"} moved`, `${s.orphaned} orphaned`];
  if (s.recovered) parts.push(`${s.recovered} found again`);
  parts.push(`${s.unchanged} unchanged`);
  return parts.join(", ");
}
