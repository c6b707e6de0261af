import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { roundAccess } from "@/lib/server/rounds";
import { viewerActor } from "../../_lib/actor";
import { route } from "../../_lib/http";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/rounds/:id: state, annotators and who is done (any member of the project). */
export const GET = route<Ctx>(async (request, { params }) => {
  const { round } = await roundAccess(db(), await viewerActor(request), (await params).id);
  return NextResponse.json({ round });
});
