import { NextResponse } from "next/server";
import { requireAccounts } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { addMember, membersOf, membershipHistory, projectAccess } from "@/lib/server/projects";
import { addMemberInput } from "@/lib/schemas";
import { currentActor, viewerActor } from "../../../_lib/actor";
import { readJson, route } from "../../../_lib/http";

type Ctx = { params: Promise<{ project: string }> };

/** GET: the project's members and the history of its membership (any member may read them). */
export const GET = route<Ctx>(async (request, { params }) => {
  const { project } = await projectAccess(db(), await viewerActor(request), (await params).project);
  const [members, history] = await Promise.all([membersOf(db(), project.id), membershipHistory(db(), project.id)]);
  return NextResponse.json({ members, history });
});

/** POST { name, role }: an owner adds a researcher who has signed up. Accounts mode only. */
export const POST = route<Ctx>(async (request, { params }) => {
  requireAccounts();
  const input = await readJson(request, addMemberInput);
  const actor = await currentActor(request);
  const { project } = await projectAccess(db(), actor, (await params).project);
  const member = await addMember(db(), actor, project.id, input);
  return NextResponse.json({ member }, { status: 201 });
});
