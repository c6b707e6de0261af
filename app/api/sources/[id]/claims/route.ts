import { NextResponse } from "next/server";
import { listReaderClaims } from "@/lib/server/claims";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/errors";
import { route } from "../../../_lib/http";

type Context = { params: Promise<{ id: string }> };

/** The reader's view of a source's claims (see ReaderClaim); GET /api/claims has the full records. */
export const GET = route<Context>(async (_request, { params }) => {
  const { id } = await params;
  const source = await db().source.findUnique({ where: { id }, select: { id: true } });
  if (!source) throw notFound(`Source ${id} does not exist`);
  return NextResponse.json({ claims: await listReaderClaims(db(), id) });
});
