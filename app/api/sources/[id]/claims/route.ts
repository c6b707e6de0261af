import { NextResponse } from "next/server";
import { listReaderClaims } from "@/lib/server/claims";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/errors";
import { route } from "../../../_lib/http";
import { viewerActor } from "../../../_lib/actor";
import { claimVisibility } from "@/lib/server/rounds";

type Context = { params: Promise<{ id: string }> };

/** The reader's view of a source's claims (see ReaderClaim); GET /api/claims has the full records. */
export const GET = route<Context>(async (request, { params }) => {
  const { id } = await params;
  const source = await db().source.findUnique({ where: { id }, select: { id: true } });
  if (!source) throw notFound(`Source ${id} does not exist`);
  // An annotator of an open round sees only their own claims on its source (lib/server/rounds.ts).
  const visibility = await claimVisibility(db(), await viewerActor(request));
  return NextResponse.json({ claims: await listReaderClaims(db(), id, visibility) });
});
