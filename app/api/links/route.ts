import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { createLink, listLinks } from "@/lib/server/links";
import { createLinkInput, linkFilterInput } from "@/lib/schemas";
import { currentActor, viewerActor } from "../_lib/actor";
import { parseInput, readJson, route } from "../_lib/http";
import { filterParams, requestProject } from "../_lib/project";

/** ?project=<slug>&claimId=: the project's live links (of one claim). */
export const GET = route(async (request) => {
  const { project } = await requestProject(request, await viewerActor(request));
  const { claimId } = parseInput(linkFilterInput, filterParams(request));
  return NextResponse.json({ links: await listLinks(db(), { projectId: project.id, ...(claimId ? { claimIds: [claimId] } : {}) }) });
});

export const POST = route(async (request) => {
  const input = await readJson(request, createLinkInput);
  const link = await createLink(db(), await currentActor(request), input);
  return NextResponse.json({ link }, { status: 201 });
});
