import type { Metadata } from "next";
import { MembersPanel } from "@/components/team/MembersPanel";
import { authMode } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { membersOf, membershipHistory } from "@/lib/server/projects";
import { mayManageMembers } from "@/lib/roles";
import { pageProject, type ProjectParams } from "@/app/_lib/project-page";

export const metadata: Metadata = { title: "Members" };

/** Who works on the project and in which role; an owner adds, changes and removes members. */
export default async function MembersPage(props: ProjectParams) {
  const { project, role, viewer } = await pageProject(props);
  if (authMode() !== "accounts") {
    return (
      <>
        <h1>Members of {project.name}</h1>
        <p>
          This app runs in single-user mode: one person on their own machine, with no accounts, so a project has no
          members to manage. A team starts the app with <code>CP_AUTH=accounts</code>: then each researcher signs up, and an
          owner adds them here with a role.
        </p>
      </>
    );
  }
  const [members, history] = await Promise.all([membersOf(db(), project.id), membershipHistory(db(), project.id)]);
  return (
    <>
      <h1>Members of {project.name}</h1>
      {!mayManageMembers(role) && <p className="muted">Only an owner of the project can add, change or remove members.</p>}
      <MembersPanel project={project.slug} initialMembers={members} initialHistory={history} viewerId={viewer.id} mayManage={mayManageMembers(role)} />
    </>
  );
}
