import { NextResponse } from "next/server";
import { requireAccounts } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { changeMemberRole, projectAccess, removeMember } from "@/lib/server/projects";
import { changeMemberInput } from "@/lib/schemas";
import { currentActor } from "../../../../_lib/actor";
import { readJson, route } from "../../../../_lib/http";

type Ctx = { params: Promise<{ project: string; userId: string }> };

/** PATCH { role }: an owner changes a member's role; the last owner stays an owner (409). */
export const PATCH = route<Ctx>(async (request, { params }) => {
  requireAccounts();
  const input = await readJson(request, changeMemberInput);
  const actor = await currentActor(request);
  const { project: slug, userId } = await params;
  const { project } = await projectAccess(db(), actor, slug);
  return NextResponse.json({ member: await changeMemberRole(db(), actor, project.id, userId, input.role) });
});

/** DELETE: an owner removes a member; their claims stay, under their name. */
export const DELETE = route<Ctx>(async (request, { params }) => {
  requireAccounts();
  const actor = await currentActor(request);
  const { project: slug, userId } = await params;
  const { project } = await projectAccess(db(), actor, slug);
  await removeMember(db(), actor, project.id, userId);
  return NextResponse.json({ ok: true });
});
