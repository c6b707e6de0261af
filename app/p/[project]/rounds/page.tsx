import type { Metadata } from "next";
import Link from "@/components/Link";
import { OpenRoundForm } from "@/components/rounds/OpenRoundForm";
import { db } from "@/lib/server/db";
import { pageProject, type ProjectParams } from "@/app/_lib/project-page";
import { membersOf } from "@/lib/server/projects";
import { listRounds } from "@/lib/server/rounds";
import { mayAnnotate, projectPath } from "@/lib/roles";
import { displayTitle } from "@/lib/types";
import "./rounds.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Rounds of independent annotation" };

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export default async function RoundsPage(props: ProjectParams) {
  const { project, role, viewer } = await pageProject(props);
  const [rounds, members, sources] = await Promise.all([
    listRounds(db(), project.id),
    membersOf(db(), project.id),
    db().source.findMany({ where: { projectId: project.id }, orderBy: [{ seedKey: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }], select: { id: true, title: true, suggestedTitle: true } }),
  ]);
  const openSources = new Set(rounds.filter((r) => r.state === "OPEN").map((r) => r.sourceId));
  return (
    <>
      <h1>Rounds of independent annotation</h1>
      <p className="figure-note">
        In a round, chosen members tag one source each on their own; their agreement shows how reliable the tagging is, and a curator merges their
        work into one curated set.
      </p>
      {rounds.length === 0 ? <p>No rounds yet.</p> : (
        <table className="data-table">
          <caption>Rounds of {project.name}</caption>
          <thead><tr><th scope="col">Source</th><th scope="col">State</th><th scope="col">Annotators</th><th scope="col">Opened</th><th scope="col">Decisions</th></tr></thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.id}>
                <th scope="row"><Link href={projectPath(project.slug, `/rounds/${r.id}`)}>{r.sourceTitle}</Link></th>
                <td>{r.state === "OPEN" ? "Open" : "Closed"}</td>
                <td>{r.annotators.map((a) => `${a.name}${a.doneAt ? " (done)" : ""}`).join(", ")}</td>
                <td>{when(r.openedAt)} by {r.openedByName}</td>
                <td>{r.decisions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {viewer.mayEditAll && <p role="status">Rounds need accounts: start the app with CP_AUTH=accounts so that each member annotates as themselves.</p>}
      {role === "OWNER" && !viewer.mayEditAll && (
        <OpenRoundForm
          project={project.slug}
          sources={sources.map((s) => ({ id: s.id, title: displayTitle(s), inOpenRound: openSources.has(s.id) }))}
          members={members.filter((m) => mayAnnotate(m.role)).map((m) => ({ userId: m.userId, name: m.name, role: m.role }))}
        />
      )}
    </>
  );
}
