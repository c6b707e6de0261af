import type { Metadata } from "next";
import { z } from "zod";
import Link from "@/components/Link";
import { db } from "@/lib/server/db";
import { listSourcesPage, parseSourceCursor, sourceCursorParam } from "@/lib/server/sources";
import { projectPath } from "@/lib/roles";
import { SourceMetaList } from "@/components/SourceMetaList";
import { SourceTitle } from "@/components/SourceTitle";
import { LiveRefresh } from "@/components/live/LiveChanges";
import { pageProject, type ProjectParams } from "@/app/_lib/project-page";

export const dynamic = "force-dynamic";

// A page of sources: 1,000 cards in one page were 1.4 MB of HTML, and each page's claim counts
// cost O(its sources' claims), so the page stays as fast at 1,000 sources as at 10.
const SHOWN = 100;

type Props = ProjectParams & { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where the list stands: after which source (keyset cursor), and the number of the first one shown. */
const pageInput = z.object({ after: z.string().max(2000).optional(), from: z.coerce.number().int().min(1).max(10_000_000).optional() });

export async function generateMetadata(props: ProjectParams): Promise<Metadata> {
  return { title: `Sources · ${(await pageProject(props)).project.name}` };
}

export default async function ProjectSourcesPage({ params, searchParams }: Props) {
  const { project } = await pageProject({ params });
  const query = await searchParams;
  const page = pageInput.safeParse({ after: typeof query.after === "string" ? query.after : undefined, from: typeof query.from === "string" ? query.from : undefined });
  // A link whose cursor does not parse shows the first page, as the claims list does.
  const after = page.success && page.data.after ? parseSourceCursor(page.data.after) ?? undefined : undefined;
  const from = after && page.success ? page.data.from ?? SHOWN + 1 : 1;
  const { sources, total, next } = await listSourcesPage(db(), project.id, { limit: SHOWN, after });
  const listPath = projectPath(project.slug, "");
  const last = from + sources.length - 1;
  return (
    <>
      <h1>Sources</h1>
      <LiveRefresh entities={["SOURCE", "CLAIM"]} />
      {total === 0 ? (
        <p>No sources yet. <Link href={projectPath(project.slug, "/sources/new")}>Add a source</Link> to start marking claims.</p>
      ) : (
        <>
          {(after || next) && (
            <p aria-live="polite">
              {sources.length
                ? `Showing sources ${from.toLocaleString("en-GB")}–${last.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")}.`
                : "No sources on this page: the list has changed since the last page was shown."}
            </p>
          )}
          <ul className="source-list" aria-label="Sources">
            {sources.map((s) => (
              <li key={s.id} className="source-card">
                <h2><Link href={projectPath(project.slug, `/sources/${s.id}`)}><SourceTitle source={s} /></Link></h2>
                <SourceMetaList
                  source={s}
                  extra={
                    <>
                      <div><dt>Words</dt><dd>{s.wordCount.toLocaleString("en")}</dd></div>
                      <div><dt>Claims</dt><dd>{s.claimCount}</dd></div>
                    </>
                  }
                />
              </li>
            ))}
          </ul>
          {(after || next) && (
            <nav aria-label="Pages of sources" className="page-links">
              {after && <Link href={listPath}>First page</Link>}
              {next && <Link href={`${listPath}?${new URLSearchParams({ after: sourceCursorParam(next), from: String(last + 1) })}`}>Next {SHOWN} sources</Link>}
            </nav>
          )}
        </>
      )}
    </>
  );
}
