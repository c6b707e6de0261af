// The one browser HTTP client: every component calls the app's API through callApi. A 4xx/5xx
// becomes an ApiError carrying the server's message ({ error: { message } }) and its status.

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly details?: Record<string, unknown>) {
    super(message);
    this.name = "ApiError";
  }
}

export interface ApiInit {
  method?: string;
  /** Sent as JSON; a string is sent as it is (an import file's text), still as application/json;
   *  FormData (an uploaded file) as multipart/form-data. */
  body?: unknown;
}

export async function callApi<T>(url: string, init?: ApiInit): Promise<T> {
  const form = init?.body instanceof FormData ? init.body : null;
  const body = form ?? (init?.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body));
  let response: Response;
  try {
    response = await fetch(url, {
      method: init?.method ?? "GET",
      // The browser writes multipart's content type itself, with its boundary.
      headers: body === undefined || form ? undefined : { "content-type": "application/json" },
      body,
    });
  } catch {
    throw new ApiError(0, "The server could not be reached; nothing was saved");
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data?.error?.message ?? `The server answered ${response.status}`, data?.error?.details);
  return data as T;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A project's collection endpoint (its sources, claims, clusters, imports, exports, live changes
 *  name the project in the query): projectApi("/api/claims", "csto", { q: "troops" }) is
 *  "/api/claims?project=csto&q=troops". */
export function projectApi(path: string, project: string, params: Record<string, string> = {}): string {
  return `${path}?${new URLSearchParams({ project, ...params })}`;
}
