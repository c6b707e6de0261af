import type { Metadata } from "next";
import Link from "@/components/Link";
import { db } from "@/lib/server/db";
import { z } from "zod";
import { describeZodError, dropEmpty } from "@/lib/schemas";
import { overview, parseSourceStatsCursor, SOURCE_STATS_ORDERS, sourceStatsCursorParam, sourceStatsPage, type SourceStatsOrder } from "@/lib/server/stats";
import { claimVisibility } from "@/lib/server/rounds";
import { loadClaimGraph } from "@/lib/server/claim-graph";
import { SourceHeatMap } from "@/components/overview/SourceHeatMap";
import { ClaimGraph } from "@/components/overview/ClaimGraph";
import { kindLabel, relationLabel } from "@/lib/labels";
import { CLAIM_KINDS, LINK_RELATIONS } from "@/lib/types";
import { LiveRefresh } from "@/components/live/LiveChanges";
import { projectPath } from "@/lib/roles";
import { pageProject, type ProjectParams } from "@/app/_lib/project-page";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

// The table shows a page of sources, most first by the chosen figure: with 1,000 sources a full
// table was 1,000 rows and about 1 MB of the page (its rows go out twice: as HTML and as the React
// payload), where a researcher wants those that need attention first.
const SHOWN = 25;

const ORDER_LABELS: Record<SourceStatsOrder, string> = {
  claims: "Most claims",
  unreviewed: "Most unreviewed suggestions",
  orphaned: "Most orphaned claims",
  links: "Most links",
};

type Props = ProjectParams & { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Which order the table is read in, and where its page stands (keyset cursor, number of the first row). */
const tableInput = z.object({
  order: z.enum(SOURCE_STATS_ORDERS, { error: `Order: one of ${SOURCE_STATS_ORDERS.join(", ")}.` }).optional(),
  after: z.string().max(2000).optional(),
  from: z.coerce.number().int().min(1).max(10_000_000).optional(),
});

export default async function StatsPage({ params, searchParams }: Props) {
  const { project, viewer } = await pageProject({ params });
  const query = dropEmpty(await searchParams);
  const input = tableInput.safeParse({ order: query.order, after: query.after, from: query.from });
  // A link that does not parse shows the first page in the default order, and says why.
  const order: SourceStatsOrder = (input.success && input.data.order) || "claims";
  const after = input.success && input.data.after ? parseSourceStatsCursor(input.data.after) ?? undefined : undefined;
  const from = after && input.success ? input.data.from ?? SHOWN + 1 : 1;
  const visibility = await claimVisibility(db(), viewer);
  // The overview (totals, heat maps) scans texts not yet scanned for suggestions last: the table
  // counts them, so it follows; the graph's queries run alongside (it waits for the sources only to
  // shape itself).
  const figures = overview(db(), project.id);
  const [o, table, graph] = await Promise.all([
    figures,
    figures.then(() => sourceStatsPage(db(), project.id, { order, limit: SHOWN, after })),
    loadClaimGraph(db(), project.id, figures.then((f) => f.sources), visibility),
  ]);
  const total = CLAIM_KINDS.reduce((n, k) => n + o.byKind[k], 0);
  const unscanned = o.sources.filter((s) => !s.scanned).length;
  const statsPath = projectPath(project.slug, "/stats");
  const pageHref = (at: { after?: string; from?: number }) => {
    const link = new URLSearchParams(Object.entries({ order: order === "claims" ? undefined : order, ...at, from: at.from?.toString() }).filter((e): e is [string, string] => e[1] !== undefined));
    return `${statsPath}${link.size ? `?${link}` : ""}#per-source`;
  };
  const last = from + table.sources.length - 1;
  return (
    <>
      <h1>Overview</h1>
      <LiveRefresh entities={["CLAIM", "LINK", "CLUSTER", "SOURCE"]} />
      {total === 0 && <p>No claims yet. Open a <Link href={projectPath(project.slug)}>source</Link>, select a sentence and press F, O or P to mark it.</p>}
      <div className="stats-cards">
        {CLAIM_KINDS.map((k) => (
          <div key={k} className={`stat-card kind-${k.toLowerCase()}`}>
            <span className="stat-value" data-testid={`count-${k}`}>{o.byKind[k]}</span> {kindLabel(k)} claims
          </div>
        ))}
        {LINK_RELATIONS.map((r) => (
          <div key={r} className="stat-card">
            <span className="stat-value" data-testid={`count-${r}`}>{o.byRelation[r]}</span> {relationLabel(r)} links
          </div>
        ))}
      </div>

      <p>How reliably the team tags: <Link href={projectPath(project.slug, "/rounds")}>rounds of independent annotation</Link>, with the agreement between annotators and curation.</p>

      <h2 id="per-source">Per source</h2>
      <form method="get" action={`${statsPath}#per-source`} className="source-find" aria-label="Order of the sources">
        <label>
          Sources with{" "}
          <select name="order" defaultValue={order}>
            {SOURCE_STATS_ORDERS.map((k) => <option key={k} value={k}>{ORDER_LABELS[k].replace(/^Most /, "the most ")}</option>)}
          </select>
        </label>
        <button type="submit">Show first</button>
      </form>
      {!input.success && <p role="alert" className="error-text">Ignored: {describeZodError(input.error)}</p>}
      <div className="table-scroll" role="region" aria-label="Per source, scrollable" tabIndex={0}>
      <table className="data-table">
        <caption>
          {o.sources.length > table.sources.length || after
            ? `Sources ${from.toLocaleString("en-GB")}–${last.toLocaleString("en-GB")} of ${o.sources.length.toLocaleString("en-GB")}, ${ORDER_LABELS[order].toLowerCase()} first`
            : `All ${o.sources.length.toLocaleString("en-GB")} sources, ${ORDER_LABELS[order].toLowerCase()} first`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            {CLAIM_KINDS.map((k) => <th key={k} scope="col">{kindLabel(k)}</th>)}
            <th scope="col">Links</th>
            <th scope="col">Orphaned</th>
            <th scope="col">Unreviewed suggestions</th>
          </tr>
        </thead>
        <tbody>
          {table.sources.map((s) => (
            <tr key={s.id}>
              <th scope="row"><Link href={projectPath(project.slug, `/sources/${s.id}`)}>{s.title}</Link></th>
              {CLAIM_KINDS.map((k) => <td key={k}>{s.byKind[k]}</td>)}
              <td>{s.links}</td>
              <td>{s.orphaned}</td>
              <td>{s.scanned ? `${s.unreviewedSuggestions} of ${s.suggestions}` : "not yet scanned"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {(after || table.next) && (
        <nav aria-label="Pages of the per-source table" className="page-links">
          {after && <Link href={pageHref({})}>First {SHOWN} sources</Link>}
          {table.next && <Link href={pageHref({ after: sourceStatsCursorParam(table.next), from: last + 1 })}>Next {SHOWN} sources</Link>}
        </nav>
      )}
      {unscanned > 0 && (
        <p role="note">
          Suggestions are not counted yet for {unscanned} of {o.sources.length} sources, whose texts were added before suggestions were stored: a
          few more texts are scanned each time this page is opened.
        </p>
      )}

      <h2>Which sources contradict or support which</h2>
      <div className="overview-pictures">
        {o.matrices.map((matrix) => <SourceHeatMap key={matrix.relation} matrix={matrix} />)}
      </div>

      <h2>Claims and their links</h2>
      <ClaimGraph graph={graph} />
    </>
  );
}
