import type { Metadata } from "next";
import Link from "@/components/Link";
import { notFound } from "next/navigation";
import { SourceForm } from "@/components/sources/SourceForm";
import { displayTitle } from "@/lib/types";
import { projectPath } from "@/lib/roles";
import { pageSource } from "@/app/_lib/project-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ project: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project, id } = await params;
  const { source } = await pageSource(project, id);
  return { title: source ? `Edit ${displayTitle(source)}` : "Source not found" };
}

export default async function EditSourcePage({ params }: Props) {
  const { project: slug, id } = await params;
  const { page, source } = await pageSource(slug, id);
  if (!source) notFound();
  return (
    <>
      <h1>Edit “{displayTitle(source)}”</h1>
      <p><Link href={projectPath(page.project.slug, `/sources/${id}`)}>Back to the source</Link></p>
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
