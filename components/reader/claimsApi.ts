// The reader's calls to the claims API. Every failure becomes an Error carrying the server's message.
import type { ClaimView, HistoryEntry, ReaderClaim } from "@/lib/claims";
import type { ClaimKind } from "@/lib/types";

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: init?.body ? { "Content-Type": "application/json" } : undefined,
  });
  const payload = await response.json().catch(() => null);
  if (!response.ok) throw new Error(payload?.error?.message ?? `The server answered ${response.status}`);
  return payload as T;
}

export interface ClaimChange {
  kind?: ClaimKind;
  note?: string;
  start?: number;
  end?: number;
}

export const claimsApi = {
  listForReader: (sourceId: string) => call<{ claims: ReaderClaim[] }>(`/api/sources/${encodeURIComponent(sourceId)}/claims`).then((r) => r.claims),
  create: (input: { sourceId: string; start: number; end: number; kind: ClaimKind; quote: string }) =>
    call<{ claim: ClaimView }>("/api/claims", { method: "POST", body: JSON.stringify(input) }).then((r) => r.claim),
  update: (id: string, version: number, change: ClaimChange) =>
    call<{ claim: ClaimView }>(`/api/claims/${id}`, { method: "PATCH", body: JSON.stringify({ version, ...change }) }).then((r) => r.claim),
  remove: (id: string, version: number) =>
    call<{ claim: ClaimView; removedLinks: number }>(`/api/claims/${id}?version=${version}`, { method: "DELETE" }),
  restore: (id: string) => call<{ claim: ClaimView }>(`/api/claims/${id}/restore`, { method: "POST" }).then((r) => r.claim),
  get: (id: string) => call<{ claim: ClaimView }>(`/api/claims/${id}`).then((r) => r.claim),
  setDismissed: (keys: string[], dismissed: boolean) =>
    call<unknown>("/api/dismissals", { method: dismissed ? "POST" : "DELETE", body: JSON.stringify({ keys }) }),
  history: (id: string) => call<{ history: HistoryEntry[] }>(`/api/claims/${id}/history`).then((r) => r.history),
};
