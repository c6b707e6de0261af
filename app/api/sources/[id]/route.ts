import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/errors";
import { updateSourceInput } from "@/lib/schemas";
import { updateSource } from "@/lib/server/source-edit";
import { getSource } from "@/lib/server/sources";
import { currentActor } from "../../_lib/actor";
import { readJson, route } from "../../_lib/http";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (_request, { params }) => {
  const { id } = await params;
  const source = await getSource(db(), id);
  if (!source) throw notFound(`Source ${id} does not exist`);
  return NextResponse.json({ source });
});

/** { version, body?, title?, author?, publisher?, date?, url?, … }: new text re-anchors the claims. */
export const PATCH = route<Context>(async (request, { params }) => {
  const { id } = await params;
  const input = await readJson(request, updateSourceInput);
  const result = await updateSource(db(), await currentActor(request), id, input);
  return NextResponse.json(result);
});
