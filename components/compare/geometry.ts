// Where the compare view draws a link: pure functions over measured boxes (no DOM), so the rules
// are unit-tested (tests/unit/compare-geometry.test.ts). All coordinates are relative to the
// columns' container.
import type { LinkRelation } from "@/lib/types";

/** Where a claim's mark is, seen from its column: on screen, scrolled above or below the
 *  column's visible area, or in a collapsed column. */
export type Place = "visible" | "above" | "below" | "collapsed";

export interface ColumnBox {
  /** The column's text area, or null when the column is collapsed. */
  view: { top: number; bottom: number; left: number; right: number } | null;
}

export interface LinkEnd {
  claimId: string;
  column: number;
  /** The claim's mark, measured; null when its column is collapsed or the mark is not painted. */
  mark: { top: number; bottom: number } | null;
  /** An open column paints only the stretch of a long text around its screen (lib/highlights/window):
   *  a claim outside it has no mark, and lies above or below that stretch, so out of view. */
  unpainted?: "above" | "below";
}

export interface CompareLink {
  linkId: string;
  relation: LinkRelation;
  from: LinkEnd;
  to: LinkEnd;
}

export interface Connector {
  linkId: string;
  relation: LinkRelation;
  d: string;
  ends: [number, number][];
}

/** A link whose other end cannot be joined by a line: drawn as a button at the column's edge
 *  that brings the other end into view. */
export interface Marker {
  linkId: string;
  relation: LinkRelation;
  /** The claim on screen, and the one the marker leads to. */
  claimId: string;
  targetId: string;
  targetColumn: number;
  column: number;
  side: "left" | "right";
  x: number;
  y: number;
  /** Where the other end is: scrolled up, scrolled down, or in a column not beside this one. */
  toward: "up" | "down" | "across";
}

export function placeOf(mark: LinkEnd["mark"], view: ColumnBox["view"], unpainted?: LinkEnd["unpainted"]): Place {
  if (view && !mark && unpainted) return unpainted;
  if (!view || !mark) return "collapsed";
  const middle = (mark.top + mark.bottom) / 2;
  if (middle < view.top) return "above";
  if (middle > view.bottom) return "below";
  return "visible";
}

/** True when no open column stands between columns a and b: a line between them crosses only gutters
 *  and collapsed columns, never text. */
export function sideBySide(a: number, b: number, open: readonly boolean[]): boolean {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  for (let i = lo + 1; i < hi; i++) if (open[i]) return false;
  return open[a] && open[b];
}

/** An S-curve from (x1, y1) to (x2, y2) whose control points lie between x1 and x2, so the curve
 *  (inside the hull of its control points) never leaves the gutter between the two columns. */
export function connectorPath(x1: number, y1: number, x2: number, y2: number): string {
  const mid = (x1 + x2) / 2;
  const f = (n: number) => n.toFixed(1);
  return `M ${f(x1)} ${f(y1)} C ${f(mid)} ${f(y1)}, ${f(mid)} ${f(y2)}, ${f(x2)} ${f(y2)}`;
}

const EDGE_INSET = 8;

/** One link: a connector through the gutter when both ends are on screen in columns side by side,
 *  otherwise a marker at each end that is on screen. */
export function layoutLink(link: CompareLink, columns: readonly ColumnBox[]): { connector: Connector | null; markers: Marker[] } {
  const [left, right] = link.from.column < link.to.column ? [link.from, link.to] : [link.to, link.from];
  const lView = columns[left.column].view;
  const rView = columns[right.column].view;
  const lPlace = placeOf(left.mark, lView, left.unpainted);
  const rPlace = placeOf(right.mark, rView, right.unpainted);
  const middle = (m: { top: number; bottom: number }) => (m.top + m.bottom) / 2;
  const open = columns.map((c) => c.view !== null);
  if (lPlace === "visible" && rPlace === "visible" && sideBySide(left.column, right.column, open)) {
    const [x1, y1, x2, y2] = [lView!.right, middle(left.mark!), rView!.left, middle(right.mark!)];
    return { connector: { linkId: link.linkId, relation: link.relation, d: connectorPath(x1, y1, x2, y2), ends: [[x1, y1], [x2, y2]] }, markers: [] };
  }
  const toward = (place: Place): Marker["toward"] => (place === "above" ? "up" : place === "below" ? "down" : "across");
  const markers: Marker[] = [];
  if (lPlace === "visible") {
    markers.push({ linkId: link.linkId, relation: link.relation, claimId: left.claimId, targetId: right.claimId, targetColumn: right.column,
      column: left.column, side: "right", x: lView!.right, y: clamp(middle(left.mark!), lView!), toward: toward(rPlace) });
  }
  if (rPlace === "visible") {
    markers.push({ linkId: link.linkId, relation: link.relation, claimId: right.claimId, targetId: left.claimId, targetColumn: left.column,
      column: right.column, side: "left", x: rView!.left, y: clamp(middle(right.mark!), rView!), toward: toward(lPlace) });
  }
  return { connector: null, markers };
}

function clamp(y: number, view: { top: number; bottom: number }): number {
  return Math.min(Math.max(y, view.top + EDGE_INSET), view.bottom - EDGE_INSET);
}

/** Markers on one edge of one column never overlap: each is pushed down to `gap` below the one
 *  above it. Sorting makes this O(m log m) in the number of markers. */
export function spreadMarkers(markers: readonly Marker[], gap: number): Marker[] {
  const byEdge = new Map<string, Marker[]>();
  for (const m of markers) {
    const key = `${m.column}:${m.side}`;
    const group = byEdge.get(key);
    if (group) group.push(m);
    else byEdge.set(key, [m]);
  }
  const out: Marker[] = [];
  for (const group of byEdge.values()) {
    let last = -Infinity;
    for (const m of [...group].sort((a, b) => a.y - b.y)) {
      const y = Math.max(m.y, last + gap);
      out.push({ ...m, y });
      last = y;
    }
  }
  return out;
}

/** The links between claims shown in two different columns, each once.
 *  O(claims + links) for the columns shown. */
export function linksBetweenColumns(
  columns: readonly { claims: readonly { id: string }[] }[],
  links: readonly { id: string; fromId: string; toId: string; relation: LinkRelation }[],
): { linkId: string; relation: LinkRelation; fromId: string; fromColumn: number; toId: string; toColumn: number }[] {
  const columnOf = new Map<string, number>();
  columns.forEach((c, i) => c.claims.forEach((claim) => columnOf.set(claim.id, i)));
  return links
    .filter((l) => columnOf.has(l.fromId) && columnOf.has(l.toId) && columnOf.get(l.fromId) !== columnOf.get(l.toId))
    .map((l) => ({ linkId: l.id, relation: l.relation, fromId: l.fromId, fromColumn: columnOf.get(l.fromId)!, toId: l.toId, toColumn: columnOf.get(l.toId)! }));
}
