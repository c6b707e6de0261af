import { NextResponse } from "next/server";
import { contradictionSuggestions } from "@/lib/clusters";
import { db } from "@/lib/db";
import { contradictionFilterInput } from "@/lib/schemas";
import { parseInput, route, searchParamsObject } from "../_lib/http";

/** Suggested CONTRADICTS links. Dismissals are kept by the browser (localStorage), not here. */
export const GET = route(async (request) => {
  const { sourceIds } = parseInput(contradictionFilterInput, searchParamsObject(request));
  const ids = sourceIds?.split(",").map((s) => s.trim()).filter(Boolean);
  return NextResponse.json({ suggestions: await contradictionSuggestions(db(), ids?.length ? ids : undefined) });
});
