import type { Metadata } from "next";
import { ClaimFilters } from "@/components/claims-list/ClaimFilters";
import { ClaimsList } from "@/components/claims-list/ClaimsList";
import { ExportLinks } from "@/components/claims-list/ExportLinks";
import { db } from "@/lib/server/db";
import { filterChoices, loadExport } from "@/lib/server/export-query";
import type { ExportFilter } from "@/lib/schemas";
import { describeZodError, dropEmpty, exportFilterInput } from "@/lib/schemas";
import { LiveRefresh } from "@/components/live/LiveChanges";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Claims" };

// The page shows the first claims; the exports always carry every claim of the filter.
const SHOWN = 500;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClaimsPage({ searchParams }: Props) {
  const parsed = exportFilterInput.safeParse(dropEmpty(await searchParams));
  const filter: ExportFilter = parsed.success ? parsed.data : {};
  const [choices, loaded] = await Promise.all([filterChoices(db()), loadExport(db(), filter, { limit: SHOWN })]);
  const { claims } = loaded.bundle;
  return (
    <>
      <h1>Claims</h1>
      <LiveRefresh entities={["CLAIM", "LINK", "SOURCE"]} />
      {!parsed.success && <p role="alert" className="error-text">Filter ignored: {describeZodError(parsed.error)}</p>}
      <ClaimFilters filter={filter} choices={choices} />
      <ExportLinks filter={filter} />
      <p aria-live="polite">
        {loaded.total === 0 ? "No claims match." : loaded.total > claims.length ? `Showing the first ${claims.length} of ${loaded.total} claims (exports include all).` : `${loaded.total} claim${loaded.total === 1 ? "" : "s"}.`}
      </p>
      <ClaimsList claims={claims} />
    </>
  );
}
