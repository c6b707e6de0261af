import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { claimProvenanceGraph } from "@/lib/server/provenance";
import { route } from "../../../_lib/http";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route<Ctx>(async (_request, { params }) => NextResponse.json({ provenance: await claimProvenanceGraph(db(), (await params).id) }));
