"use client";

import Link from "@/components/Link";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { displayTitle, type ClaimView, type LinkRelation, type SourceDoc } from "@/lib/types";
import type { ContradictionSuggestion } from "@/lib/suggestions/contradictions";
import { contradictionDismissalKey } from "@/lib/dismissals";
import { CreateClusterForm } from "@/components/clusters/CreateClusterForm";
import { callApi, errorMessage } from "@/components/api/client";
import { LinkPanel } from "@/components/links/LinkPanel";
import { highlightSegments } from "@/lib/highlight-segments";

export interface CompareColumn {
  source: SourceDoc;
  claims: ClaimView[];
}

interface Connector {
  linkId: string;
  relation: LinkRelation;
  d: string;
  ends: [number, number][];
  /** One end is scrolled out of its column: drawn faint, pointing at the column's edge. */
  offscreen: boolean;
}

/** A suggested contradiction, and whether the researcher viewing dismissed it. */
type ShownSuggestion = ContradictionSuggestion & { dismissed: boolean };

/** The y of a claim's first mark, held inside its column's visible area so off-screen links point to the edge. */
function anchorY(mark: Element, viewport: DOMRect): { y: number; hidden: boolean } {
  const r = mark.getBoundingClientRect();
  const middle = r.top + r.height / 2;
  const y = Math.min(Math.max(middle, viewport.top + 4), viewport.bottom - 4);
  return { y, hidden: y !== middle };
}

