"use client";
// A project's members: who is in it and in which role, and (for an owner) adding a researcher by
// name, changing a role, removing a member. Every change is in the history below, newest first.

import { useId, useState } from "react";
import { callApi } from "@/components/api/client";
import { useAction } from "@/components/useAction";
import { ROLE_LABELS, roleLabel } from "@/lib/labels";
import { PROJECT_ROLES, type ProjectRole } from "@/lib/roles";
import type { MembershipEventView, MemberView } from "@/lib/types";

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
const role = (r: ProjectRole | undefined) => (r ? roleLabel(r).toLowerCase() : "?");

/** "Olga Owner changed Ana's role from annotator to curator". */
export function describeMembershipEvent(e: MembershipEventView): string {
  const who = e.actorName ?? "Someone";
  switch (e.action) {
    case "member added":
      return e.after?.name ? `${who} added ${e.after.name} as ${role(e.after.role)}` : `${who} became ${role(e.after?.role)} (first researcher of a project without an owner)`;
    case "role changed":
      return `${who} changed ${e.before?.name ?? "a member"}'s role from ${role(e.before?.role)} to ${role(e.after?.role)}`;
    case "member removed":
      return `${who} removed ${e.before?.name ?? "a member"} (${role(e.before?.role)})`;
    case "project created":
      return `${who} created the project`;
    default:
      return `${who}: ${e.action}`;
  }
}

export function MembersPanel({ project, initialMembers, initialHistory, viewerId, mayManage }: {
  project: string;
  initialMembers: MemberView[];
  initialHistory: MembershipEventView[];
  viewerId: string | null;
  mayManage: boolean;
}) {
  const nameId = useId();
  const roleId = useId();
  const [members, setMembers] = useState(initialMembers);
  const [history, setHistory] = useState(initialHistory);
  const [name, setName] = useState("");
  const [newRole, setNewRole] = useState<ProjectRole>("ANNOTATOR");
  const { busy, error, run } = useAction();
  const base = `/api/projects/${project}/members`;

  const change = (action: () => Promise<unknown>) =>
    run(async () => {
      await action();
      const fresh = await callApi<{ members: MemberView[]; history: MembershipEventView[] }>(base);
      setMembers(fresh.members);
      setHistory(fresh.history);
    });

  return (
    <>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        <dl className="role-legend">
          {PROJECT_ROLES.map((r) => (
            <div key={r}><dt>{ROLE_LABELS[r].label}</dt><dd>{ROLE_LABELS[r].may}</dd></div>
          ))}
        </dl>
        <table className="data-table">
          <caption className="visually-hidden">Members of the project</caption>
          <thead>
            <tr><th scope="col">Researcher</th><th scope="col">Role</th><th scope="col">Member since</th>{mayManage && <th scope="col"><span className="visually-hidden">Action</span></th>}</tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <th scope="row">{m.name}{m.userId === viewerId ? " (you)" : ""}</th>
                <td>
                  {mayManage ? (
                    <select aria-label={`Role of ${m.name}`} value={m.role} disabled={busy}
                      onChange={(e) => void change(() => callApi(`${base}/${m.userId}`, { method: "PATCH", body: { role: e.target.value } }))}>
                      {PROJECT_ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
                    </select>
                  ) : roleLabel(m.role)}
                </td>
                <td>{when(m.addedAt)}</td>
                {mayManage && (
                  <td>
                    <button type="button" disabled={busy} aria-label={`Remove ${m.name}`} onClick={() => {
                      if (window.confirm(`Remove ${m.name} from the project? Their claims stay, under their name.`)) void change(() => callApi(`${base}/${m.userId}`, { method: "DELETE" }));
                    }}>Remove</button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {error && <p role="alert" className="error-text">{error}</p>}
        {mayManage && (
          <form className="member-form" onSubmit={(e) => {
            e.preventDefault();
            void change(() => callApi(base, { method: "POST", body: { name: name.trim(), role: newRole } })).then((ok) => ok && setName(""));
          }}>
            <label htmlFor={nameId}>Researcher&apos;s name</label>
            <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} required maxLength={60} placeholder="as they signed up" />
            <label htmlFor={roleId}>Role</label>
            <select id={roleId} value={newRole} onChange={(e) => setNewRole(e.target.value as ProjectRole)}>
              {PROJECT_ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
            </select>
            <button type="submit" className="primary" disabled={busy}>Add member</button>
          </form>
        )}
      </section>
      <section aria-labelledby="membership-history-heading">
        <h2 id="membership-history-heading">History</h2>
        {history.length === 0 ? <p>No changes yet.</p> : (
          <ol className="membership-history" aria-label="Membership history">
            {history.map((e) => (
              <li key={e.id}><time dateTime={e.at}>{when(e.at)}</time> {describeMembershipEvent(e)}</li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
