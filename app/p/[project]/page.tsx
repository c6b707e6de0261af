import type { Metadata } from "next";
import Link from "@/components/Link";
import { db } from "@/lib/server/db";
import { listSources } from "@/lib/server/sources";
import { projectPath } from "@/lib/roles";
import { SourceMetaList } from "@/components/SourceMetaList";
import { SourceTitle } from "@/components/SourceTitle";
import { LiveRefresh } from "@/components/live/LiveChanges";
import { pageProject, type ProjectParams } from "@/app/_lib/project-page";

export const dynamic = "force-dynamic";

export async function generateMetadata(props: ProjectParams): Promise<Metadata> {
  return { title: `Sources · ${(await pageProject(props)).project.name}` };
}

export default async function ProjectSourcesPage(props: ProjectParams) {
  const { project } = await pageProject(props);
  const sources = await listSources(db(), project.id);
  return (
    <>
      <h1>Sources</h1>
      <LiveRefresh entities={["SOURCE", "CLAIM"]} />
      {sources.length === 0 ? (
        <p>No sources yet. <Link href={projectPath(project.slug, "/sources/new")}>Add a source</Link> to start marking claims.</p>
      ) : (
        <ul className="source-list" aria-label="Sources">
          {sources.map((s) => (
            <li key={s.id} className="source-card">
              <h2><Link href={projectPath(project.slug, `/sources/${s.id}`)}><SourceTitle source={s} /></Link></h2>
              <SourceMetaList
                source={s}
                extra={
                  <>
                    <div><dt>Words</dt><dd>{s.wordCount.toLocaleString("en")}</dd></div>
                    <div><dt>Claims</dt><dd>{s.claimCount}</dd></div>
                  </>
                }
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
