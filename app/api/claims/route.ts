import { NextResponse } from "next/server";
import { createClaim, listClaims } from "@/lib/server/claims";
import { db } from "@/lib/server/db";
import { claimFilterInput, createClaimInput } from "@/lib/schemas";
import { currentActor, viewerActor } from "../_lib/actor";
import { claimVisibility } from "@/lib/server/rounds";
import { parseInput, readJson, route, searchParamsObject } from "../_lib/http";

export const GET = route(async (request) => {
  const filter = parseInput(claimFilterInput, searchParamsObject(request));
  const visibility = await claimVisibility(db(), await viewerActor(request));
  const claims = await listClaims(db(), { ...filter, includeDeleted: filter.includeDeleted === "true" }, visibility);
  return NextResponse.json({ claims });
});

export const POST = route(async (request) => {
  const input = await readJson(request, createClaimInput);
  const claim = await createClaim(db(), await currentActor(request), input);
  return NextResponse.json({ claim }, { status: 201 });
});
