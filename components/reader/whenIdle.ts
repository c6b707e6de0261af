// Work the reader does not need to show its text or be ready (code for the toolbar, the card and
// the claim panel): run when the browser is next idle, or at the latest after `timeoutMs`.

/** Returns a function that cancels the task if it has not run yet. */
export function whenIdle(task: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback !== "function") {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  const idle = requestIdleCallback(task, { timeout: timeoutMs });
  return () => cancelIdleCallback(idle);
}
