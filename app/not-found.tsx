import Link from "@/components/Link";
import { SiteHeader } from "@/components/shell/SiteHeader";

/** An address that names nothing: an unknown page, or a project that does not exist or is not
 *  the reader's (the two look alike on purpose). Rendered in the root layout, so it brings its header. */
export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main">
        <h1>Not found</h1>
        <p>There is no such project, source or claim among yours. It may have been deleted, or the link is mistyped.</p>
        <p><Link href="/">Back to your projects</Link></p>
      </main>
    </>
  );
}
