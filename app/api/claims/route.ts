import { NextResponse } from "next/server";
import { createClaim, listClaims } from "@/lib/server/claims";
import { db } from "@/lib/server/db";
import { claimFilterInput, createClaimInput } from "@/lib/schemas";
import { currentActor, viewerActor } from "../_lib/actor";
import { parseInput, readJson, route } from "../_lib/http";
import { filterParams, requestProject } from "../_lib/project";

/** ?project=<slug>&sourceId=&kind=&q=: the project's claims in text order. */
export const GET = route(async (request) => {
  const { project } = await requestProject(request, await viewerActor(request));
  const filter = parseInput(claimFilterInput, filterParams(request));
  const claims = await listClaims(db(), { ...filter, projectId: project.id, includeDeleted: filter.includeDeleted === "true" });
  return NextResponse.json({ claims });
});

export const POST = route(async (request) => {
  const input = await readJson(request, createClaimInput);
  const claim = await createClaim(db(), await currentActor(request), input);
  return NextResponse.json({ claim }, { status: 201 });
});
