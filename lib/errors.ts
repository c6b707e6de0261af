/** An error a user can act on: carries the HTTP status the edge should answer with. */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) => new DomainError(400, message, details);
export const notFound = (message: string) => new DomainError(404, message);
export const conflict = (message: string, details?: Record<string, unknown>) => new DomainError(409, message, details);
export const forbidden = (message: string) => new DomainError(403, message);

/** 429 with the seconds to wait, sent as Retry-After. */
export class TooManyAttempts extends DomainError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(429, message);
  }
}
