import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { projectOfClaim } from "@/lib/server/projects";
import { provenanceSuggestions } from "@/lib/server/provenance-suggestions";
import { viewerActor } from "../../../_lib/actor";
import { route } from "../../../_lib/http";
import { readableProject } from "../../../_lib/project";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route<Ctx>(async (request, { params }) => {
  const { id } = await params;
  await readableProject(await viewerActor(request), await projectOfClaim(db(), id), `Claim ${id} does not exist`);
  return NextResponse.json(await provenanceSuggestions(db(), id));
});
