// The uploaded original, byte for byte, as a download.
import { db } from "@/lib/server/db";
import { originalFile } from "@/lib/server/documents";
import { projectOfSource } from "@/lib/server/projects";
import { viewerActor } from "../../../_lib/actor";
import { route } from "../../../_lib/http";
import { readableProject } from "../../../_lib/project";

export const GET = route(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  await readableProject(await viewerActor(request), await projectOfSource(db(), id), `Source ${id} does not exist`);
  const file = await originalFile(db(), id);
  const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.mediaType,
      "content-length": String(file.size),
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    },
  });
});
