"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const unreachable = /ECONNREFUSED|connect|database/i.test(error.message);
  return (
    <>
      <h1>Something went wrong</h1>
      <p>{unreachable ? "The database cannot be reached. Check that PostgreSQL is running and DATABASE_URL is right, then try again." : "The page could not be loaded."}</p>
      <button onClick={() => reset()}>Try again</button>
    </>
  );
}
