// Work the reader does not need to show its text or be ready (code for the toolbar, the card and
// the claim panel): run when the browser is next idle, or at the latest after `timeoutMs`. A
// preload that fails (the server away for a moment) is no error: the code is fetched again when
// it is needed.

/** Returns a function that cancels the task if it has not run yet. */
export function whenIdle(task: () => Promise<unknown>, timeoutMs: number): () => void {
  const run = () => void task().catch(() => undefined);
  if (typeof requestIdleCallback !== "function") {
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  const idle = requestIdleCallback(run, { timeout: timeoutMs });
  return () => cancelIdleCallback(idle);
}
