import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { DomainError, badRequest } from "@/lib/errors";
import { parseW3cImport } from "@/lib/import/w3c";
import { importPlan } from "@/lib/server/import";
import { MAX_IMPORT_BYTES } from "@/lib/schemas";
import { authMode } from "@/lib/server/auth";
import { currentActorName, signedInActor } from "../_lib/actor";
import { route } from "../_lib/http";
import { requestProject } from "../_lib/project";
import { unstorableTextIn } from "@/lib/text-safety";
import { isJsonMediaType } from "@/lib/media-type";

const tooLarge = () => new DomainError(413, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split the export (e.g. one source at a time)`);

/** This route alone takes large bodies (a full W3C export), so it reads the body itself, stopping at the limit. */
async function readLimitedText(request: Request): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_IMPORT_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** POST /api/import — a W3C annotation collection exported by this app; all of it or nothing. */
export const POST = route(async (request) => {
  if (!isJsonMediaType(request.headers.get("content-type"))) throw new DomainError(415, "Send the file as JSON (Content-Type: application/json)");
  const text = await readLimitedText(request);
  if (!text.trim()) throw badRequest("The file is empty");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw badRequest(`document: not valid JSON (${(e as Error).message}). Nothing was imported.`);
  }
  const unstorable = unstorableTextIn(json, "document");
  if (unstorable) throw badRequest(`${unstorable}. Nothing was imported.`);
  const parsed = parseW3cImport(json);
  if (!parsed.ok) throw badRequest(`${parsed.error}. Nothing was imported.`);
  const signedIn = await signedInActor(request);
  if (!signedIn && authMode() === "accounts") throw new DomainError(401, "Sign in to import");
  // Single-user mode: the local researcher (made inside the import's transaction) owns every project.
  const { project } = await requestProject(request, signedIn ?? { id: "", name: currentActorName(), mayEditAll: true });
  // Signed in: the claims and links become this researcher's (see lib/server/import.ts).
  const summary = await importPlan(db(), signedIn ?? { name: currentActorName() }, project.id, parsed.data);
  return NextResponse.json({ summary });
});
