import Link from "@/components/Link";

export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>There is no such source or claim. It may have been deleted, or the link is mistyped.</p>
      <p><Link href="/">Back to the sources</Link></p>
    </>
  );
}
