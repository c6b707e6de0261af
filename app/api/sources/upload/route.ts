// One file per request (multipart/form-data, field "file"), so the page shows progress and a
// result per file: 201 added, 409 duplicate (with the first source), 413 too large, 415 not a
// document, 422 no text / encrypted / corrupt / no article. Nothing is written on refusal.
import { NextResponse } from "next/server";
import { DomainError } from "@/lib/errors";
import { extractDocument } from "@/lib/import/document";
import { MAX_DOCUMENT_BYTES } from "@/lib/import/limits";
import { db } from "@/lib/server/db";
import { addDocument } from "@/lib/server/documents";
import { currentActor } from "../../_lib/actor";
import { route } from "../../_lib/http";
import { requestProject } from "../../_lib/project";

// The multipart envelope around the file: boundaries and part headers.
const ENVELOPE_BYTES = 64 * 1024;
const tooLarge = () => new DomainError(413, `The file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);

export const POST = route(async (request) => {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) throw new DomainError(415, "Send the file as multipart/form-data with a field named file");
  // Refused before the body is read: a 2 GB upload costs nothing.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_DOCUMENT_BYTES + ENVELOPE_BYTES) throw tooLarge();
  const actor = await currentActor(request);
  const { project } = await requestProject(request, actor);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new DomainError(400, "The body is not valid multipart/form-data");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new DomainError(400, "file: is required (one file per request)");
  if (file.size > MAX_DOCUMENT_BYTES) throw tooLarge();
  const upload = { name: file.name || "upload", mediaType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
  const extracted = await extractDocument(upload);
  if (!extracted.ok) throw new DomainError(extracted.error.status, extracted.error.message, { code: extracted.error.code });
  const added = await addDocument(db(), actor, project.id, upload, extracted.value);
  return NextResponse.json(added, { status: 201 });
});
