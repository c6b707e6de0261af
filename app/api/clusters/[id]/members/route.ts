import { NextResponse } from "next/server";
import { addClusterMember } from "@/lib/server/clusters";
import { db } from "@/lib/server/db";
import { addClusterMemberInput } from "@/lib/schemas";
import { currentActor } from "../../../_lib/actor";
import { readJson, route } from "../../../_lib/http";

type Ctx = { params: Promise<{ id: string }> };

export const POST = route<Ctx>(async (request, { params }) => {
  const { id } = await params;
  const { claimId } = await readJson(request, addClusterMemberInput);
  await addClusterMember(db(), await currentActor(request), id, claimId);
  return NextResponse.json({ clusterId: id, claimId }, { status: 201 });
});
