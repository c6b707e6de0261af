import { NextResponse } from "next/server";
import { listReaderClaims } from "@/lib/server/claims";
import { db } from "@/lib/server/db";
import { projectOfSource } from "@/lib/server/projects";
import { viewerActor } from "../../../_lib/actor";
import { route } from "../../../_lib/http";
import { readableProject } from "../../../_lib/project";
import { claimVisibility } from "@/lib/server/rounds";

type Context = { params: Promise<{ id: string }> };

/** The reader's view of a source's claims (see ReaderClaim); GET /api/claims has the full records. */
export const GET = route<Context>(async (request, { params }) => {
  const { id } = await params;
  const viewer = await viewerActor(request);
  await readableProject(viewer, await projectOfSource(db(), id), `Source ${id} does not exist`);
  // An annotator of an open round sees only their own claims on its source (lib/server/rounds.ts).
  return NextResponse.json({ claims: await listReaderClaims(db(), id, await claimVisibility(db(), viewer)) });
});
