// The reader's calls to the claims API, through the one browser client (an ApiError carries the server's message).
import { callApi } from "@/components/api/client";
import type { Suggestion } from "@/lib/suggestions/sentences";
import type { ClaimView, HistoryEntry, ReaderClaim, ClaimKind } from "@/lib/types";

export interface ClaimChange {
  kind?: ClaimKind;
  note?: string;
  start?: number;
  end?: number;
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
  history: (id: string) => callApi<{ history: HistoryEntry[] }>(`/api/claims/${id}/history`).then((r) => r.history),
};
