import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { listSources } from "@/lib/sources";
import { route } from "../_lib/http";

export const GET = route(async () => NextResponse.json({ sources: await listSources(db()) }));
