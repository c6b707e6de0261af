import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { projectOfClaim } from "@/lib/server/projects";
import { claimProvenanceGraph } from "@/lib/server/provenance";
import { viewerActor } from "../../../_lib/actor";
import { route } from "../../../_lib/http";
import { readableProject } from "../../../_lib/project";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route<Ctx>(async (request, { params }) => {
  const { id } = await params;
  const projectId = await readableProject(await viewerActor(request), await projectOfClaim(db(), id), `Claim ${id} does not exist or was deleted`);
  return NextResponse.json({ provenance: await claimProvenanceGraph(db(), projectId, id) });
});
