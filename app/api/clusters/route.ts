import { NextResponse } from "next/server";
import { createCluster, listClusters } from "@/lib/server/clusters";
import { db } from "@/lib/server/db";
import { createClusterInput } from "@/lib/schemas";
import { currentActor } from "../_lib/actor";
import { readJson, route } from "../_lib/http";
import { requestProject } from "../_lib/project";

export const GET = route(async () => NextResponse.json({ clusters: await listClusters(db()) }));

export const POST = route(async (request) => {
  const input = await readJson(request, createClusterInput);
  const actor = await currentActor(request);
  const { project } = await requestProject(request, actor);
  const cluster = await createCluster(db(), actor, project.id, input);
  return NextResponse.json({ cluster }, { status: 201 });
});
