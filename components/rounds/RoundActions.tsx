"use client";
// What a round's page lets its reader do: an annotator marks their own work done, an owner
// closes the round. The page reloads its data afterwards (agreement and curation appear).
import { useRouter } from "next/navigation";
import { callApi } from "@/components/api/client";
import { useAction } from "@/components/useAction";

export function RoundActions({ roundId, mayMarkDone, mayClose }: { roundId: string; mayMarkDone: boolean; mayClose: boolean }) {
  const router = useRouter();
  const { busy, error, run } = useAction();
  const act = (what: "done" | "close") => void run(async () => {
    await callApi(`/api/rounds/${roundId}/${what}`, { method: "POST" });
    router.refresh();
  });
  if (!mayMarkDone && !mayClose) return null;
  return (
    <div className="round-actions">
      {mayMarkDone && <button type="button" className="primary" disabled={busy} onClick={() => act("done")}>Mark my work done</button>}
      {mayClose && (
        <button type="button" disabled={busy} onClick={() => {
          if (window.confirm("Close the round? Everyone will see everyone's claims on this source, and curation can start.")) act("close");
        }}>Close round</button>
      )}
      {error && <p role="alert" className="error-text">{error}</p>}
    </div>
  );
}
