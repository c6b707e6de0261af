// Calls route handlers in-process, as Next would, against a test database.
export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export function callRoute(
  handler: RouteHandler,
  init: { method: string; path: string; body?: unknown; rawBody?: string; params?: Record<string, string>; headers?: Record<string, string> },
): Promise<Response> {
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const request = new Request(`http://127.0.0.1:3000${init.path}`, {
    method: init.method,
    headers: { "content-type": "application/json", ...init.headers },
    body,
  });
  return handler(request, { params: Promise.resolve(init.params ?? {}) });
}

/** Points lib/db.ts's process-wide client at a test database (route handlers call db()). */
export function useDatabaseForRoutes(url: string): void {
  process.env.DATABASE_URL = url;
  delete (globalThis as { __claimDb?: unknown }).__claimDb;
}
