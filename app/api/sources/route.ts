import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { createSourceInput } from "@/lib/schemas";
import { createSource } from "@/lib/server/source-edit";
import { listSources } from "@/lib/server/sources";
import { currentActor, viewerActor } from "../_lib/actor";
import { readJson, route } from "../_lib/http";
import { requestProject } from "../_lib/project";

/** ?project=<slug>: the project's sources. */
export const GET = route(async (request) => {
  const { project } = await requestProject(request, await viewerActor(request));
  return NextResponse.json({ sources: await listSources(db(), project.id) });
});

export const POST = route(async (request) => {
  const input = await readJson(request, createSourceInput);
  // 409 with details.duplicateOf when the text is already a source; near-duplicates to offer as appearances.
  const actor = await currentActor(request);
  const { project } = await requestProject(request, actor);
  const { source, nearDuplicates } = await createSource(db(), actor, project.id, input);
  return NextResponse.json({ source, nearDuplicates }, { status: 201 });
});
