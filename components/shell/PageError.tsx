"use client";

// In production Next hides server error messages from the browser, so the page cannot tell a
// database outage from other failures: it says what is most likely and how to check.
export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>This page could not be loaded</h1>
      <p>
        The server could not answer. Most often the database cannot be reached: check that PostgreSQL is running and that
        <code> DATABASE_URL</code> points at it (or start the app with <code>npm start</code> and no <code>DATABASE_URL</code> to use the embedded database).
      </p>
      {error.digest && <p className="muted">Reference for the server log: {error.digest}</p>}
      <button type="button" onClick={() => reset()}>Try again</button>
    </>
  );
}
