import { NextResponse } from "next/server";
import { createClaim, listClaims } from "@/lib/server/claims";
import { db } from "@/lib/server/db";
import { claimFilterInput, createClaimInput } from "@/lib/schemas";
import { currentActor, viewerActor } from "../_lib/actor";
import { parseInput, readJson, route } from "../_lib/http";
import { filterParams, requestProject } from "../_lib/project";
import { claimVisibility } from "@/lib/server/rounds";

/** ?project=<slug>&sourceId=&kind=&q=: the project's claims in text order. */
export const GET = route(async (request) => {
  const viewer = await viewerActor(request);
  const { project } = await requestProject(request, viewer);
  const filter = parseInput(claimFilterInput, filterParams(request));
  const claims = await listClaims(db(), { ...filter, projectId: project.id, includeDeleted: filter.includeDeleted === "true" }, await claimVisibility(db(), viewer));
  return NextResponse.json({ claims });
});

export const POST = route(async (request) => {
  const input = await readJson(request, createClaimInput);
  const claim = await createClaim(db(), await currentActor(request), input);
  return NextResponse.json({ claim }, { status: 201 });
});
