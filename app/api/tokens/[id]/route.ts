import { NextResponse } from "next/server";
import { revokeApiToken } from "@/lib/server/api-tokens";
import { db } from "@/lib/server/db";
import { sessionOwner } from "../../_lib/actor";
import { route } from "../../_lib/http";

/** DELETE: revokes the token at once; scripts using it get 401 from their next request. */
export const DELETE = route(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const actor = await sessionOwner(request, "revoke an API token");
  return NextResponse.json(await revokeApiToken(db(), actor, id));
});
