// The live-update stream (server-sent events) of one project: ?project=<slug>, for its members
// only. A page opens it once; the browser's EventSource reconnects by itself and sends
// Last-Event-ID, and the stream first replays what that page may have missed of its project
// (lib/server/live/changes.ts), then relays the process hub's notices of that project.
import { z } from "zod";
import { db } from "@/lib/server/db";
import { changesSince, lastChangeId } from "@/lib/server/live/changes";
import { changeHub, MAX_NOTICES_PER_BATCH } from "@/lib/server/live/hub";
import { formatEvent, SeenIds, type LiveEvent } from "@/lib/live";
import { viewerActor } from "../_lib/actor";
import { parseInput, route } from "../_lib/http";
import { requestProject } from "../_lib/project";

export const dynamic = "force-dynamic";

/** A comment line every HEARTBEAT_MS keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

const resumeInput = z.object({ after: z.coerce.number().int().min(0).max(2 ** 31 - 1).optional() });

export const GET = route(async (request) => {
  const { project } = await requestProject(request, await viewerActor(request));
  const url = new URL(request.url);
  const { after } = parseInput(resumeInput, {
    after: request.headers.get("last-event-id") ?? url.searchParams.get("after") ?? undefined,
  });
  const encoder = new TextEncoder();
  const seen = new SeenIds();
  let unsubscribe = () => {};
  let heartbeat: NodeJS.Timeout | undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close(); // the page has gone
        }
      };
      const send = (event: LiveEvent) => {
        // The hub hears every project; this page hears its own. A resync (too much at once) is
        // passed on whatever its project: reloading costs the page one render.
        if (event.type === "change" && (event.notice.projectId !== project.id || !seen.add(event.notice.id))) return;
        write(formatEvent(event));
      };
      const close = () => {
        unsubscribe();
        clearInterval(heartbeat);
      };
      // Subscribe before reading the log, holding what arrives meanwhile, so nothing falls
      // between the replay and the relay; `seen` drops what both deliver.
      const held: LiveEvent[] = [];
      let replaying = true;
      unsubscribe = changeHub().subscribe((event) => (replaying ? held.push(event) : send(event)));
      request.signal.addEventListener("abort", close);
      write(`retry: 1000\n: ${after === undefined ? "live" : `resuming after ${after}`}\n\n`);
      try {
        if (after === undefined) {
          // A page that has not heard anything yet starts from now: its data was read just before.
          const last = await lastChangeId(db());
          write(`id: ${last}\n\n`);
        } else {
          const missed = await changesSince(db(), after, MAX_NOTICES_PER_BATCH + 1, { lookback: true, projectId: project.id });
          if (missed.length > MAX_NOTICES_PER_BATCH) send({ type: "resync", id: await lastChangeId(db()) });
          else for (const notice of missed) send({ type: "change", notice });
        }
      } catch (err) {
        close();
        controller.error(err);
        return;
      }
      replaying = false;
      for (const event of held) send(event);
      heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);
    },
    cancel() {
      unsubscribe();
      clearInterval(heartbeat);
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
});
