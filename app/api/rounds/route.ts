import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { listRounds, openRound } from "@/lib/server/rounds";
import { openRoundInput } from "@/lib/schemas";
import { currentActor, viewerActor } from "../_lib/actor";
import { readJson, route } from "../_lib/http";
import { requestProject } from "../_lib/project";

/** GET /api/rounds?project=<slug>: the project's rounds of independent annotation, newest first. */
export const GET = route(async (request) => {
  const { project } = await requestProject(request, await viewerActor(request));
  return NextResponse.json({ rounds: await listRounds(db(), project.id) });
});

/** POST /api/rounds { sourceId, annotatorIds }: an owner opens a source for independent annotation. */
export const POST = route(async (request) => {
  const input = await readJson(request, openRoundInput);
  const round = await openRound(db(), await currentActor(request), input);
  return NextResponse.json({ round }, { status: 201 });
});
