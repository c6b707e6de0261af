import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { setClaimValue } from "@/lib/server/values";
import { claimValueInput } from "@/lib/schemas";
import { currentActor } from "../../../_lib/actor";
import { readJson, route } from "../../../_lib/http";

type Ctx = { params: Promise<{ id: string }> };

/** The researcher's figure, bounds, unit, what is counted and event for the claim; all empty clears it. */
export const PUT = route<Ctx>(async (request, { params }) => {
  const { id } = await params;
  const input = await readJson(request, claimValueInput);
  return NextResponse.json({ correction: await setClaimValue(db(), await currentActor(request), id, input) });
});
