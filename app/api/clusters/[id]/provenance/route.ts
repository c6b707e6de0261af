import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { projectOfCluster } from "@/lib/server/projects";
import { clusterProvenanceGraph } from "@/lib/server/provenance";
import { viewerActor } from "../../../_lib/actor";
import { route } from "../../../_lib/http";
import { readableProject } from "../../../_lib/project";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route<Ctx>(async (request, { params }) => {
  const { id } = await params;
  const projectId = await readableProject(await viewerActor(request), await projectOfCluster(db(), id), `Cluster ${id} does not exist`);
  return NextResponse.json({ provenance: await clusterProvenanceGraph(db(), projectId, id) });
});
