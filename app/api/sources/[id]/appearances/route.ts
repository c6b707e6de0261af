// Recording a near-duplicate source as another appearance of the same document.
import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { appearanceInput } from "@/lib/schemas";
import { appearancesOf, recordAppearance } from "@/lib/server/documents";
import { projectOfSource } from "@/lib/server/projects";
import { currentActor, viewerActor } from "../../../_lib/actor";
import { readJson, route } from "../../../_lib/http";
import { readableProject } from "../../../_lib/project";

type Context = { params: Promise<{ id: string }> };

export const GET = route(async (request, { params }: Context) => {
  const { id } = await params;
  await readableProject(await viewerActor(request), await projectOfSource(db(), id), `Source ${id} does not exist`);
  return NextResponse.json({ appearances: await appearancesOf(db(), id) });
});

export const POST = route(async (request, { params }: Context) => {
  const { documentId } = await readJson(request, appearanceInput);
  const row = await recordAppearance(db(), await currentActor(request), (await params).id, documentId);
  return NextResponse.json({ appearance: { documentId: row.documentId, sourceId: row.sourceId, jaccard: row.jaccard, containment: row.containment } }, { status: 201 });
});
