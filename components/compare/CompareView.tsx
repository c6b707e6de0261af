"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useLiveChanges } from "@/components/live/LiveChanges";
import { displayTitle, LINK_RELATIONS, type ClaimView, type LinkRelation, type SourceDoc } from "@/lib/types";
import { RELATION_LABELS } from "@/lib/labels";
import { callApi, errorMessage, projectApi } from "@/components/api/client";
import { useProject } from "@/components/shell/ProjectContext";
import { LinkPanel } from "@/components/links/LinkPanel";
import { Quote } from "@/components/Quote";
import { ProvenanceLine } from "@/components/provenance/ProvenanceFacts";
import { CompareColumn } from "./CompareColumn";
import { ConnectorLayer } from "./ConnectorLayer";
import { linksBetweenColumns, type Marker } from "./geometry";
import { GroupPanel } from "./GroupPanel";
import { SuggestionsPanel } from "./SuggestionsPanel";
import { markIn, useConnectors } from "./useConnectors";
import { useSuggestions, type ShownSuggestion } from "./useSuggestions";

export interface CompareColumn {
  source: SourceDoc;
  claims: ClaimView[];
}

const FLASH_MS = 1600;

/** Sources side by side, claims highlighted, links drawn between columns. */
export function CompareView({ columns: initial }: { columns: CompareColumn[] }) {
  const [columns, setColumns] = useState(initial);
  const { slug } = useProject();
  const [open, setOpen] = useState(() => initial.map(() => true));
  // The one column shown wide (index), if any: it takes the room of two open columns.
  const [wide, setWide] = useState<number | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [flashing, setFlashing] = useState<ReadonlySet<string>>(new Set());
  const [pendingReveal, setPendingReveal] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const textRefs = useRef<(HTMLDivElement | null)[]>([]);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const sourceIds = useMemo(() => columns.map((c) => c.source.id), [columns]);
  const claimById = useMemo(() => new Map(columns.flatMap((c) => c.claims.map((claim) => [claim.id, claim] as const))), [columns]);
  const columnOf = useMemo(() => new Map(columns.flatMap((c, i) => c.claims.map((claim) => [claim.id, i] as const))), [columns]);
  const titleOf = useCallback((sourceId: string) => {
    const col = columns.find((c) => c.source.id === sourceId);
    return col ? displayTitle(col.source) : "source";
  }, [columns]);
  const links = useMemo(() => linksBetweenColumns(columns), [columns]);
  const onError = useCallback((message: string) => setError(message), []);
  const { suggestions, load: loadSuggestions, accept, dismiss, showDismissed } = useSuggestions(sourceIds, onError);
  const { connectors, markers, schedule } = useConnectors(containerRef, textRefs, links, columns.length);
  // A collapsed column has no text: the connectors are measured again once the columns settle.
  useEffect(schedule, [open, wide, schedule]);

  const reload = useCallback(async () => {
    try {
      const fresh = await Promise.all(columns.map(async (c) => ({
        source: c.source,
        claims: (await callApi<{ claims: ClaimView[] }>(projectApi("/api/claims", slug, { sourceId: c.source.id }))).claims,
      })));
      setColumns(fresh);
      await loadSuggestions();
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [columns, loadSuggestions, slug]);

  // Another researcher's claim, kind or link on one of these sources: read the columns again.
  useLiveChanges((n) => (n.entity === "CLAIM" || n.entity === "LINK") && n.sourceId !== null && sourceIds.includes(n.sourceId), () => void reload());

  // Claims to bring into view, once their columns are open and painted.
  useEffect(() => {
    if (!pendingReveal) return;
    setPendingReveal(null);
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    for (const id of pendingReveal) {
      const text = textRefs.current[columnOf.get(id)!];
      const mark = markIn(text, id);
      if (!text || !mark) continue;
      const offset = mark.getBoundingClientRect().top - text.getBoundingClientRect().top;
      text.scrollTo({ top: text.scrollTop + offset - text.clientHeight / 3, behavior: reduce ? "auto" : "smooth" });
    }
    setFlashing(new Set(pendingReveal));
    if (flashTimer.current) clearTimeout(flashTimer.current);
    flashTimer.current = setTimeout(() => setFlashing(new Set()), FLASH_MS);
  }, [pendingReveal, columnOf]);

  useEffect(() => () => { if (flashTimer.current) clearTimeout(flashTimer.current); }, []);

  /** Opens the columns of these claims, then scrolls each into view and flashes it. */
  function reveal(ids: string[]) {
    setOpen((prev) => prev.map((o, i) => o || ids.some((id) => columnOf.get(id) === i)));
    setPendingReveal(ids);
  }

  function focusClaim(id: string) {
    setActiveId(id);
    const claim = claimById.get(id);
    if (!claim) return;
    reveal(claim.links.map((l) => l.otherClaimId).filter((other) => columnOf.has(other) && columnOf.get(other) !== columnOf.get(id)));
  }

  function onTextActivate(event: React.MouseEvent | React.KeyboardEvent) {
    if ("key" in event && event.key !== "Enter" && event.key !== " ") return;
    const mark = (event.target as HTMLElement).closest("[data-claim-id]");
    if (!mark) return;
    event.preventDefault();
    focusClaim(mark.getAttribute("data-claim-id")!);
  }

  function toggleChosen(id: string) {
    setChosen((prev) => (prev.includes(id) ? prev.filter((x) => x !== id) : [...prev, id]));
  }

  async function acceptSuggestion(s: ShownSuggestion, relation: LinkRelation) {
    if (await accept(s, relation)) await reload();
  }

  const active = activeId ? claimById.get(activeId) ?? null : null;
  const marks = useMemo(() => ({ activeId, chosen, flashing }), [activeId, chosen, flashing]);
  const template = open.map((o, i) => (!o ? "2.5rem" : i === wide ? "minmax(0, 2fr)" : "minmax(0, 1fr)")).join(" ");

  return (
    <>
      <div className="relation-legend" role="group" aria-label="Links between these columns">
        {LINK_RELATIONS.map((r) => (
          <span key={r} className={`relation-${r.toLowerCase()}`}><span className="swatch" />{RELATION_LABELS[r].out} · {links.filter((l) => l.relation === r).length}</span>
        ))}
        <span className="muted">Click a highlighted claim to bring its linked claims into view. An arrow at a column&apos;s edge is a link to a claim out of view or in a column not beside it: click it to show that claim, or collapse the columns between.</span>
      </div>
      <div className="compare-columns" role="group" aria-label="Sources side by side" ref={containerRef} style={{ gridTemplateColumns: template }} data-columns={columns.length}>
        {columns.map((col, index) => (
          <CompareColumn key={col.source.id} source={col.source} claims={col.claims} open={open[index]} wide={wide === index} marks={marks}
            textRef={(el) => { textRefs.current[index] = el; }}
            onToggle={() => {
              setOpen((prev) => prev.map((o, i) => (i === index ? !o : o)));
              if (wide === index) setWide(null);
            }}
            onWiden={() => setWide(wide === index ? null : index)}
            onScroll={schedule} onActivate={onTextActivate} />
        ))}
        <ConnectorLayer connectors={connectors} markers={markers} titleOf={(column) => displayTitle(columns[column].source)}
          onReveal={(m: Marker) => reveal([m.targetId])} />
      </div>
      {error && <p role="alert" className="error-text">{error}</p>}
      <div className="compare-panels">
        <section className="panel" aria-label="Selected claim">
          <h2>Selected claim</h2>
          {!active ? <p className="muted">Click a highlighted claim in any column.</p> : (
            <>
              <p><Quote text={active.quote} /> <span className="muted">— {titleOf(active.sourceId)} ({active.kind.toLowerCase()})</span></p>
              <p className="compare-provenance"><ProvenanceLine provenance={active.provenance} /></p>
              <label>
                <input type="checkbox" checked={chosen.includes(active.id)} onChange={() => toggleChosen(active.id)} /> Include in the claims to group
              </label>
              <LinkPanel claim={active} onChanged={reload} />
            </>
          )}
        </section>
        <GroupPanel chosen={chosen} claimById={claimById} onLeaveOut={toggleChosen} onCreated={() => setChosen([])} />
        <SuggestionsPanel suggestions={suggestions} claimById={claimById} titleOf={titleOf}
          onAccept={(s, r) => void acceptSuggestion(s, r)} onDismiss={(s) => void dismiss(s)} onShowDismissed={(keys) => void showDismissed(keys)} />
      </div>
    </>
  );
}
