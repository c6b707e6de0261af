"use client";
// A link to /sources/<id>#claim-<claimId> (claims list, search, clusters) opens that claim once
// the editor has taken over (its first render paints the claims near the start; a claim further
// down a long text is painted when opening it scrolls there): a MutationObserver waits, no polling.
import { useEffect, useRef } from "react";

/** `unpainted(id)`: the claim is never painted (an orphan), so it opens at once. */
export function useDeepLink(open: (id: string) => void, unpainted: (id: string) => boolean) {
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.match(/^#claim-(.+)$/)?.[1] ?? "");
    if (!id) return;
    const tryOpen = () => {
      if (!unpainted(id) && !document.querySelector(".reader-text")) return false;
      openRef.current(id);
      return true;
    };
    if (tryOpen()) return;
    const observer = new MutationObserver(() => tryOpen() && observer.disconnect());
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the address the page was opened with
  }, []);
}
