// The uploaded original, byte for byte, as a download.
import { db } from "@/lib/server/db";
import { originalFile } from "@/lib/server/documents";
import { route } from "../../../_lib/http";

export const GET = route(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const file = await originalFile(db(), (await params).id);
  const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.mediaType,
      "content-length": String(file.size),
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    },
  });
});
