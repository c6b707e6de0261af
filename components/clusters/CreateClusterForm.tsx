"use client";

import { ProjectLink, useProject, useProjectPath } from "@/components/shell/ProjectContext";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { ClusterSummary } from "@/lib/types";
import { callApi, errorMessage, projectApi } from "@/components/api/client";

/** Names a new cluster, optionally with claims already chosen; then links to it (or opens it). */
export function CreateClusterForm({ claimIds = [], openAfter = false, onCreated }: {
  claimIds?: string[];
  openAfter?: boolean;
  onCreated?: (cluster: ClusterSummary) => void;
}) {
  const nameId = useId();
  const router = useRouter();
  const { slug } = useProject();
  const pathOf = useProjectPath();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<ClusterSummary | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { cluster } = await callApi<{ cluster: ClusterSummary }>(projectApi("/api/clusters", slug), { method: "POST", body: { name, claimIds } });
      setCreated(cluster);
      setName("");
      onCreated?.(cluster);
      if (openAfter) router.push(pathOf(`/clusters/${cluster.id}`));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-label="New cluster">
      <label htmlFor={nameId}>Cluster name</label>
      <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      <button type="submit" className="primary">{claimIds.length ? `Group ${claimIds.length} claim${claimIds.length > 1 ? "s" : ""}` : "Create cluster"}</button>
      {error && <p role="alert" className="error-text">{error}</p>}
      {created && !openAfter && <p role="status">Created <ProjectLink to={`/clusters/${created.id}`}>{created.name}</ProjectLink> with {created.memberCount} claims.</p>}
    </form>
  );
}
