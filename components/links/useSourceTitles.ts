"use client";

import { useEffect, useState } from "react";
import { displayTitle, type SourceMeta } from "@/lib/types";
import { callApi, projectApi } from "@/components/api/client";
import { useProject } from "@/components/shell/ProjectContext";

// Per project: a tab moving to another project asks again.
const titlesOnce = new Map<string, Promise<Record<string, string>>>();

function loadTitles(project: string): Promise<Record<string, string>> {
  let titles = titlesOnce.get(project);
  if (!titles) {
    titles = callApi<{ sources: SourceMeta[] }>(projectApi("/api/sources", project))
      .then(({ sources }) => Object.fromEntries(sources.map((s) => [s.id, displayTitle(s)])))
      .catch((err) => {
        titlesOnce.delete(project);
        throw err;
      });
    titlesOnce.set(project, titles);
  }
  return titles;
}

/** The current project's source titles by id, loaded once per page (a claim only carries its source's id). */
export function useSourceTitles(): Record<string, string> {
  const { slug } = useProject();
  const [titles, setTitles] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    loadTitles(slug).then((t) => live && setTitles(t), () => undefined);
    return () => { live = false; };
  }, [slug]);
  return titles;
}
