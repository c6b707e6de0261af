import { NextResponse } from "next/server";
import { deleteCluster, getCluster } from "@/lib/server/clusters";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/errors";
import { clusterEventInput } from "@/lib/schemas";
import { setClusterEvent } from "@/lib/server/values";
import { currentActor, viewerActor } from "../../_lib/actor";
import { claimVisibility } from "@/lib/server/rounds";
import { readJson, route } from "../../_lib/http";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route<Ctx>(async (request, { params }) => {
  const { id } = await params;
  const cluster = await getCluster(db(), id, await claimVisibility(db(), await viewerActor(request)));
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
