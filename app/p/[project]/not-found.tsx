import { ProjectLink } from "@/components/shell/ProjectContext";

/** Inside a project: a source, claim or cluster that does not exist here (deleted, mistyped, or
 *  another project's). */
export default function ProjectNotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>There is no such source, claim or cluster in this project. It may have been deleted, or the link is mistyped.</p>
      <p><ProjectLink to="">Back to the sources</ProjectLink></p>
    </>
  );
}
