// /sources/<id> (in exports and citations, often with #claim-<id>): the source in its project.
import { redirectFromOldAddress } from "@/app/_lib/project-page";
import { db } from "@/lib/server/db";
import { projectOfSource } from "@/lib/server/projects";

export const dynamic = "force-dynamic";

export default async function OldSourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return redirectFromOldAddress(`/sources/${encodeURIComponent(id)}`, await projectOfSource(db(), id));
}