/** Sources side by side, claims highlighted, links drawn between columns. */
export function CompareView({ columns: initial }: { columns: CompareColumn[] }) {
  const [columns, setColumns] = useState(initial);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [flashing, setFlashing] = useState<Set<string>>(new Set());
  const [connectors, setConnectors] = useState<Connector[]>([]);
  const [suggestions, setSuggestions] = useState<ShownSuggestion[]>([]);
  const [error, setError] = useState<string | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const textRefs = useRef<(HTMLDivElement | null)[]>([]);
  const frame = useRef<number | null>(null);

  const sourceIds = useMemo(() => columns.map((c) => c.source.id), [columns]);
  const claimById = useMemo(() => new Map(columns.flatMap((c) => c.claims.map((claim) => [claim.id, claim] as const))), [columns]);
  const columnOf = useMemo(() => new Map(columns.flatMap((c, i) => c.claims.map((claim) => [claim.id, i] as const))), [columns]);
  const titleOf = useCallback((sourceId: string) => {
    const col = columns.find((c) => c.source.id === sourceId);
    return col ? displayTitle(col.source) : "source";
  }, [columns]);
  // Each link once (from its "out" end), only between two columns on screen.
  const links = useMemo(() => columns.flatMap((c) => c.claims.flatMap((claim) => claim.links
    .filter((l) => l.direction === "out" && columnOf.has(l.otherClaimId) && columnOf.get(l.otherClaimId) !== columnOf.get(claim.id))
    .map((l) => ({ id: l.linkId, fromId: claim.id, toId: l.otherClaimId, relation: l.relation })))), [columns, columnOf]);

  const loadSuggestions = useCallback(async () => {
    const { suggestions } = await callApi<{ suggestions: ShownSuggestion[] }>(`/api/contradictions?sourceIds=${sourceIds.join(",")}`);
    setSuggestions(suggestions);
  }, [sourceIds]);

  const reload = useCallback(async () => {
    try {
      const fresh = await Promise.all(columns.map(async (c) => ({
        source: c.source,
        claims: (await callApi<{ claims: ClaimView[] }>(`/api/claims?sourceId=${encodeURIComponent(c.source.id)}`)).claims,
      })));
      setColumns(fresh);
      await loadSuggestions();
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [columns, loadSuggestions]);

  useEffect(() => {
    loadSuggestions().catch((err) => setError(errorMessage(err)));
  }, [loadSuggestions]);

  const measure = useCallback(() => {
    frame.current = null;
    const container = containerRef.current;
    if (!container) return;
    const box = container.getBoundingClientRect();
    const next: Connector[] = [];
    for (const link of links) {
      const [ca, cb] = [columnOf.get(link.fromId)!, columnOf.get(link.toId)!];
      const [left, right] = ca < cb ? [link.fromId, link.toId] : [link.toId, link.fromId];
      const [lc, rc] = [Math.min(ca, cb), Math.max(ca, cb)];
      const lText = textRefs.current[lc];
      const rText = textRefs.current[rc];
      const lMark = lText?.querySelector(`mark[data-claim-id="${CSS.escape(left)}"]`);
      const rMark = rText?.querySelector(`mark[data-claim-id="${CSS.escape(right)}"]`);
      if (!lText || !rText || !lMark || !rMark) continue;
      const lView = lText.getBoundingClientRect();
      const rView = rText.getBoundingClientRect();
      const x1 = lView.right - box.left;
      const x2 = rView.left - box.left;
      const a = anchorY(lMark, lView);
      const b = anchorY(rMark, rView);
      const [y1, y2] = [a.y - box.top, b.y - box.top];
      const bend = Math.max(20, (x2 - x1) / 3);
      next.push({
        linkId: link.id, relation: link.relation,
        d: `M ${x1.toFixed(1)} ${y1.toFixed(1)} C ${(x1 + bend).toFixed(1)} ${y1.toFixed(1)}, ${(x2 - bend).toFixed(1)} ${y2.toFixed(1)}, ${x2.toFixed(1)} ${y2.toFixed(1)}`,
        ends: [[x1, y1], [x2, y2]],
        offscreen: a.hidden || b.hidden,
      });
    }
    setConnectors(next);
  }, [links, columnOf]);

  const schedule = useCallback(() => {
    if (frame.current === null) frame.current = requestAnimationFrame(measure);
  }, [measure]);

  useLayoutEffect(() => {
    measure();
    const observer = new ResizeObserver(schedule);
    if (containerRef.current) observer.observe(containerRef.current);
    window.addEventListener("resize", schedule);
    window.addEventListener("scroll", schedule, { passive: true });
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", schedule);
      window.removeEventListener("scroll", schedule);
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
    };
  }, [measure, schedule]);

  function focusClaim(id: string) {
    setActiveId(id);
    const claim = claimById.get(id);
    if (!claim) return;
    const others = claim.links.map((l) => l.otherClaimId).filter((other) => columnOf.has(other) && columnOf.get(other) !== columnOf.get(id));
    for (const other of others) {
      const text = textRefs.current[columnOf.get(other)!];
      const mark = text?.querySelector(`mark[data-claim-id="${CSS.escape(other)}"]`);
      if (!text || !mark) continue;
      const offset = mark.getBoundingClientRect().top - text.getBoundingClientRect().top;
      const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      text.scrollTo({ top: text.scrollTop + offset - text.clientHeight / 3, behavior: reduce ? "auto" : "smooth" });
    }
    setFlashing(new Set(others));
    setTimeout(() => setFlashing(new Set()), 1600);
  }

  function onTextActivate(event: React.MouseEvent | React.KeyboardEvent) {
    if ("key" in event && event.key !== "Enter" && event.key !== " ") return;
    const mark = (event.target as HTMLElement).closest("mark[data-claim-id]");
    if (!mark) return;
    event.preventDefault();
    focusClaim(mark.getAttribute("data-claim-id")!);
  }

  function toggleChosen(id: string) {
    setChosen((prev) => (prev.includes(id) ? prev.filter((x) => x !== id) : [...prev, id]));
  }

  async function accept(s: ContradictionSuggestion) {
    try {
      const note = s.conflicts.map((c) => `${c.a} vs ${c.b}`).join("; ");
      await callApi("/api/links", { method: "POST", body: { fromId: s.fromId, toId: s.toId, relation: "CONTRADICTS", note } });
      await reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  /** Dismissals are kept per researcher on the server; the list hides the suggestion at once. */
  async function dismiss(s: ShownSuggestion) {
    setSuggestions((prev) => prev.map((x) => (x.key === s.key ? { ...x, dismissed: true } : x)));
    try {
      await callApi("/api/dismissals", { method: "POST", body: { keys: [contradictionDismissalKey(s.key)] } });
    } catch (err) {
      setError(errorMessage(err));
      await loadSuggestions().catch(() => undefined);
    }
  }

  async function showDismissed(keys: string[]) {
    try {
      await callApi("/api/dismissals", { method: "DELETE", body: { keys: keys.map(contradictionDismissalKey) } });
      await loadSuggestions();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const active = activeId ? claimById.get(activeId) ?? null : null;
  const onScreen = suggestions.filter((s) => claimById.has(s.fromId) && claimById.has(s.toId));
  const openSuggestions = onScreen.filter((s) => !s.dismissed);
  const dismissedKeys = onScreen.filter((s) => s.dismissed).map((s) => s.key);

  return (
    <>
      <div className="relation-legend" aria-label="Connector colours">
        <span className="relation-contradicts"><span className="swatch" />contradicts</span>
        <span className="relation-supports"><span className="swatch" />supports</span>
        <span className="relation-refines"><span className="swatch" />refines</span>
        <span className="muted">Click a highlighted claim to bring its linked claims into view.</span>
      </div>
      <div className="compare-columns" ref={containerRef} style={{ "--columns": columns.length } as React.CSSProperties} data-columns={columns.length}>
        {columns.map((col, index) => (
          <section key={col.source.id} className="compare-column" aria-label={displayTitle(col.source)} data-source-id={col.source.id}>
            <header>
              <h2>{displayTitle(col.source)}</h2>
              <span className="muted">{col.source.author ?? "unknown author"} · {col.source.publishedDate ?? col.source.approxDate ?? "undated"} · {col.claims.length} claim{col.claims.length === 1 ? "" : "s"}</span>
            </header>
            <div
              className="compare-text"
              ref={(el) => { textRefs.current[index] = el; }}
              onScroll={schedule}
              onClick={onTextActivate}
              onKeyDown={onTextActivate}
              tabIndex={0}
              aria-label={`Text of ${displayTitle(col.source)}`}
            >
              {highlightSegments(col.source.body.length, col.claims).map((seg) => {
                const text = col.source.body.slice(seg.start, seg.end);
                if (!seg.claimId) return <span key={seg.start}>{text}</span>;
                const claim = claimById.get(seg.claimId)!;
                const classes = ["claim", `kind-${claim.kind.toLowerCase()}`, activeId === claim.id && "active", chosen.includes(claim.id) && "chosen", flashing.has(claim.id) && "flash"];
                return (
                  <mark key={seg.start} data-claim-id={claim.id} className={classes.filter(Boolean).join(" ")} role="button" tabIndex={0}
                    aria-pressed={activeId === claim.id} title={`${claim.kind.toLowerCase()} · ${claim.links.length} links`}>
                    {text}
                  </mark>
                );
              })}
            </div>
          </section>
        ))}
        <svg className="connectors" aria-hidden="true">
          {connectors.map((c) => (
            <g key={c.linkId} className={c.offscreen ? "offscreen" : undefined}>
              <path d={c.d} data-link-id={c.linkId} data-relation={c.relation} className={`relation-${c.relation.toLowerCase()}`} />
              {c.ends.map(([x, y], i) => <circle key={i} cx={x} cy={y} r={3.5} className={`relation-${c.relation.toLowerCase()}`} />)}
            </g>
          ))}
        </svg>
      </div>
      {error && <p role="alert" className="error-text">{error}</p>}
      <div className="compare-panels">
        <section className="panel" aria-label="Selected claim">
          <h2>Selected claim</h2>
          {!active ? <p className="muted">Click a highlighted claim in any column.</p> : (
            <>
              <p><span className="quote">“{active.quote}”</span> <span className="muted">— {titleOf(active.sourceId)} ({active.kind.toLowerCase()})</span></p>
              <label>
                <input type="checkbox" checked={chosen.includes(active.id)} onChange={() => toggleChosen(active.id)} /> Include in the claims to group
              </label>
              <LinkPanel claim={active} onChanged={reload} />
            </>
          )}
        </section>
        <section className="panel" aria-label="Group into cluster">
          <h2>Group into cluster…</h2>
          {chosen.length === 0 ? <p className="muted">Select claims and tick “Include in the claims to group”.</p> : (
            <ul className="plain-list" aria-label="Claims to group">
              {chosen.map((id) => (
                <li key={id}>
                  <span className="quote">“{claimById.get(id)?.quote ?? id}”</span>{" "}
                  <button type="button" onClick={() => toggleChosen(id)} aria-label={`Leave out “${claimById.get(id)?.quote ?? id}”`}>Leave out</button>
                </li>
              ))}
            </ul>
          )}
          <CreateClusterForm claimIds={chosen} onCreated={() => setChosen([])} />
          <p><Link href="/clusters">All clusters</Link></p>
        </section>
        <section className="panel" aria-label="Suggested contradictions">
          <h2>Suggested contradictions</h2>
          {openSuggestions.length === 0 ? <p className="muted">No figures here disagree across sources, or all were dealt with.</p> : (
            <ul className="plain-list">
              {openSuggestions.map((s) => {
                const [a, b] = [claimById.get(s.fromId)!, claimById.get(s.toId)!];
                return (
                  <li key={s.key} className="suggestion" data-suggestion={s.key}>
                    <span className="quote">“{a.quote}”</span> <span className="muted">({titleOf(a.sourceId)})</span> vs{" "}
                    <span className="quote">“{b.quote}”</span> <span className="muted">({titleOf(b.sourceId)})</span>
                    <br /><span className="conflict-note">{s.conflicts.map((c) => `${c.a} vs ${c.b}`).join("; ")}</span>{" "}
                    <button type="button" onClick={() => accept(s)}>Accept as contradiction</button>{" "}
                    <button type="button" onClick={() => void dismiss(s)}>Dismiss</button>
                  </li>
                );
              })}
            </ul>
          )}
          {dismissedKeys.length > 0 && (
            <button type="button" onClick={() => void showDismissed(dismissedKeys)}>Show {dismissedKeys.length} dismissed again</button>
          )}
        </section>
      </div>
    </>
  );
}
