import { redirectFromOldAddress } from "@/app/_lib/project-page";
import { db } from "@/lib/server/db";
import { projectOfClaim } from "@/lib/server/projects";

export const dynamic = "force-dynamic";

export default async function OldClaimProvenancePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return redirectFromOldAddress(`/claims/${encodeURIComponent(id)}/provenance`, await projectOfClaim(db(), id));
}
