import { redirectFromOldAddress } from "@/app/_lib/project-page";

export const dynamic = "force-dynamic";

/** The reader's only project's page, else the list of projects. */
export default async function OldImportPage() {
  return redirectFromOldAddress("/import");
}
