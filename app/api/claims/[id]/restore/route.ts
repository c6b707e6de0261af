import { NextResponse } from "next/server";
import { restoreClaim } from "@/lib/server/claims";
import { db } from "@/lib/server/db";
import { currentActor } from "../../../_lib/actor";
import { route } from "../../../_lib/http";

export const POST = route<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const claim = await restoreClaim(db(), await currentActor(request), (await params).id);
  return NextResponse.json({ claim });
});
