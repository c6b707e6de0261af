import { NextResponse } from "next/server";
import { createCluster, listClusters } from "@/lib/server/clusters";
import { db } from "@/lib/server/db";
import { createClusterInput } from "@/lib/schemas";
import { currentActor, viewerActor } from "../_lib/actor";
import { readJson, route } from "../_lib/http";
import { requestProject } from "../_lib/project";

/** ?project=<slug>: the project's clusters. */
export const GET = route(async (request) => {
  const { project } = await requestProject(request, await viewerActor(request));
  return NextResponse.json({ clusters: await listClusters(db(), project.id) });
});

export const POST = route(async (request) => {
  const input = await readJson(request, createClusterInput);
  const actor = await currentActor(request);
  const { project } = await requestProject(request, actor);
  const cluster = await createCluster(db(), actor, project.id, input);
  return NextResponse.json({ cluster }, { status: 201 });
});
