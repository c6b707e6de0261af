"use client";

import { useEffect, useState } from "react";
import { displayTitle, type SourceMeta } from "@/lib/types";
import { callApi } from "@/components/api/client";

let titlesOnce: Promise<Record<string, string>> | null = null;

function loadTitles(): Promise<Record<string, string>> {
  titlesOnce ??= callApi<{ sources: SourceMeta[] }>("/api/sources")
    .then(({ sources }) => Object.fromEntries(sources.map((s) => [s.id, displayTitle(s)])))
    .catch((err) => {
      titlesOnce = null;
      throw err;
    });
  return titlesOnce;
}

/** Source titles by id, loaded once per page (a claim only carries its source's id). */
export function useSourceTitles(): Record<string, string> {
  const [titles, setTitles] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    loadTitles().then((t) => live && setTitles(t), () => undefined);
    return () => { live = false; };
  }, []);
  return titles;
}
