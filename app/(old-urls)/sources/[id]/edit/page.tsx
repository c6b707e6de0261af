import { redirectFromOldAddress } from "@/app/_lib/project-page";
import { db } from "@/lib/server/db";
import { projectOfSource } from "@/lib/server/projects";

export const dynamic = "force-dynamic";

export default async function OldEditSourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return redirectFromOldAddress(`/sources/${encodeURIComponent(id)}/edit`, await projectOfSource(db(), id));
}
