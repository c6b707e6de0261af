import Link from "@/components/Link";
import { db } from "@/lib/server/db";
import { listSources } from "@/lib/server/sources";
import { SourceMetaList } from "@/components/SourceMetaList";
import { SourceTitle } from "@/components/SourceTitle";
import { LiveRefresh } from "@/components/live/LiveChanges";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const sources = await listSources(db());
  return (
    <>
      <h1>Sources</h1>
      <LiveRefresh entities={["SOURCE", "CLAIM"]} />
      {sources.length === 0 ? (
        <p>No sources yet. Run <code>npm start</code> to seed the corpus.</p>
      ) : (
        <ul className="source-list" aria-label="Sources">
          {sources.map((s) => (
            <li key={s.id} className="source-card">
              <h2><Link href={`/sources/${s.id}`}><SourceTitle source={s} /></Link></h2>
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
