"use client";
// One event stream per tab (app/api/events), of the project the page belongs to, shared by every
// part of the page that wants to hear what other researchers change. The stream resumes where it stopped: EventSource sends the
// last id it saw; when the browser gives up on it (the server answered an error while
// restarting), it is opened again with ?after= that id. A quiet notice says who changed what.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { describeNotice, SeenIds, type ChangeNotice } from "@/lib/live";

type Listener = (notice: ChangeNotice) => void;

interface LiveContextValue {
  subscribe(listener: Listener): () => void;
  viewerId: string | null;
}

const LiveContext = createContext<LiveContextValue | null>(null);

const REOPEN_MS = 1_000;
const NOTICE_MS = 8_000;

export function LiveChanges({ project, after, viewerId, children }: { project: string; after: number | null; viewerId: string | null; children: React.ReactNode }) {
  // The first render's position only: a later server re-render (router.refresh) passes a newer
  // one, but this tab's stream goes on from the last notice it heard, so nothing falls between.
  const startAfter = useRef(after);
  const listeners = useRef(new Set<Listener>());
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    const seen = new SeenIds();
    let lastId = startAfter.current;
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let hide: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    const open = () => {
      const query = new URLSearchParams({ project });
      if (lastId !== null) query.set("after", String(lastId));
      source = new EventSource(`/api/events?${query}`);
      source.onopen = () => setConnected(true);
      source.addEventListener("change", (event) => {
        const n = JSON.parse((event as MessageEvent<string>).data) as ChangeNotice;
        lastId = Math.max(lastId ?? 0, n.id);
        if (!seen.add(n.id)) return;
        for (const listener of listeners.current) listener(n);
        if (n.actorId !== viewerId) {
          setNotice(describeNotice(n));
          clearTimeout(hide);
          hide = setTimeout(() => setNotice(null), NOTICE_MS);
        }
      });
      source.addEventListener("resync", (event) => {
        lastId = Math.max(lastId ?? 0, (JSON.parse((event as MessageEvent<string>).data) as { id: number }).id);
        router.refresh(); // too much changed to apply notice by notice
      });
      source.onerror = () => {
        setConnected(false);
        // CONNECTING: the browser retries by itself. CLOSED: it gave up; open a new stream.
        if (source?.readyState === EventSource.CLOSED && !closed) {
          reopen = setTimeout(open, REOPEN_MS);
        }
      };
    };
    open();
    return () => {
      closed = true;
      clearTimeout(reopen);
      clearTimeout(hide);
      source?.close();
    };
  }, [project, viewerId, router]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  // One value for the page's life: a new object per render (each notice re-renders this provider)
  // would make every subscriber resubscribe and drop the refresh it had just scheduled.
  const value = useMemo(() => ({ subscribe, viewerId }), [subscribe, viewerId]);

  return (
    <LiveContext.Provider value={value}>
      {children}
      <p className="live-notice" role="status" aria-label="Live activity" data-connected={connected ? "yes" : "no"}>
        {notice}
      </p>
    </LiveContext.Provider>
  );
}

/** Calls `onChange` (debounced by `delayMs`) for each notice of another researcher's change that
 *  `matches` accepts. Own changes are left out: the page that made them has already shown them. */
export function useLiveChanges(matches: (notice: ChangeNotice) => boolean, onChange: () => void, delayMs = 100): void {
  const live = useContext(LiveContext);
  const matchesRef = useRef(matches);
  const onChangeRef = useRef(onChange);
  matchesRef.current = matches;
  onChangeRef.current = onChange;
  useEffect(() => {
    if (!live) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = live.subscribe((notice) => {
      if (notice.actorId !== null && notice.actorId === live.viewerId) return;
      if (!matchesRef.current(notice)) return;
      clearTimeout(timer);
      timer = setTimeout(() => onChangeRef.current(), delayMs);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [live, delayMs]);
}

/** For server-rendered pages (lists, clusters, overview): re-render from the server when another
 *  researcher changes one of `entities`. */
export function LiveRefresh({ entities }: { entities: ChangeNotice["entity"][] }) {
  const router = useRouter();
  // The matcher is read through a ref on each notice, so a new array each render costs nothing.
  useLiveChanges((n) => entities.includes(n.entity), () => router.refresh(), 200);
  return null;
}
