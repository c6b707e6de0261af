import { NextResponse } from "next/server";
import { contradictionSuggestions } from "@/lib/server/clusters";
import { db } from "@/lib/server/db";
import { contradictionDismissalKey } from "@/lib/dismissals";
import { withDismissed } from "@/lib/server/dismissals";
import { contradictionFilterInput } from "@/lib/schemas";
import { viewerActor } from "../_lib/actor";
import { parseInput, route } from "../_lib/http";
import { filterParams, requestProject } from "../_lib/project";
import { claimVisibility } from "@/lib/server/rounds";

/** ?project=<slug>&sourceIds=a,b: suggested CONTRADICTS links among the project's claims, each
 *  saying whether the researcher asking dismissed it. */
export const GET = route(async (request) => {
  const viewer = await viewerActor(request);
  const { project } = await requestProject(request, viewer);
  const { sourceIds } = parseInput(contradictionFilterInput, filterParams(request));
  const ids = sourceIds?.split(",").map((s) => s.trim()).filter(Boolean);
  const suggestions = await contradictionSuggestions(db(), project.id, ids?.length ? ids : undefined, await claimVisibility(db(), viewer));
  return NextResponse.json({ suggestions: await withDismissed(db(), viewer, suggestions, (s) => contradictionDismissalKey(s.key)) });
});
