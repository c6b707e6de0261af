import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { suggestionDismissalKey } from "@/lib/dismissals";
import { withDismissed } from "@/lib/server/dismissals";
import { notFound } from "@/lib/errors";
import { projectOfSource } from "@/lib/server/projects";
import { getSource } from "@/lib/server/sources";
import { suggestSourceClaims } from "@/lib/suggestions/sentences";
import { viewerActor } from "../../../_lib/actor";
import { route } from "../../../_lib/http";
import { readableProject } from "../../../_lib/project";

/** Sentences that look like claims (figures, dates, attributions), never inside reader comments,
 *  each saying whether the researcher asking dismissed it. Fetched when the reader turns
 *  suggestions on, so opening a source does not pay for them. */
export const GET = route<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { id } = await params;
  const viewer = await viewerActor(request);
  await readableProject(viewer, await projectOfSource(db(), id), `Source ${id} does not exist`);
  const source = await getSource(db(), id);
  if (!source) throw notFound(`Source ${id} does not exist`);
  const suggestions = suggestSourceClaims(source);
  return NextResponse.json({ suggestions: await withDismissed(db(), viewer, suggestions, (s) => suggestionDismissalKey(id, s)) });
});
