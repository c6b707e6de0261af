import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/errors";
import { updateSourceInput } from "@/lib/schemas";
import { updateSource } from "@/lib/server/source-edit";
import { projectOfSource } from "@/lib/server/projects";
import { getSource } from "@/lib/server/sources";
import { currentActor, viewerActor } from "../../_lib/actor";
import { readJson, route } from "../../_lib/http";
import { readableProject } from "../../_lib/project";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const { id } = await params;
  await readableProject(await viewerActor(request), await projectOfSource(db(), id), `Source ${id} does not exist`);
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
