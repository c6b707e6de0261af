import { NextResponse } from "next/server";
import { authMode, localResearcherName } from "@/lib/server/auth";
import { signedInActor } from "../../_lib/actor";
import { route } from "../../_lib/http";

export const GET = route(async (request) => {
  const user = await signedInActor(request);
  return NextResponse.json({ user, mode: authMode(), localResearcher: authMode() === "single" ? localResearcherName() : null });
});
