import type { Metadata } from "next";
import Link from "@/components/Link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SourceForm } from "@/components/sources/SourceForm";
import { db } from "@/lib/server/db";
import { getSource } from "@/lib/server/sources";
import { displayTitle } from "@/lib/types";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// generateMetadata and the page both need the source: one query per request.
const loadSource = cache((id: string) => getSource(db(), id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const source = await loadSource((await params).id);
  return { title: source ? `Edit ${displayTitle(source)}` : "Source not found" };
}

export default async function EditSourcePage({ params }: Props) {
  const { id } = await params;
  const source = await loadSource(id);
  if (!source) notFound();
  return (
    <>
      <h1>Edit “{displayTitle(source)}”</h1>
      <p><Link href={`/sources/${id}`}>Back to the source</Link></p>
      <SourceForm
        mode="edit"
        sourceId={id}
        version={source.version}
        initial={{
          title: source.title ?? "",
          suggestedTitle: source.suggestedTitle ?? "",
          author: source.author ?? "",
          publisher: source.publisher ?? "",
          date: source.publishedDate ?? source.approxDate ?? "",
          dateEvidence: source.dateEvidence ?? "",
          url: source.url ?? "",
          note: source.note ?? "",
          body: source.body,
        }}
      />
    </>
  );
}
