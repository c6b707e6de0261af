import Link from "@/components/Link";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Metadata } from "next";
import { db } from "@/lib/server/db";
import { listReaderClaims } from "@/lib/server/claims";
import { getSource } from "@/lib/server/sources";
import { displayTitle } from "@/lib/types";
import { SourceMetaList } from "@/components/SourceMetaList";
import { SourceTitle } from "@/components/SourceTitle";
import { SourceReader } from "@/components/reader/SourceReader";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// generateMetadata and the page both need the source: one query per request.
const loadSource = cache((id: string) => getSource(db(), id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const source = await loadSource((await params).id);
  return { title: source ? displayTitle(source) : "Source not found" };
}

export default async function SourcePage({ params }: Props) {
  const source = await loadSource((await params).id);
  if (!source) notFound();
  const claims = await listReaderClaims(db(), source.id);
  return (
    <article>
      <h1><SourceTitle source={source} /></h1>
      <SourceMetaList source={source} extra={<div><dt>Words</dt><dd>{source.wordCount.toLocaleString("en")}</dd></div>} />
      <p className="source-actions">
        <Link href={`/sources/${source.id}/edit`}>Edit source</Link>
        <Link href={`/compare?ids=${source.id}`}>Compare with…</Link>
        <Link href={`/claims?sourceId=${source.id}`}>Claims list and exports</Link>
      </p>
      <SourceReader sourceId={source.id} body={source.body} sections={source.sections} initialClaims={claims} />
    </article>
  );
}
