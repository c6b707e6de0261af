"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useMemo, useRef } from "react";
import { CLAIM_KINDS, type ReaderClaim, type ClaimKind } from "@/lib/types";
import { kindLabel } from "@/lib/labels";

export function KindLegend() {
  return (
    <ul className="kind-legend" aria-label="Claim colours">
      {CLAIM_KINDS.map((k) => (
        <li key={k}><span className={`swatch claim-${k.toLowerCase()}`} aria-hidden="true" /> {kindLabel(k)}</li>
      ))}
      <li><span className="swatch suggestion" aria-hidden="true" /> Suggestion</li>
    </ul>
  );
}

const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 140)}…` : text);

interface Props {
  claims: ReaderClaim[];
  shownKinds: ClaimKind[];
  onShownKindsChange: (kinds: ClaimKind[]) => void;
  /** Only this researcher's claims, or everyone's (null). */
  shownAuthor: string | null;
  onShownAuthorChange: (name: string | null) => void;
  selectedId: string | null;
  onPick: (id: string) => void;
}

/** Claims shown in the text and the list: the chosen kinds, by the chosen researcher. */
export function isShown(claim: ReaderClaim, kinds: ClaimKind[], author: string | null): boolean {
  return kinds.includes(claim.kind) && (author === null || claim.authorName === author);
}

// The list scrolls in its own box and holds only the entries in view (and a few around them): a
// source of 10,000 claims would otherwise send, hydrate and lay out 10,000 entries beside its text.
const ESTIMATED_ENTRY_PX = 44; // two lines of excerpt; each entry is measured once shown
const FIRST_VIEW_PX = 448; // what the server renders (28rem, the box's height): no scroll box there
const OVERSCAN = 6;

interface ItemProps {
  claim: ReaderClaim;
  current: boolean;
  onPick: (id: string) => void;
  index: number;
  count: number;
  top: number;
  measure: (el: HTMLLIElement | null) => void;
}

/** One entry; memoised, so opening a claim re-renders two entries, not all those in view. */
const ClaimItem = memo(function ClaimItem({ claim, current, onPick, index, count, top, measure }: ItemProps) {
  return (
    <li ref={measure} data-index={index} aria-posinset={index + 1} aria-setsize={count} style={{ transform: `translateY(${top}px)` }}>
      <button type="button" className={`claim-item${current ? " current" : ""}`} aria-current={current ? "true" : undefined} onClick={() => onPick(claim.id)}>
        <span className={`badge claim-${claim.kind.toLowerCase()}`}>{kindLabel(claim.kind)}</span> {excerpt(claim.quote)}
      </button>
    </li>
  );
});

/** The source's claims in text order, filterable by kind and researcher. */
export function ClaimList({ claims, shownKinds, onShownKindsChange, shownAuthor, onShownAuthorChange, selectedId, onPick }: Props) {
  // Cost: one pass over the n claims each, only when the claims or the filters change.
  const shown = useMemo(() => claims.filter((c) => isShown(c, shownKinds, shownAuthor)), [claims, shownKinds, shownAuthor]);
  const authors = useMemo(() => [...new Set(claims.map((c) => c.authorName))].sort((a, b) => a.localeCompare(b)), [claims]);
  // The entries get one callback for the page's life, which calls the latest onPick.
  const latestPick = useRef(onPick);
  latestPick.current = onPick;
  const pick = useRef((id: string) => latestPick.current(id)).current;
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ENTRY_PX,
    getItemKey: (i) => shown[i]!.id,
    overscan: OVERSCAN,
    initialRect: { width: 0, height: FIRST_VIEW_PX },
  });
  const toggle = (kind: ClaimKind, on: boolean) =>
    onShownKindsChange(CLAIM_KINDS.filter((k) => (k === kind ? on : shownKinds.includes(k))));
  return (
    <section className="claim-list-section" aria-labelledby="claim-list-title">
      <h2 id="claim-list-title">Claims ({shown.length}{shown.length !== claims.length ? ` of ${claims.length}` : ""})</h2>
      <fieldset className="kind-filter">
        <legend>Show kinds</legend>
        {CLAIM_KINDS.map((k) => (
          <label key={k} className="inline-check">
            <input type="checkbox" checked={shownKinds.includes(k)} onChange={(e) => toggle(k, e.target.checked)} /> {kindLabel(k)}
          </label>
        ))}
      </fieldset>
      {(authors.length > 1 || shownAuthor !== null) && (
        <label className="field">
          Researcher{" "}
          <select value={shownAuthor ?? ""} onChange={(e) => onShownAuthorChange(e.target.value || null)}>
            <option value="">Everyone</option>
            {authors.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </label>
      )}
      {shown.length ? (
        <div className="claim-list-scroll" ref={scroller}>
          <ol className="claim-list" aria-label="Claims in text order" style={{ height: rows.getTotalSize() }}>
            {rows.getVirtualItems().map((row) => {
              const c = shown[row.index]!;
              return <ClaimItem key={c.id} claim={c} current={c.id === selectedId} onPick={pick} index={row.index} count={shown.length} top={row.start} measure={rows.measureElement} />;
            })}
          </ol>
        </div>
      ) : (
        <p className="muted">{claims.length ? "No claims of the chosen kinds and researcher." : "No claims yet: select text to mark one."}</p>
      )}
    </section>
  );
}
