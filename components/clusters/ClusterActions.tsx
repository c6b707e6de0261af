"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi, errorMessage } from "@/components/api/client";
import { ClaimSearch } from "@/components/links/ClaimSearch";
import { useProjectPath } from "@/components/shell/ProjectContext";

function useAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<unknown>, then: () => void = () => router.refresh()) {
    setError(null);
    try {
      await action();
      then();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return { error, run, router };
}

/** Search every source's claims and add one to the cluster. */
export function AddClusterMember({ clusterId, memberIds }: { clusterId: string; memberIds: string[] }) {
  const { error, run } = useAction();
  return (
    <div className="panel">
      <ClaimSearch label="Add a claim: search all sources" actionLabel="Add to cluster" excludeIds={memberIds}
        onPick={(claim) => run(() => callApi(`/api/clusters/${clusterId}/members`, { method: "POST", body: { claimId: claim.id } }))} />
      {error && <p role="alert" className="error-text">{error}</p>}
    </div>
  );
}

export function RemoveClusterMember({ clusterId, claimId, quote }: { clusterId: string; claimId: string; quote: string }) {
  const { error, run } = useAction();
  return (
    <>
      <button type="button" onClick={() => run(() => callApi(`/api/clusters/${clusterId}/members/${claimId}`, { method: "DELETE" }))}
        aria-label={`Remove from the cluster: ${quote}`}>Remove</button>
      {error && <p role="alert" className="error-text">{error}</p>}
    </>
  );
}

export function DeleteCluster({ clusterId, name }: { clusterId: string; name: string }) {
  const { error, run, router } = useAction();
  const pathOf = useProjectPath();
  return (
    <>
      <button type="button" onClick={() => {
        if (!window.confirm(`Delete the cluster “${name}”? Its claims and links stay.`)) return;
        void run(() => callApi(`/api/clusters/${clusterId}`, { method: "DELETE" }), () => router.push(pathOf("/clusters")));
      }}>Delete cluster</button>
      {error && <p role="alert" className="error-text">{error}</p>}
    </>
  );
}
