/** Shown while a slow page's data loads. Only pages that never answer 404 use it: a loading
 *  boundary makes Next stream the response, and a streamed page can no longer change its status. */
export function PageLoading({ what }: { what: string }) {
  return <p className="loading" role="status">Loading {what}…</p>;
}
