import { NextResponse } from "next/server";
import { removeClusterMember } from "@/lib/server/clusters";
import { db } from "@/lib/server/db";
import { currentActor } from "../../../../_lib/actor";
import { route } from "../../../../_lib/http";

type Ctx = { params: Promise<{ id: string; claimId: string }> };

export const DELETE = route<Ctx>(async (request, { params }) => {
  const { id, claimId } = await params;
  await removeClusterMember(db(), await currentActor(request), id, claimId);
  return NextResponse.json({ clusterId: id, claimId });
});
