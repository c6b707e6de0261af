// The reader's calls to the claims API, through the one browser client (an ApiError carries the server's message).
import { callApi } from "@/components/api/client";
import type { Suggestion } from "@/lib/suggestions/sentences";
import type { AttributionType, ClaimDateView, ClaimView, HistoryEntry, ReaderClaim, ClaimKind, ProvenanceSuggestions, SpeakerView } from "@/lib/types";

/** What a claim may be made to rest on (PATCH /api/claims/:id restsOn). */
export type RestsOnChange =
  | { kind: "claim" | "source" | "reference"; id: string }
  | { kind: "newReference"; reference: { title: string; publisher?: string; url?: string; date?: string } };

export interface ClaimChange {
  kind?: ClaimKind;
  note?: string;
  start?: number;
  end?: number;
  speakerId?: string | null;
  speakerName?: string;
  speakerRole?: string;
  attributionType?: AttributionType;
  restsOn?: RestsOnChange | null;
  claimDate?: ClaimDateView | null;
}

export const claimsApi = {
  listForReader: (sourceId: string) => callApi<{ claims: ReaderClaim[] }>(`/api/sources/${encodeURIComponent(sourceId)}/claims`).then((r) => r.claims),
  create: (input: { sourceId: string; start: number; end: number; kind: ClaimKind; quote: string }) =>
    callApi<{ claim: ClaimView }>("/api/claims", { method: "POST", body: input }).then((r) => r.claim),
  update: (id: string, version: number, change: ClaimChange) =>
    callApi<{ claim: ClaimView }>(`/api/claims/${id}`, { method: "PATCH", body: { version, ...change } }).then((r) => r.claim),
  remove: (id: string, version: number) =>
    callApi<{ claim: ClaimView; removedLinks: number }>(`/api/claims/${id}?version=${version}`, { method: "DELETE" }),
  restore: (id: string) => callApi<{ claim: ClaimView }>(`/api/claims/${id}/restore`, { method: "POST" }).then((r) => r.claim),
  get: (id: string) => callApi<{ claim: ClaimView }>(`/api/claims/${id}`).then((r) => r.claim),
  setDismissed: (keys: string[], dismissed: boolean) =>
    callApi<unknown>("/api/dismissals", { method: dismissed ? "POST" : "DELETE", body: { keys } }),
  suggestions: (sourceId: string) =>
    callApi<{ suggestions: (Suggestion & { dismissed: boolean })[] }>(`/api/sources/${encodeURIComponent(sourceId)}/suggestions`),
  provenanceSuggestions: (id: string) => callApi<ProvenanceSuggestions>(`/api/claims/${id}/provenance-suggestions`),
  speakers: (q: string) => callApi<{ speakers: SpeakerView[] }>(`/api/speakers?q=${encodeURIComponent(q)}`).then((r) => r.speakers),
  history: (id: string) => callApi<{ history: HistoryEntry[] }>(`/api/claims/${id}/history`).then((r) => r.history),
};
