"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useLiveChanges } from "@/components/live/LiveChanges";
import { displayTitle, LINK_RELATIONS, receivedReaderClaims, type ClaimView, type LinkBetween, type LinkRelation, type ReaderClaim, type SentCompareColumn } from "@/lib/types";
import { RELATION_LABELS } from "@/lib/labels";
import { callApi, errorMessage } from "@/components/api/client";
import { LinkPanel } from "@/components/links/LinkPanel";
import { Quote } from "@/components/Quote";
import { ProvenanceLine } from "@/components/provenance/ProvenanceFacts";
import { CompareColumn } from "./CompareColumn";
import { ConnectorLayer } from "./ConnectorLayer";
import { linksBetweenColumns, type Marker } from "./geometry";
import { GroupPanel } from "./GroupPanel";
import { SuggestionsPanel } from "./SuggestionsPanel";
import { markIn, useConnectors } from "./useConnectors";
import { usePaintWindows } from "./usePaintWindows";
import { useSuggestions, type ShownSuggestion } from "./useSuggestions";

/** A claim in a column: the reader's shape, and the source it is in. */
export type CompareClaim = ReaderClaim & { sourceId: string };

const FLASH_MS = 1600;

/** Sources side by side, claims highlighted, links drawn between columns. The page sends each
 *  column's claims as the reader gets them and the links among them once; the claim selected is
 *  loaded whole (its provenance and links with the other claims' quotes) when it is clicked. */
export function CompareView({ columns: sent, links: linkRecords }: { columns: SentCompareColumn[]; links: LinkBetween[] }) {
  const router = useRouter();
  const columns = useMemo(() => sent.map((c) => ({
    source: c.source,
    claims: receivedReaderClaims(c.claims, c.source.body).map((claim): CompareClaim => ({ ...claim, sourceId: c.source.id })),
  })), [sent]);
  const [open, setOpen] = useState(() => sent.map(() => true));
  // The one column shown wide (index), if any: it takes the room of two open columns.
  const [wide, setWide] = useState<number | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  // Claims loaded whole (the selected one, and those chosen for a cluster), by id.
  const [whole, setWhole] = useState<ReadonlyMap<string, ClaimView>>(new Map());
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
  const links = useMemo(() => linksBetweenColumns(columns, linkRecords), [columns, linkRecords]);
  const linkedTo = useMemo(() => {
    const others = new Map<string, string[]>();
    for (const l of links) {
      others.set(l.fromId, [...(others.get(l.fromId) ?? []), l.toId]);
      others.set(l.toId, [...(others.get(l.toId) ?? []), l.fromId]);
    }
    return others;
  }, [links]);
  const lengths = useMemo(() => columns.map((c) => c.source.body.length), [columns]);
  const { windows, check: checkWindows, include } = usePaintWindows(textRefs, lengths);
  /** A claim in a long text's stretch not painted: where it lies, so its link is drawn as an edge marker. */
  const unpainted = useCallback((claimId: string, column: number): "above" | "below" | undefined => {
    const w = windows[column];
    const claim = claimById.get(claimId);
    if (!w || !claim) return undefined;
    return claim.end <= w.from ? "above" : claim.start >= w.to ? "below" : undefined;
  }, [windows, claimById]);
  const onError = useCallback((message: string) => setError(message), []);
  const { suggestions, load: loadSuggestions, accept, dismiss, showDismissed } = useSuggestions(sourceIds, onError);
  const { connectors, markers, schedule } = useConnectors(containerRef, textRefs, links, columns.length, unpainted);
  // A collapsed column has no text: the connectors are measured again once the columns settle.
  useEffect(schedule, [open, wide, schedule]);
  useEffect(checkWindows, [open, wide, checkWindows]);
  // For `npm run bench`: when React has hydrated the page (before the connectors are measured).
  useEffect(() => {
    if (!performance.getEntriesByName("compare-hydrated").length) performance.mark("compare-hydrated");
  }, []);

  const loadWhole = useCallback(async (id: string) => {
    try {
      const { claim } = await callApi<{ claim: ClaimView }>(`/api/claims/${id}`);
      setWhole((prev) => new Map(prev).set(id, claim));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);

  // The page again from the server (columns and links), and the suggestions.
  const reload = useCallback(async () => {
    router.refresh();
    if (activeId) void loadWhole(activeId);
    try {
      await loadSuggestions();
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [router, activeId, loadWhole, loadSuggestions]);

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

  /** Opens the columns of these claims and paints them, then scrolls each into view and flashes it. */
  function reveal(ids: string[]) {
    setOpen((prev) => prev.map((o, i) => o || ids.some((id) => columnOf.get(id) === i)));
    for (const id of ids) {
      const claim = claimById.get(id);
      if (claim) include(columnOf.get(id)!, claim.start, claim.end);
    }
    setPendingReveal(ids);
  }

  function focusClaim(id: string) {
    setActiveId(id);
    if (!claimById.has(id)) return;
    if (!whole.has(id)) void loadWhole(id);
    reveal(linkedTo.get(id) ?? []);
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
  const activeWhole = activeId ? whole.get(activeId) ?? null : null;
  // The chosen claims' quotes, with their provenance once loaded whole.
  const chosenClaims = useMemo(() => new Map(chosen.flatMap((id) => {
    const claim = whole.get(id) ?? claimById.get(id);
    return claim ? [[id, claim] as const] : [];
  })), [chosen, whole, claimById]);
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
          <CompareColumn key={col.source.id} source={col.source} claims={col.claims} open={open[index]} wide={wide === index} marks={marks} paint={windows[index] ?? null}
            textRef={(el) => { textRefs.current[index] = el; }}
            onToggle={() => {
              setOpen((prev) => prev.map((o, i) => (i === index ? !o : o)));
              if (wide === index) setWide(null);
            }}
            onWiden={() => setWide(wide === index ? null : index)}
            onScroll={() => { schedule(); checkWindows(); }} onActivate={onTextActivate} />
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
              {activeWhole ? <p className="compare-provenance"><ProvenanceLine provenance={activeWhole.provenance} /></p> : <p className="muted">Loading…</p>}
              <label>
                <input type="checkbox" checked={chosen.includes(active.id)} onChange={() => toggleChosen(active.id)} /> Include in the claims to group
              </label>
              {activeWhole && <LinkPanel claim={activeWhole} onChanged={reload} />}
            </>
          )}
        </section>
        <GroupPanel chosen={chosen} claimById={chosenClaims} onLeaveOut={toggleChosen} onCreated={() => setChosen([])} />
        <SuggestionsPanel suggestions={suggestions} claimById={claimById} titleOf={titleOf}
          onAccept={(s, r) => void acceptSuggestion(s, r)} onDismiss={(s) => void dismiss(s)} onShowDismissed={(keys) => void showDismissed(keys)} />
      </div>
    </>
  );
}
