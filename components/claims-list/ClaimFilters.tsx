import { attributionLabel, kindLabel } from "@/lib/labels";
import type { ExportFilter } from "@/lib/schemas";
import { ATTRIBUTION_TYPES, CLAIM_KINDS } from "@/lib/types";
import styles from "./claims-list.module.css";

export interface FilterChoices {
  sources: { id: string; title: string }[];
  clusters: { id: string; name: string }[];
  researchers: string[];
  speakers: { id: string; name: string; role: string | null }[];
}

/** A plain GET form: the filter lives in the URL, so it can be bookmarked and works without
 *  JavaScript. `action`: the project's claims page. */
export function ClaimFilters({ filter, choices, action }: { filter: ExportFilter; choices: FilterChoices; action: string }) {
  return (
    <form method="get" action={action} className={styles.filters} role="search" aria-label="Filter claims">
      <label>
        Source
        <select name="sourceId" defaultValue={filter.sourceId ?? ""}>
          <option value="">All sources</option>
          {choices.sources.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
        </select>
      </label>
      <label>
        Kind
        <select name="kind" defaultValue={filter.kind ?? ""}>
          <option value="">All kinds</option>
          {CLAIM_KINDS.map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
        </select>
      </label>
      <label>
        Links
        <select name="linked" defaultValue={filter.linked ?? ""}>
          <option value="">Any</option>
          <option value="linked">Linked</option>
          <option value="unlinked">Unlinked</option>
          <option value="orphaned">Orphaned (text no longer found)</option>
        </select>
      </label>
      {choices.clusters.length > 0 && (
        <label>
          Cluster
          <select name="clusterId" defaultValue={filter.clusterId ?? ""}>
            <option value="">Any cluster</option>
            {choices.clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
      )}
      <label>
        Researcher
        <select name="researcher" defaultValue={filter.researcher ?? ""}>
          <option value="">Everyone</option>
          {choices.researchers.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </label>
      <label>
        Speaker
        <select name="speakerId" defaultValue={filter.speakerId ?? ""}>
          <option value="">Anyone</option>
          {choices.speakers.map((s) => <option key={s.id} value={s.id}>{s.role ? `${s.name} (${s.role})` : s.name}</option>)}
        </select>
      </label>
      <label>
        Attribution
        <select name="attribution" defaultValue={filter.attribution ?? ""}>
          <option value="">Any attribution</option>
          {ATTRIBUTION_TYPES.map((a) => <option key={a} value={a}>{attributionLabel(a)}</option>)}
        </select>
      </label>
      <label>
        Origin
        <select name="origin" defaultValue={filter.origin ?? ""}>
          <option value="">Any or none</option>
          <option value="any">Has an origin</option>
          <option value="none">No origin cited</option>
          <option value="claim">Rests on a claim</option>
          <option value="source">Rests on a source</option>
          <option value="reference">Rests on an outside reference</option>
        </select>
      </label>
      <label>
        Rests on source
        <select name="originSourceId" defaultValue={filter.originSourceId ?? ""}>
          <option value="">Any source</option>
          {choices.sources.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
        </select>
      </label>
      <label>
        Sort by
        <select name="sort" defaultValue={filter.sort ?? "position"}>
          <option value="position">Position in the text</option>
          <option value="date">Newest first</option>
          <option value="source">Source title</option>
        </select>
      </label>
      <label className={styles.search}>
        Search quotes, notes, sources, speakers, researchers
        <input type="search" name="q" defaultValue={filter.q ?? ""} placeholder={'words, "a phrase", -without'} />
      </label>
      <button type="submit" className="primary">Apply filters</button>
      <a href={action}>Clear</a>
    </form>
  );
}
