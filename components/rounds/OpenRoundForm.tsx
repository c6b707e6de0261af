"use client";
// An owner opens a source for independent annotation: the source, and two or more members who
// will each annotate it without seeing the others' claims until they mark their work done.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { callApi } from "@/components/api/client";
import { useAction } from "@/components/useAction";
import { roleLabel } from "@/lib/labels";
import { projectPath, type ProjectRole } from "@/lib/roles";
import type { RoundView } from "@/lib/types";

export function OpenRoundForm({ project, sources, members }: {
  project: string;
  sources: { id: string; title: string; inOpenRound: boolean }[];
  members: { userId: string; name: string; role: ProjectRole }[];
}) {
  const sourceId = useId();
  const router = useRouter();
  const [source, setSource] = useState(sources.find((s) => !s.inOpenRound)?.id ?? "");
  const [chosen, setChosen] = useState<string[]>([]);
  const { busy, error, run } = useAction();
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  return (
    <form className="open-round-form" aria-label="Open a round" onSubmit={(e) => {
      e.preventDefault();
      void run(async () => {
        const { round } = await callApi<{ round: RoundView }>("/api/rounds", { method: "POST", body: { sourceId: source, annotatorIds: chosen } });
        router.push(projectPath(project, `/rounds/${round.id}`));
      });
    }}>
      <h2>Open a round of independent annotation</h2>
      <p className="figure-note">Each chosen member tags the source on their own: they do not see the others&apos; claims on it until they mark their work done or you close the round. Then you compare and curate.</p>
      <label htmlFor={sourceId}>Source</label>
      <select id={sourceId} value={source} onChange={(e) => setSource(e.target.value)} required>
        <option value="" disabled>Choose a source</option>
        {sources.map((s) => (
          <option key={s.id} value={s.id} disabled={s.inOpenRound}>{s.title}{s.inOpenRound ? " (round open)" : ""}</option>
        ))}
      </select>
      <fieldset>
        <legend>Annotators (two or more)</legend>
        {members.map((m) => (
          <label key={m.userId} className="check">
            <input type="checkbox" checked={chosen.includes(m.userId)} onChange={() => toggle(m.userId)} /> {m.name} <span className="muted">({roleLabel(m.role).toLowerCase()})</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={busy || chosen.length < 2 || !source}>Open round</button>
      {chosen.length < 2 && <span className="muted"> Choose at least two annotators.</span>}
      {error && <p role="alert" className="error-text">{error}</p>}
    </form>
  );
}
