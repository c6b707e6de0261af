import { NextResponse } from "next/server";
import { claimViewerRights, deleteClaim, getClaim, updateClaim } from "@/lib/server/claims";
import { db } from "@/lib/server/db";
import { projectOfSource, roleIn } from "@/lib/server/projects";
import { notFound } from "@/lib/errors";
import { claimVisibility, mayViewClaim } from "@/lib/server/rounds";
import { deleteClaimInput, updateClaimInput } from "@/lib/schemas";
import { currentActor, viewerActor } from "../../_lib/actor";
import { parseInput, readJson, route } from "../../_lib/http";

type Ctx = { params: Promise<{ id: string }> };

/** The claim with its links, and what the researcher asking may do with it (`claim.viewer`). */
export const GET = route<Ctx>(async (request, { params }) => {
  const { id } = await params;
  const [claim, viewer] = await Promise.all([getClaim(db(), id), viewerActor(request)]);
  const role = claim ? await roleIn(db(), viewer, (await projectOfSource(db(), claim.sourceId))!) : null;
  // A claim of a project the reader is not a member of does not exist for them.
  // Nor does another annotator's claim on a source in an open round the reader annotates in.
  if (!claim || !role || !mayViewClaim(await claimVisibility(db(), viewer), claim)) throw notFound(`Claim ${id} does not exist`);
  return NextResponse.json({ claim: { ...claim, viewer: claimViewerRights(viewer, role, claim) } });
});

export const PATCH = route<Ctx>(async (request, { params }) => {
  const { id } = await params;
  const input = await readJson(request, updateClaimInput);
  const claim = await updateClaim(db(), await currentActor(request), id, input);
  return NextResponse.json({ claim });
});

/** The version may come as ?version=N (a DELETE body is not always sent). */
export const DELETE = route<Ctx>(async (request, { params }) => {
  const { id } = await params;
  const raw = new URL(request.url).searchParams.get("version");
  const { version } = parseInput(deleteClaimInput, raw === null ? {} : { version: raw });
  const result = await deleteClaim(db(), await currentActor(request), id, version);
  return NextResponse.json(result);
});
