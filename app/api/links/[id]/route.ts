import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { deleteLink } from "@/lib/server/links";
import { currentActor } from "../../_lib/actor";
import { route } from "../../_lib/http";

type Ctx = { params: Promise<{ id: string }> };

export const DELETE = route<Ctx>(async (request, { params }) => {
  const { id } = await params;
  return NextResponse.json({ link: await deleteLink(db(), await currentActor(request), id) });
});
