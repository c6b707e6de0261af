import { NextResponse } from "next/server";
import { createCluster, listClusters } from "@/lib/server/clusters";
import { db } from "@/lib/server/db";
import { createClusterInput } from "@/lib/schemas";
import { currentActor } from "../_lib/actor";
import { readJson, route } from "../_lib/http";

export const GET = route(async () => NextResponse.json({ clusters: await listClusters(db()) }));

export const POST = route(async (request) => {
  const input = await readJson(request, createClusterInput);
  const cluster = await createCluster(db(), await currentActor(request), input);
  return NextResponse.json({ cluster }, { status: 201 });
});
