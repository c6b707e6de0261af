import { redirectFromOldAddress } from "@/app/_lib/project-page";
import { db } from "@/lib/server/db";
import { projectOfCluster } from "@/lib/server/projects";

export const dynamic = "force-dynamic";

export default async function OldClusterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return redirectFromOldAddress(`/clusters/${encodeURIComponent(id)}`, await projectOfCluster(db(), id));
}
