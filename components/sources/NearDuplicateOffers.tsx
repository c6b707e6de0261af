"use client";
// The sources a just-added text resembles (pasted or uploaded), each offered to be recorded as
// another appearance of the same document (POST /api/sources/:id/appearances).
import { callApi, errorMessage } from "@/components/api/client";
import { ProjectLink } from "@/components/shell/ProjectContext";
import { useState } from "react";
import type { NearDuplicate } from "@/lib/types";
import styles from "./sources.module.css";

const percent = (x: number) => `${Math.round(x * 100)} %`;

export function NearDuplicateOffers({ sourceId, nearDuplicates }: { sourceId: string; nearDuplicates: NearDuplicate[] }) {
  const [recorded, setRecorded] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  async function record(near: NearDuplicate) {
    setError(null);
    try {
      await callApi(`/api/sources/${sourceId}/appearances`, { method: "POST", body: { documentId: near.id } });
      setRecorded((done) => new Set([...done, near.id]));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <>
      <ul className={styles.nearList}>
        {nearDuplicates.map((near) => (
          <li key={near.id}>
            Resembles <ProjectLink to={`/sources/${near.id}`}>{near.title}</ProjectLink> (shared word sequences: Jaccard {percent(near.jaccard)}, containment {percent(near.containment)}).{" "}
            {recorded.has(near.id) ? (
              <strong>Recorded as another appearance of the same document.</strong>
            ) : (
              <button type="button" onClick={() => void record(near)}>Record as another appearance of “{near.title}”</button>
            )}
          </li>
        ))}
      </ul>
      {error && <p role="alert" className="error-text">{error}</p>}
    </>
  );
}
