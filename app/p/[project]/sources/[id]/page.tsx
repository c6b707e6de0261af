import Link from "@/components/Link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { db } from "@/lib/server/db";
import { listReaderClaims } from "@/lib/server/claims";
import { appearancesOf } from "@/lib/server/documents";
import type { PageRange } from "@/lib/import/pdf/types";
import { displayTitle, sendReaderClaims } from "@/lib/types";
import { projectPath } from "@/lib/roles";
import { SourceMetaList } from "@/components/SourceMetaList";
import { SourceTitle } from "@/components/SourceTitle";
import { SourceReader } from "@/components/reader/SourceReader";
import { pageSource } from "@/app/_lib/project-page";
import { claimVisibility, isHiddenSource, openRoundOf } from "@/lib/server/rounds";
import "@/app/p/[project]/rounds/rounds.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ project: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project, id } = await params;
  const { source } = await pageSource(project, id);
  return { title: source ? displayTitle(source) : "Source not found" };
}

export default async function SourcePage({ params }: Props) {
  const { project: slug, id } = await params;
  const { page, source } = await pageSource(slug, id);
  if (!source) notFound();
  const at = (rest: string) => projectPath(page.project.slug, rest);
  // An annotator of an open round on this source sees only their own claims (lib/server/rounds.ts).
  const visibility = await claimVisibility(db(), page.viewer);
  const [claims, appearances] = await Promise.all([listReaderClaims(db(), source.id, visibility), appearancesOf(db(), source.id)]);
  const round = isHiddenSource(visibility, source.id) ? await openRoundOf(db(), source.id) : null;
  const pageStarts = pageStartsOf(source.body, source.pageMap ?? null);
  return (
    <article>
      <h1><SourceTitle source={source} /></h1>
      <SourceMetaList source={source} extra={<div><dt>Words</dt><dd>{source.wordCount.toLocaleString("en")}</dd></div>} />
      <p className="source-actions">
        <Link href={at(`/sources/${source.id}/edit`)}>Edit source</Link>
        <Link href={at(`/compare?ids=${source.id}`)}>Compare with…</Link>
        <Link href={at(`/claims?sourceId=${source.id}`)}>Claims list and exports</Link>
        {source.file && (
          <a href={`/api/sources/${source.id}/original`} download={source.file.name}>
            Download the original ({source.file.name}, {formatSize(source.file.size)})
          </a>
        )}
      </p>
      {appearances.length > 0 && (
        <p className="source-appearances">
          The same document also appears as:{" "}
          {appearances.map((a, i) => (
            <span key={a.id}>{i > 0 && "; "}<Link href={at(`/sources/${a.id}`)}>{a.title}</Link></span>
          ))}
        </p>
      )}
      {round && (
        <p className="round-banner" role="status">
          Independent annotation: others&apos; claims are hidden until you mark your work done.{" "}
          <Link href={at(`/rounds/${round.id}`)}>The round</Link>
        </p>
      )}
      <SourceReader sourceId={source.id} body={source.body} sections={source.sections} pageStarts={pageStarts} initialClaims={sendReaderClaims(claims, source.body)} role={page.role} />
    </article>
  );
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Pages after the first, each starting at its first character of text (past the blank line between paragraphs). */
function pageStartsOf(body: string, pageMap: PageRange[] | null) {
  return (pageMap ?? []).slice(1).flatMap((range) => {
    let start = range.start;
    while (start < range.end && /\s/.test(body[start]!)) start++;
    return start < range.end ? [{ page: range.page, start }] : [];
  });
}
