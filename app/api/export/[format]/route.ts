import { db } from "@/lib/server/db";
import { notFound } from "@/lib/errors";
import { exportFileName } from "@/lib/export/file-name";
import { chunksToStream } from "@/lib/export/model";
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, isExportFormat } from "@/lib/export/registry";
import { loadExport, scopeLabel, streamExport } from "@/lib/server/export-query";
import { dropEmpty, exportFilterInput } from "@/lib/schemas";
import { viewerActor } from "../../_lib/actor";
import { parseInput, route } from "../../_lib/http";
import { filterParams, requestProject } from "../../_lib/project";
import { claimVisibility } from "@/lib/server/rounds";

export const dynamic = "force-dynamic";

/** GET /api/export/<format>?project=<slug>&sourceId=&kind=&q=&linked=&clusterId=&researcher=&speakerId=&attribution=&origin=&originSourceId=&set=curated&author= — the file, as a download. */
export const GET = route<{ params: Promise<{ format: string }> }>(async (request, { params }) => {
  const { format } = await params;
  if (!isExportFormat(format)) throw notFound(`Unknown export format "${format}" (available: ${EXPORT_FORMAT_NAMES.join(", ")})`);
  const viewer = await viewerActor(request);
  const { project } = await requestProject(request, viewer);
  const filter = parseInput(exportFilterInput, dropEmpty(filterParams(request)));
  const now = new Date();
  // An annotator of an open round exports only their own claims of its source (lib/server/rounds.ts).
  const visibility = await claimVisibility(db(), viewer);
  const label = await scopeLabel(db(), project.id, filter);
  const spec = EXPORT_FORMATS[format];
  const options = { title: `Claims: ${label}`, label: `Claims: ${label}` };
  // Formats that can take claims in batches stream from the database (flat memory at any size);
  // the others need the whole bundle (cited lists group by source, references count pages).
  const body = spec.streamBatches
    ? chunksToStream(spec.streamBatches(await streamExport(db(), project.id, filter, { now, visibility }), options))
    : await (async () => {
        const { bundle, bodies } = await loadExport(db(), project.id, filter, { withBodies: spec.needsBodies, now, visibility });
        return chunksToStream(spec.stream(bundle, { ...options, bodies }));
      })();
  return new Response(body, {
    headers: {
      "content-type": spec.contentType,
      "content-disposition": `attachment; filename="${exportFileName(format, label, now)}"`,
      "cache-control": "no-store",
    },
  });
});
