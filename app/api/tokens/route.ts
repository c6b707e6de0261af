import { NextResponse } from "next/server";
import { createApiToken, listApiTokens } from "@/lib/server/api-tokens";
import { db } from "@/lib/server/db";
import { createApiTokenInput } from "@/lib/schemas";
import { sessionOwner } from "../_lib/actor";
import { readJson, route } from "../_lib/http";

/** GET: the signed-in researcher's tokens, revoked ones included. */
export const GET = route(async (request) => {
  const actor = await sessionOwner(request, "see your API tokens");
  return NextResponse.json({ tokens: await listApiTokens(db(), actor) });
});

/** POST { name, expiresInDays }: 201 with the token, the only time its secret is sent. */
export const POST = route(async (request) => {
  const input = await readJson(request, createApiTokenInput);
  const actor = await sessionOwner(request, "make an API token");
  const { token, view } = await createApiToken(db(), actor, input);
  return NextResponse.json({ token, ...view }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
