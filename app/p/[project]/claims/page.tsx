import type { Metadata } from "next";
import { z } from "zod";
import Link from "@/components/Link";
import { ClaimFilters } from "@/components/claims-list/ClaimFilters";
import { ClaimsList } from "@/components/claims-list/ClaimsList";
import { ExportLinks } from "@/components/claims-list/ExportLinks";
import { db } from "@/lib/server/db";
import { filterChoices, loadExport } from "@/lib/server/export-query";
import { claimVisibility } from "@/lib/server/rounds";
import { SEARCH_CAP } from "@/lib/server/search";
import type { ExportFilter } from "@/lib/schemas";
import { describeZodError, dropEmpty, exportFilterInput, filterSearchParams } from "@/lib/schemas";
import { LiveRefresh } from "@/components/live/LiveChanges";
import { projectPath } from "@/lib/roles";
import { pageProject } from "@/app/_lib/project-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Claims" };

// The page shows the first claims; the exports always carry every claim of the filter.
const SHOWN = 100;

type Props = { params: Promise<{ project: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where the list stands: after which claim (keyset), and the number of the first one shown. */
const pageInput = z.object({ after: z.string().max(64).optional(), from: z.coerce.number().int().min(1).max(10_000_000).optional() });

export default async function ClaimsPage({ params: route, searchParams }: Props) {
  const { project, viewer } = await pageProject({ params: route });
  const { after: rawAfter, from: rawFrom, ...params } = dropEmpty(await searchParams);
  const parsed = exportFilterInput.safeParse(params);
  const filter: ExportFilter = parsed.success ? parsed.data : {};
  const page = pageInput.safeParse({ after: rawAfter, from: rawFrom });
  const after = page.success ? page.data.after : undefined;
  const from = after && page.success ? page.data.from ?? SHOWN + 1 : 1;
  const [choices, loaded] = await Promise.all([filterChoices(db(), project.id), loadExport(db(), project.id, filter, { limit: SHOWN, after, visibility: await claimVisibility(db(), viewer) })]);
  const listPath = projectPath(project.slug, "/claims");
  const { claims } = loaded.bundle;
  const pageHref = (next: { after?: string; from?: number }) => {
    const query = filterSearchParams(filter);
    if (next.after) query.set("after", next.after);
    if (next.from) query.set("from", String(next.from));
    return `${listPath}${query.size ? `?${query}` : ""}`;
  };
  const last = from + claims.length - 1;
  return (
    <>
      <h1>Claims</h1>
      <LiveRefresh entities={["CLAIM", "LINK", "SOURCE"]} />
      {!parsed.success && <p role="alert" className="error-text">Filter ignored: {describeZodError(parsed.error)}</p>}
      <ClaimFilters filter={filter} choices={choices} action={listPath} />
      <ExportLinks filter={filter} project={project.slug} />
      <p aria-live="polite">
        {loaded.total === 0
          ? "No claims match."
          : claims.length === 0
            ? "No claims on this page: the claim it started after was deleted or no longer matches."
            : loaded.capped
              ? `More than ${SEARCH_CAP.toLocaleString("en-GB")} claims match the search, so it was not counted further: showing claims ${from.toLocaleString("en-GB")}–${last.toLocaleString("en-GB")} of the first ${SEARCH_CAP.toLocaleString("en-GB")} matches in this order${loaded.total < SEARCH_CAP ? ` (${loaded.total.toLocaleString("en-GB")} of them pass the other filters)` : ""}. Add words or filters to narrow it; exports include every match.`
            : loaded.total > claims.length
              ? `Showing claims ${from.toLocaleString("en-GB")}–${last.toLocaleString("en-GB")} of ${loaded.total.toLocaleString("en-GB")} (exports include all).`
              : `${loaded.total} claim${loaded.total === 1 ? "" : "s"}.`}
      </p>
      <ClaimsList claims={claims} />
      {(after || loaded.nextAfter) && (
        <nav aria-label="Pages of claims" className="page-links">
          {after && <Link href={pageHref({})}>First page</Link>}
          {loaded.nextAfter && <Link href={pageHref({ after: loaded.nextAfter, from: last + 1 })}>Next {SHOWN} claims</Link>}
        </nav>
      )}
    </>
  );
}
