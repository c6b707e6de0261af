import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "@/components/Link";
import { ProvenanceGraph } from "@/components/provenance/ProvenanceGraph";
import { attributionLabel } from "@/lib/labels";
import { getClaim } from "@/lib/server/claims";
import { db } from "@/lib/server/db";
import { claimProvenanceGraph } from "@/lib/server/provenance";
import { Quote } from "@/components/Quote";
import { projectPath } from "@/lib/roles";
import { pageProject, requireSourceOf } from "@/app/_lib/project-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ project: string; id: string }> };

export const metadata: Metadata = { title: "Provenance" };

export default async function ClaimProvenancePage({ params }: Props) {
  const { project: slug, id } = await params;
  const page = await pageProject({ params: Promise.resolve({ project: slug }) });
  const { project } = page;
  const claim = await getClaim(db(), id);
  if (!claim || claim.deleted) notFound();
  await requireSourceOf(page, claim.sourceId); // another project's claim is not found here
  const graph = await claimProvenanceGraph(db(), project.id, id);
  const p = claim.provenance;
  return (
    <>
      <h1>Provenance of a claim</h1>
      <blockquote><Quote text={claim.quote.trim()} /></blockquote>
      <p>
        {p?.attributionType === "READER_COMMENT" ? "Reader comment" : <>Said by {p?.speaker ? <strong>{p.speaker.name}</strong> : "nobody named"}{p?.speaker?.role ? `, ${p.speaker.role}` : ""} · {attributionLabel(p?.attributionType ?? "OWN_VOICE")}</>}
        {p?.claimDate && <> · about {p.claimDate.start === p.claimDate.end ? p.claimDate.start : `${p.claimDate.start} – ${p.claimDate.end}`}</>}
        {" · "}<Link href={projectPath(project.slug, `/sources/${claim.sourceId}#claim-${claim.id}`)}>Open in its source</Link>
      </p>
      <ProvenanceGraph graph={graph} title="What it rests on" />
    </>
  );
}
