import type { Metadata } from "next";
import { db } from "@/lib/server/db";
import { listReaderClaims } from "@/lib/server/claims";
import { listLinksBetween } from "@/lib/server/links";
import { claimVisibility } from "@/lib/server/rounds";
import { getSource, listSources } from "@/lib/server/sources";
import { CompareView } from "@/components/compare/CompareView";
import { sendReaderClaims, type SentCompareColumn } from "@/lib/types";
import { SourceTitle } from "@/components/SourceTitle";
import "@/components/compare/compare.css";
import { projectPath } from "@/lib/roles";
import { pageProject } from "@/app/_lib/project-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare sources" };

const MIN_COLUMNS = 2;
const MAX_COLUMNS = 5;

type Props = { params: Promise<{ project: string }>; searchParams: Promise<{ ids?: string | string[] }> };

/** ?ids=a,b,c from a link, or ?ids=a&ids=b from the checkbox form. */
function requestedIds(raw: string | string[] | undefined): string[] {
  const parts = (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((s) => s.split(","));
  return [...new Set(parts.map((s) => s.trim()).filter(Boolean))];
}

export default async function ComparePage({ params, searchParams }: Props) {
  const { project, viewer } = await pageProject({ params });
  const ids = requestedIds((await searchParams).ids);
  const sources = await listSources(db(), project.id);
  const wanted = ids.length >= MIN_COLUMNS && ids.length <= MAX_COLUMNS;
  // Only this project's sources: another project's id counts as one that does not exist.
  const ofProject = new Set(sources.map((s) => s.id));
  const found = wanted ? (await Promise.all(ids.filter((id) => ofProject.has(id)).map((id) => getSource(db(), id)))).filter((s) => s !== null) : [];
  const visibility = await claimVisibility(db(), viewer);
  // Each column's claims as the reader gets them (a third of a ClaimView's bytes), the links among
  // them once: at 3 × 1,000 claims the whole ClaimViews with their links took 2.6 MB of the page.
  const claimsOf = await Promise.all(found.map((source) => listReaderClaims(db(), source.id, visibility)));
  const links = await listLinksBetween(db(), claimsOf.flatMap((claims) => claims.map((c) => c.id)));
  const columns: SentCompareColumn[] = found.map((source, i) => ({ source, claims: sendReaderClaims(claimsOf[i]!, source.body) }));
  const missing = wanted && found.length < ids.length;
  return (
    <>
      <h1>Compare sources</h1>
      <details className="source-picker-box" open={columns.length === 0}>
        <summary>{columns.length ? "Change the sources" : "Sources"}</summary>
        <form method="get" action={projectPath(project.slug, "/compare")} className="source-picker" aria-label="Sources to compare">
          <fieldset>
            <legend>Choose {MIN_COLUMNS} to {MAX_COLUMNS} sources</legend>
            {sources.map((s) => (
              <label key={s.id} className="source-choice">
                <input type="checkbox" name="ids" value={s.id} defaultChecked={ids.includes(s.id)} /> <SourceTitle source={s} />
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary">Compare</button>
        </form>
      </details>
      {ids.length > 1 && !wanted && <p role="alert" className="error-text">Choose between {MIN_COLUMNS} and {MAX_COLUMNS} sources (you chose {ids.length}).</p>}
      {missing && <p role="alert" className="error-text">Some of the chosen sources do not exist any more.</p>}
      {columns.length >= MIN_COLUMNS && <CompareView columns={columns} links={links} />}
    </>
  );
}
