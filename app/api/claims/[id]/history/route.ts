import { NextResponse } from "next/server";
import { claimHistory } from "@/lib/server/claims";
import { db } from "@/lib/server/db";
import { projectOfClaim } from "@/lib/server/projects";
import { viewerActor } from "../../../_lib/actor";
import { route } from "../../../_lib/http";
import { readableProject } from "../../../_lib/project";

export const GET = route<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { id } = await params;
  await readableProject(await viewerActor(request), await projectOfClaim(db(), id), `Claim ${id} does not exist`);
  return NextResponse.json({ history: await claimHistory(db(), id) });
});
