import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { markDone } from "@/lib/server/rounds";
import { currentActor } from "../../../_lib/actor";
import { route } from "../../../_lib/http";

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/rounds/:id/done: an annotator marks their own work on the round done. */
export const POST = route<Ctx>(async (request, { params }) => {
  return NextResponse.json({ round: await markDone(db(), await currentActor(request), (await params).id) });
});
