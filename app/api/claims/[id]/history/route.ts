import { NextResponse } from "next/server";
import { claimHistory } from "@/lib/server/claims";
import { db } from "@/lib/server/db";
import { route } from "../../../_lib/http";

export const GET = route<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  return NextResponse.json({ history: await claimHistory(db(), (await params).id) });
});
