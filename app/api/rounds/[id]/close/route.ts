import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { closeRound } from "@/lib/server/rounds";
import { currentActor } from "../../../_lib/actor";
import { route } from "../../../_lib/http";

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/rounds/:id/close: an owner closes the round. */
export const POST = route<Ctx>(async (request, { params }) => {
  return NextResponse.json({ round: await closeRound(db(), await currentActor(request), (await params).id) });
});
