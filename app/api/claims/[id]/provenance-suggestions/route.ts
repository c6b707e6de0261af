import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { provenanceSuggestions } from "@/lib/server/provenance-suggestions";
import { route } from "../../../_lib/http";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route<Ctx>(async (_request, { params }) => NextResponse.json(await provenanceSuggestions(db(), (await params).id)));
