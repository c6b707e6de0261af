import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { createReference, listReferences } from "@/lib/server/speakers";
import { createReferenceInput, nameSearchInput } from "@/lib/schemas";
import { requireAnnotatorAnywhere } from "@/lib/server/projects";
import { currentActor } from "../_lib/actor";
import { parseInput, readJson, route, searchParamsObject } from "../_lib/http";

/** Outside references; ?q= matches title and publisher. */
export const GET = route(async (request) => {
  const { q } = parseInput(nameSearchInput, searchParamsObject(request));
  return NextResponse.json({ references: await listReferences(db(), q) });
});

export const POST = route(async (request) => {
  const input = await readJson(request, createReferenceInput);
  await requireAnnotatorAnywhere(db(), await currentActor(request), "add outside references");
  return NextResponse.json({ reference: await createReference(db(), input) }, { status: 201 });
});
