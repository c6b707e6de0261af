import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { roundUnits } from "@/lib/server/rounds";
import { viewerActor } from "../../../_lib/actor";
import { route } from "../../../_lib/http";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/rounds/:id/disagreements[?all=1]: the units on which annotators differ (all units,
 *  agreed ones too, with all=1), each with its decision if a curator made one. */
export const GET = route<Ctx>(async (request, { params }) => {
  const { units } = await roundUnits(db(), await viewerActor(request), (await params).id);
  const all = new URL(request.url).searchParams.get("all") === "1";
  return NextResponse.json({ units: all ? units : units.filter((u) => u.issues.length > 0) });
});
