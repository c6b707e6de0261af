import { NextResponse } from "next/server";
import { deleteCluster, getCluster } from "@/lib/server/clusters";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/errors";
import { clusterEventInput } from "@/lib/schemas";
import { setClusterEvent } from "@/lib/server/values";
import { projectOfCluster } from "@/lib/server/projects";
import { currentActor, viewerActor } from "../../_lib/actor";
import { claimVisibility } from "@/lib/server/rounds";
import { readJson, route } from "../../_lib/http";
import { readableProject } from "../../_lib/project";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route<Ctx>(async (request, { params }) => {
  const { id } = await params;
  const viewer = await viewerActor(request);
  const projectId = await readableProject(viewer, await projectOfCluster(db(), id), `Cluster ${id} does not exist`);
  const cluster = await getCluster(db(), projectId, id, await claimVisibility(db(), viewer));
  if (!cluster) throw notFound(`Cluster ${id} does not exist`);
  return NextResponse.json({ cluster });
});

export const DELETE = route<Ctx>(async (request, { params }) => {
  const { id } = await params;
  await deleteCluster(db(), await currentActor(request), id);
  return NextResponse.json({ deleted: id });
});

/** Names the event the members' dates are of (null clears it). */
export const PATCH = route<Ctx>(async (request, { params }) => {
  const { id } = await params;
  const { event } = await readJson(request, clusterEventInput);
  await setClusterEvent(db(), await currentActor(request), id, event ?? null);
  return NextResponse.json({ event: event ?? null });
});
