import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { ensureSpeaker, listSpeakers } from "@/lib/server/speakers";
import { createSpeakerInput, nameSearchInput } from "@/lib/schemas";
import { requireAnnotatorAnywhere } from "@/lib/server/projects";
import { currentActor } from "../_lib/actor";
import { parseInput, readJson, route, searchParamsObject } from "../_lib/http";

/** ?q= matches names and aliases. */
export const GET = route(async (request) => {
  const { q } = parseInput(nameSearchInput, searchParamsObject(request));
  return NextResponse.json({ speakers: await listSpeakers(db(), q) });
});

/** Makes a speaker, or answers the one with that name (any case) with 200. */
export const POST = route(async (request) => {
  const input = await readJson(request, createSpeakerInput);
  await requireAnnotatorAnywhere(db(), await currentActor(request), "add speakers");
  const { created, ...speaker } = await ensureSpeaker(db(), input);
  return NextResponse.json({ speaker }, { status: created ? 201 : 200 });
});
