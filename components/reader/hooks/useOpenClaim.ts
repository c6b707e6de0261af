"use client";
// The claims of the source and the one open in the editor: the open claim is loaded in full (links,
// history) when opened and again by every reload, so a change right after a save goes against its
// current version. A claim deleted elsewhere meanwhile is said so and closed.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ClaimView, ReaderClaim } from "@/lib/types";
import { claimsApi } from "../claimsApi";

export function useOpenClaim(sourceId: string, initialClaims: ReaderClaim[], onGone: (text: string) => void) {
  const [claims, setClaims] = useState(initialClaims);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [openClaim, setOpenClaim] = useState<ClaimView | null>(null);
  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;
  const goneRef = useRef(onGone);
  goneRef.current = onGone;
  const selected = openClaim?.id === selectedId && !openClaim.deleted ? openClaim : null;

  const reload = useCallback(async () => {
    const openId = selectedRef.current;
    const [fresh, open] = await Promise.all([
      claimsApi.listForReader(sourceId),
      openId ? claimsApi.get(openId).catch(() => undefined) : undefined, // unreachable: keep what is shown
    ]);
    setClaims(fresh);
    if (open && !open.deleted) setOpenClaim(open);
    else if (open?.deleted && selectedRef.current === openId) setSelectedId(null); // nothing left to edit
  }, [sourceId]);

  useEffect(() => {
    if (!selectedId) return;
    let live = true;
    // A claim deleted elsewhere since this page loaded: say so, and take it out of the text.
    const gone = (text: string) => {
      goneRef.current(text);
      setSelectedId(null);
      void reload().catch(() => undefined);
    };
    claimsApi.get(selectedId).then(
      (claim) => live && (claim.deleted ? gone(`Claim ${claim.id} was deleted meanwhile`) : setOpenClaim(claim)),
      (err: Error) => live && gone(err.message),
    );
    return () => {
      live = false;
    };
  }, [selectedId, reload]);

  return { claims, selectedId, setSelectedId, selected, reload };
}
