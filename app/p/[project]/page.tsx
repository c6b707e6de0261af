import type { Metadata } from "next";
import { z } from "zod";
import { describeZodError, dropEmpty } from "@/lib/schemas";
import Link from "@/components/Link";
import { db } from "@/lib/server/db";
import { listSourcesPage, parseSourceCursor, sourceCursorParam } from "@/lib/server/sources";
import { projectPath } from "@/lib/roles";
import { SourceMetaList } from "@/components/SourceMetaList";
import { SourceTitle } from "@/components/SourceTitle";
import { LiveRefresh } from "@/components/live/LiveChanges";
import { pageProject, type ProjectParams } from "@/app/_lib/project-page";

export const dynamic = "force-dynamic";

// A page of sources. The server's time grows with the cards shown (about 1 ms and 1.5 kB of HTML
// each: 100 cards took 150–240 ms on the bench's machine, a title search showing 11 took 77 ms),
// not with the project's claims: each page's claim counts cost O(its sources' claims).
const SHOWN = 50;

type Props = ProjectParams & { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where the list stands: after which source (keyset cursor), and the number of the first one shown. */
const pageInput = z.object({ after: z.string().max(2000).optional(), from: z.coerce.number().int().min(1).max(10_000_000).optional() });
/** The title search: words a source's title contains. */
const findInput = z.object({ title: z.string().max(200, "Title search: at most 200 characters.").optional() });

export async function generateMetadata(props: ProjectParams): Promise<Metadata> {
  return { title: `Sources · ${(await pageProject(props)).project.name}` };
}

export default async function ProjectSourcesPage({ params, searchParams }: Props) {
  const { project } = await pageProject({ params });
  const query = dropEmpty(await searchParams);
  const find = findInput.safeParse({ title: query.title });
  const title = find.success ? find.data.title : undefined;
  const page = pageInput.safeParse({ after: query.after, from: query.from });
  // A link whose cursor does not parse shows the first page, as the claims list does.
  const after = page.success && page.data.after ? parseSourceCursor(page.data.after) ?? undefined : undefined;
  const from = after && page.success ? page.data.from ?? SHOWN + 1 : 1;
  const { sources, total, next } = await listSourcesPage(db(), project.id, { limit: SHOWN, after, titleContains: title });
  const listPath = projectPath(project.slug, "");
  const pageHref = (at: { after?: string; from?: number }) => {
    const link = new URLSearchParams(Object.entries({ title, ...at, from: at.from?.toString() }).filter((e): e is [string, string] => e[1] !== undefined));
    return `${listPath}${link.size ? `?${link}` : ""}`;
  };
  const last = from + sources.length - 1;
  // A search that finds nothing still shows the search form (and says so).
  const anySources = total > 0 || title !== undefined;
  return (
    <>
      <h1>Sources</h1>
      <LiveRefresh entities={["SOURCE", "CLAIM"]} />
      {!anySources ? (
        <p>No sources yet. <Link href={projectPath(project.slug, "/sources/new")}>Add a source</Link> to start marking claims.</p>
      ) : (
        <>
          <form method="get" action={listPath} role="search" aria-label="Find sources" className="source-find">
            <label>
              Title contains <input type="search" name="title" defaultValue={title ?? ""} maxLength={200} />
            </label>
            <button type="submit">Find</button>
            {title !== undefined && <Link href={listPath}>All sources</Link>}
          </form>
          {!find.success && <p role="alert" className="error-text">Search ignored: {describeZodError(find.error)}</p>}
          <p aria-live="polite">
            {total === 0
              ? `No source title contains “${title}”.`
              : sources.length === 0
                ? "No sources on this page: the list has changed since the last page was shown."
                : total > sources.length
                  ? `Showing sources ${from.toLocaleString("en-GB")}–${last.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")}${title !== undefined ? ` whose title contains “${title}”` : ""}.`
                  : `${total.toLocaleString("en-GB")} source${total === 1 ? "" : "s"}${title !== undefined ? ` whose title contains “${title}”` : ""}.`}
          </p>
          {sources.length > 0 && (
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
          )}
          {(after || next) && (
            <nav aria-label="Pages of sources" className="page-links">
              {after && <Link href={pageHref({})}>First page</Link>}
              {next && <Link href={pageHref({ after: sourceCursorParam(next), from: last + 1 })}>Next {SHOWN} sources</Link>}
            </nav>
          )}
        </>
      )}
    </>
  );
}
