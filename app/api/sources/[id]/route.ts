import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { getSource } from "@/lib/sources";
import { route } from "../../_lib/http";

export const GET = route<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const { id } = await params;
  const source = await getSource(db(), id);
  if (!source) throw notFound(`Source ${id} does not exist`);
  return NextResponse.json({ source });
});
