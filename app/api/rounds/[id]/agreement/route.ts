import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { roundAgreement } from "@/lib/server/rounds";
import { viewerActor } from "../../../_lib/actor";
import { route } from "../../../_lib/http";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/rounds/:id/agreement: per pair span P/R/F1 (exact and overlap), Cohen's kappa and the
 *  confusion matrix of kinds; Krippendorff's alpha over all annotators. 422 with fewer than two
 *  annotators with claims. */
export const GET = route<Ctx>(async (request, { params }) => {
  return NextResponse.json({ agreement: await roundAgreement(db(), await viewerActor(request), (await params).id) });
});
