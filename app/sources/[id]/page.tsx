import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { db } from "@/lib/db";
import { getSource, paragraphs } from "@/lib/sources";
import { displayTitle } from "@/lib/types";
import { SourceMetaList } from "@/components/SourceMetaList";
import { SourceTitle } from "@/components/SourceTitle";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const source = await getSource(db(), (await params).id);
  return { title: source ? displayTitle(source) : "Source not found" };
}

export default async function SourcePage({ params }: Props) {
  const source = await getSource(db(), (await params).id);
  if (!source) notFound();
  const comments = source.sections.find((s) => s.kind === "comments");
  const paras = paragraphs(source.body);
  const own = paras.filter((p) => !comments || p.start < comments.start);
  const others = comments ? paras.filter((p) => p.start >= comments.start) : [];
  return (
    <article>
      <h1><SourceTitle source={source} /></h1>
      <SourceMetaList source={source} extra={<div><dt>Words</dt><dd>{source.wordCount.toLocaleString("en")}</dd></div>} />
      <div className="source-body" style={{ marginTop: "1rem", maxWidth: "48rem" }}>
        {own.map((p) => <p key={p.start} data-offset={p.start}>{p.text}</p>)}
        {comments && (
          <section className="comments" aria-label={comments.label}>
            <p className="section-label">{comments.label}</p>
            {others.map((p) => <p key={p.start} data-offset={p.start}>{p.text}</p>)}
          </section>
        )}
      </div>
    </article>
  );
}
