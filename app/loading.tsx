/** Shown while a page's data loads (a source with many claims, a large claims list). */
export default function Loading() {
  return <p className="loading" role="status">Loading…</p>;
}
