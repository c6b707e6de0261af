"use client";
// The card beside a claim under the pointer or the caret. Loaded apart from the reader (with
// Floating UI, which places it): nothing of it is needed until the first claim is pointed at.
import { computePosition, offset, shift } from "@floating-ui/dom";
import { useLayoutEffect, useRef, useState } from "react";
import type { ReaderClaim, RestsOnView } from "@/lib/types";
import { attributionLabel, kindLabel } from "@/lib/labels";

/** Where the claim card goes: in the margin right of the text column, level with the claim's first
 *  line, so it covers no line being read (above, within or below the claim). A window too narrow
 *  for that margin gets it below the claim's last line: never above, never over the selection. */
export type Anchor = { id: string; lines: () => DOMRect[]; column: () => DOMRect };

const MARGIN_GAP = 12; // px between the text column and the card
const MARGIN_MIN = 208; // px: the narrowest card still readable beside the text (13rem)

export default function ClaimCard({ anchor, claim }: { anchor: Anchor; claim: ReaderClaim }) {
  const card = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ x: number; y: number } | null>(null);
  useLayoutEffect(() => {
    const el = card.current;
    if (!el) return;
    let live = true;
    // Measured when placed, so a scroll since the pointer arrived does not misplace the card.
    const lines = anchor.lines();
    if (!lines.length) return;
    const column = anchor.column();
    const room = document.documentElement.clientWidth - column.right - MARGIN_GAP - 8;
    const beside = room >= MARGIN_MIN;
    // Set before measuring: the card's width decides where shift() keeps it.
    el.style.maxWidth = beside ? `min(24rem, ${room}px)` : "";
    const first = lines[0]!;
    const last = lines[lines.length - 1]!;
    // A virtual reference: the text column's right edge at the height of the claim's first line.
    const reference = { getBoundingClientRect: () => (beside ? new DOMRect(column.right, first.top, 0, first.height) : last) };
    void computePosition(reference, el, { placement: beside ? "right-start" : "bottom-start", middleware: [offset(beside ? MARGIN_GAP : 4), shift({ padding: 8 })] })
      .then(({ x, y }) => live && setPlace({ x, y }));
    return () => {
      live = false;
    };
  }, [anchor]);
  return (
    <div ref={card} className="claim-info" role="status" aria-label="Claim card" style={{ left: place?.x ?? 0, top: place?.y ?? 0, visibility: place ? "visible" : "hidden" }}>
      <strong>{kindLabel(claim.kind)}</strong> by {claim.authorName}
      {" · "}{claim.linkCount} link{claim.linkCount === 1 ? "" : "s"}
      {claim.orphaned && <span className="claim-info-orphaned"> · orphaned: its words are no longer in the text</span>}
      <span className="claim-info-line">{whoSaysIt(claim)}</span>
      {claim.restsOn && <span className="claim-info-line">Rests on {originWords(claim.restsOn)}</span>}
      {claim.note && <span className="claim-info-note">{claim.note}</span>}
    </div>
  );
}

/** "Said by Kassym-Jomart Tokayev, President of Kazakhstan · Direct quote"; a reader comment never names anyone. */
function whoSaysIt(claim: ReaderClaim): string {
  if (claim.attributionType === "READER_COMMENT") return "Reader comment, not the author's claim";
  const who = claim.speaker ? `Said by ${claim.speaker.name}${claim.speaker.role ? `, ${claim.speaker.role}` : ""}` : "No speaker named";
  return `${who} · ${attributionLabel(claim.attributionType)}`;
}

const CARD_QUOTE = 90; // characters of an origin claim's quote a card shows

function originWords(restsOn: RestsOnView): string {
  if (restsOn.kind === "claim") return `a claim: “${restsOn.label.length > CARD_QUOTE ? `${restsOn.label.slice(0, CARD_QUOTE).trimEnd()}…` : restsOn.label}”`;
  if (restsOn.kind === "source") return `the source ${restsOn.label}`;
  return restsOn.label;
}
