import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "@/components/Link";
import { AgreementFigures } from "@/components/rounds/AgreementFigures";
import { CurationList } from "@/components/rounds/CurationList";
import { RoundActions } from "@/components/rounds/RoundActions";
import { DomainError } from "@/lib/errors";
import { db } from "@/lib/server/db";
import { projectPage } from "@/app/_lib/project-page";
import { mayReadResults, roundAccess, roundAgreement, roundUnits } from "@/lib/server/rounds";
import { mayCurate, projectPath } from "@/lib/roles";
import type { CurationUnitView, RoundAgreementView } from "@/lib/types";
import "../rounds.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Round of independent annotation" };

type Props = { params: Promise<{ project: string; id: string }> };

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** A figure's data, or the message saying why there is none (422: fewer than two annotators). */
async function orMessage<T>(load: () => Promise<T>): Promise<T | string> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof DomainError && (err.status === 422 || err.status === 403)) return err.message;
    throw err;
  }
}

export default async function RoundPage({ params }: Props) {
  const { project: slug, id } = await params;
  const { project, role, viewer: actor } = await projectPage(slug);
  const found = await roundAccess(db(), actor, id).catch((err) => (err instanceof DomainError && err.status === 404 ? null : Promise.reject(err)));
  if (!found || found.projectId !== project.id) notFound();
  const { round } = found;
  const mine = actor ? round.annotators.find((a) => a.userId === actor.id) : undefined;
  const readable = mayReadResults(round, actor);
  const [agreement, units] = readable
    ? await Promise.all([orMessage<RoundAgreementView>(() => roundAgreement(db(), actor, id)), orMessage(async () => (await roundUnits(db(), actor, id)).units)])
    : [null, null];
  const decidable = round.state === "CLOSED" || round.annotators.every((a) => a.doneAt !== null);
  return (
    <>
      <p><Link href={projectPath(project.slug, "/rounds")}>All rounds</Link></p>
      <h1>Round on “{round.sourceTitle}”</h1>
      <p>
        <strong>{round.state === "OPEN" ? "Open" : "Closed"}</strong>: opened {when(round.openedAt)} by {round.openedByName}
        {round.closedAt && <>, closed {when(round.closedAt)} by {round.closedByName}</>}. <Link href={projectPath(project.slug, `/sources/${round.sourceId}`)}>Read and annotate the source</Link>
      </p>
      <table className="data-table round-annotators">
        <caption>Annotators</caption>
        <thead><tr><th scope="col">Annotator</th><th scope="col">Claims</th><th scope="col">Work</th></tr></thead>
        <tbody>
          {round.annotators.map((a) => (
            <tr key={a.userId}>
              <th scope="row">{a.name}{a.userId === actor?.id ? " (you)" : ""}</th>
              <td>{a.claims}</td>
              <td>{a.doneAt ? `Done ${when(a.doneAt)}` : round.state === "OPEN" ? "Working" : "Not marked done"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <RoundActions roundId={round.id} mayMarkDone={round.state === "OPEN" && !!mine && mine.doneAt === null} mayClose={round.state === "OPEN" && role === "OWNER"} />
      {!readable && <p role="status">You annotate in this round: agreement and the others&apos; claims show once you mark your work done or the owner closes the round.</p>}
      {typeof agreement === "string" && <section aria-labelledby="agreement-heading"><h2 id="agreement-heading">Agreement</h2><p role="status">{agreement}</p></section>}
      {agreement && typeof agreement !== "string" && <AgreementFigures agreement={agreement} />}
      {typeof units === "string" && <p role="status">{units}</p>}
      {units && typeof units !== "string" && (
        <CurationList roundId={round.id} initialUnits={units as CurationUnitView[]} mayDecide={mayCurate(role)} decidable={decidable} />
      )}
      {readable && (
        <section aria-labelledby="exports-heading">
          <h2 id="exports-heading">Exports</h2>
          <ul>
            <li><a href={`/api/export/csv?project=${project.slug}&set=curated&sourceId=${round.sourceId}`} download>Curated set of this source (CSV)</a></li>
            {round.annotators.map((a) => (
              <li key={a.userId}><a href={`/api/export/csv?project=${project.slug}&author=${a.userId}&sourceId=${round.sourceId}`} download>{a.name}&apos;s claims on this source (CSV)</a></li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
