"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { LinkRelation } from "@/lib/types";
import { layoutLink, spreadMarkers, type ColumnBox, type Connector, type LinkEnd, type Marker } from "./geometry";

export interface ShownLink { linkId: string; relation: LinkRelation; fromId: string; fromColumn: number; toId: string; toColumn: number }

const MARKER_GAP = 18;
const PAINTED_WHOLE = () => undefined;

/** The first painted mark of a claim inside a column's text. */
export function markIn(text: HTMLElement | null | undefined, claimId: string): HTMLElement | null {
  return text?.querySelector<HTMLElement>(`[data-claim-id="${CSS.escape(claimId)}"]`) ?? null;
}

/** Measures the columns and the linked marks once per animation frame (after a scroll, a resize or
 *  a change of the links) and lays the links out (geometry.ts). `unpainted` says where a claim lies
 *  that a long text's column does not paint (above or below its painted stretch). Each measurement reads two boxes per
 *  link: O(links shown). */
export function useConnectors(container: RefObject<HTMLElement | null>, texts: RefObject<(HTMLElement | null)[]>, links: ShownLink[], columnCount: number,
  unpainted: (claimId: string, column: number) => LinkEnd["unpainted"] = PAINTED_WHOLE) {
  // everyEnd: every link's two claims were found painted in their columns when this was measured.
  const [layout, setLayout] = useState<{ connectors: Connector[]; markers: Marker[]; everyEnd: boolean }>({ connectors: [], markers: [], everyEnd: false });
  const frame = useRef<number | null>(null);

  const measure = useCallback(() => {
    frame.current = null;
    const box = container.current?.getBoundingClientRect();
    if (!box) return;
    const relative = (r: DOMRect) => ({ top: r.top - box.top, bottom: r.bottom - box.top, left: r.left - box.left, right: r.right - box.left });
    const columns: ColumnBox[] = Array.from({ length: columnCount }, (_, i) => {
      const text = texts.current[i];
      return { view: text ? relative(text.getBoundingClientRect()) : null };
    });
    const end = (claimId: string, column: number): LinkEnd => {
      const text = texts.current[column];
      const mark = markIn(text, claimId);
      return { claimId, column, mark: mark ? relative(mark.getBoundingClientRect()) : null, unpainted: text && !mark ? unpainted(claimId, column) : undefined };
    };
    const connectors: Connector[] = [];
    const markers: Marker[] = [];
    let everyEnd = true;
    for (const link of links) {
      const [from, to] = [end(link.fromId, link.fromColumn), end(link.toId, link.toColumn)];
      // Placed: measured, or known to lie outside a long text's painted stretch.
      everyEnd &&= (from.mark !== null || from.unpainted !== undefined) && (to.mark !== null || to.unpainted !== undefined);
      const laid = layoutLink({ linkId: link.linkId, relation: link.relation, from, to }, columns);
      if (laid.connector) connectors.push(laid.connector);
      markers.push(...laid.markers);
    }
    setLayout({ connectors, markers: spreadMarkers(markers, MARKER_GAP), everyEnd });
  }, [container, texts, links, columnCount, unpainted]);

  const schedule = useCallback(() => {
    if (frame.current === null) frame.current = requestAnimationFrame(measure);
  }, [measure]);

  useLayoutEffect(() => {
    measure();
    const observer = new ResizeObserver(schedule);
    if (container.current) observer.observe(container.current);
    window.addEventListener("resize", schedule);
    window.addEventListener("scroll", schedule, { passive: true });
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", schedule);
      window.removeEventListener("scroll", schedule);
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
    };
  }, [container, measure, schedule]);

  // For `npm run bench`: when the first layout placing every link (a connector or an edge marker)
  // is on screen, as a performance mark, like the reader's "claims-painted".
  useEffect(() => {
    if (!layout.everyEnd || !links.length || performance.getEntriesByName("connectors-drawn").length) return;
    const frame = requestAnimationFrame(() => {
      if (!performance.getEntriesByName("connectors-drawn").length) performance.mark("connectors-drawn", { detail: { links: links.length } });
    });
    return () => cancelAnimationFrame(frame);
  }, [layout, links.length]);

  return { connectors: layout.connectors, markers: layout.markers, schedule };
}
