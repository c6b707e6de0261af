import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { createProject, projectsOf } from "@/lib/server/projects";
import { createProjectInput } from "@/lib/schemas";
import { currentActor, viewerActor } from "../_lib/actor";
import { readJson, route } from "../_lib/http";

/** GET: the projects the researcher asking is a member of (all of them in single-user mode). */
export const GET = route(async (request) => NextResponse.json({ projects: await projectsOf(db(), await viewerActor(request)) }));

/** POST { slug, name, note? }: a new project; whoever makes it owns it. */
export const POST = route(async (request) => {
  const input = await readJson(request, createProjectInput);
  const project = await createProject(db(), await currentActor(request), input);
  return NextResponse.json({ project }, { status: 201 });
});
