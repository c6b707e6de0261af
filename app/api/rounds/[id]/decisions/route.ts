import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { decideUnit } from "@/lib/server/rounds";
import { curationDecisionInput } from "@/lib/schemas";
import { currentActor } from "../../../_lib/actor";
import { readJson, route } from "../../../_lib/http";

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/rounds/:id/decisions { unit, decision: accept|edit|reject, claimId?, kind?, start?, end? }:
 *  a curator settles one unit; accept and edit put a claim in the curated set. */
export const POST = route<Ctx>(async (request, { params }) => {
  const input = await readJson(request, curationDecisionInput);
  const decision = await decideUnit(db(), await currentActor(request), (await params).id, input);
  return NextResponse.json({ decision }, { status: 201 });
});
