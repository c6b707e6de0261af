import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { dismiss, undismiss } from "@/lib/server/dismissals";
import { dismissalsInput } from "@/lib/schemas";
import { currentActor } from "../_lib/actor";
import { readJson, route } from "../_lib/http";

/** { keys }: hides these suggestions from the researcher making the request. */
export const POST = route(async (request) => {
  const { keys } = await readJson(request, dismissalsInput);
  return NextResponse.json({ dismissed: await dismiss(db(), await currentActor(request), keys) });
});

/** { keys }: shows these suggestions to the researcher again. */
export const DELETE = route(async (request) => {
  const { keys } = await readJson(request, dismissalsInput);
  return NextResponse.json({ restored: await undismiss(db(), await currentActor(request), keys) });
});
