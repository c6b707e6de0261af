import { NextResponse } from "next/server";
import { contradictionSuggestions } from "@/lib/server/clusters";
import { db } from "@/lib/server/db";
import { contradictionDismissalKey } from "@/lib/dismissals";
import { withDismissed } from "@/lib/server/dismissals";
import { contradictionFilterInput } from "@/lib/schemas";
import { viewerActor } from "../_lib/actor";
import { claimVisibility } from "@/lib/server/rounds";
import { parseInput, route, searchParamsObject } from "../_lib/http";

/** Suggested CONTRADICTS links, each saying whether the researcher asking dismissed it. */
export const GET = route(async (request) => {
  const { sourceIds } = parseInput(contradictionFilterInput, searchParamsObject(request));
  const ids = sourceIds?.split(",").map((s) => s.trim()).filter(Boolean);
  const viewer = await viewerActor(request);
  const suggestions = await contradictionSuggestions(db(), ids?.length ? ids : undefined, await claimVisibility(db(), viewer));
  return NextResponse.json({ suggestions: await withDismissed(db(), viewer, suggestions, (s) => contradictionDismissalKey(s.key)) });
});
