import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { createLink, listLinks } from "@/lib/server/links";
import { createLinkInput, linkFilterInput } from "@/lib/schemas";
import { currentActor } from "../_lib/actor";
import { parseInput, readJson, route, searchParamsObject } from "../_lib/http";

export const GET = route(async (request) => {
  const { claimId } = parseInput(linkFilterInput, searchParamsObject(request));
  return NextResponse.json({ links: await listLinks(db(), claimId ? { claimIds: [claimId] } : {}) });
});

export const POST = route(async (request) => {
  const input = await readJson(request, createLinkInput);
  const link = await createLink(db(), await currentActor(request), input);
  return NextResponse.json({ link }, { status: 201 });
});
