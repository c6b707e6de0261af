// What a database error means to the person who sent the request. Prisma wraps the driver's
// error differently depending on where it surfaced (query, transaction start, commit, pool), so
// this looks through the whole chain of causes for a PostgreSQL SQLSTATE, a socket error code,
// an adapter error kind or a Prisma code. Pure: no Prisma runtime import, only the error's shape.

export type DatabaseFailure =
  | { kind: "unavailable" }
  | { kind: "busy" }
  | { kind: "unique"; constraint: string | null }
  | { kind: "foreign-key"; constraint: string | null }
  | { kind: "check"; constraint: string | null }
  | { kind: "missing" };

interface ErrorShape {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  originalMessage?: unknown;
  message?: unknown;
  constraint?: unknown;
  cause?: unknown;
  meta?: { code?: unknown; driverAdapterError?: unknown; constraint?: unknown; field_name?: unknown };
}

/** The error and every error it wraps (cause, Prisma meta, driver adapter error), at most 8 deep. */
function chain(err: unknown): ErrorShape[] {
  const out: ErrorShape[] = [];
  const queue: unknown[] = [err];
  while (queue.length && out.length < 8) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || out.includes(e as ErrorShape)) continue;
    const shape = e as ErrorShape;
    out.push(shape);
    queue.push(shape.cause, shape.meta?.driverAdapterError);
  }
  return out;
}

// SQLSTATE class 08 (connection exception), 57P01-57P03 (the server is shutting down, was
// terminated or is starting), 53300 (too many connections).
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH",
  // Prisma: cannot reach, timed out, closed the connection.
  "P1001", "P1002", "P1017",
]);
// Prisma: pool timeout, transaction could not start (or expired) in time.
const BUSY_CODES = new Set(["P2024", "P2028"]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TlsConnectionError", "TooManyConnections"]);
// node-postgres and pg-pool throw plain Errors without a code for these.
const UNAVAILABLE_MESSAGE = /Connection terminated|not queryable|terminating connection|Connection ended|connect ECONNREFUSED|Can't reach database server/i;
const BUSY_MESSAGE = /timeout exceeded when trying to connect/i;

const text = (v: unknown) => (typeof v === "string" ? v : "");

function constraintName(shapes: ErrorShape[]): string | null {
  for (const s of shapes) {
    if (typeof s.constraint === "string") return s.constraint;
    if (typeof s.meta?.constraint === "string") return s.meta.constraint;
    const quoted = /constraint "([^"]+)"/.exec(text(s.originalMessage) || text(s.message));
    if (quoted) return quoted[1];
  }
  return null;
}

export function classifyDatabaseError(err: unknown): DatabaseFailure | null {
  const shapes = chain(err);
  const codes = shapes.flatMap((s) => [text(s.code), text(s.originalCode), text(s.meta?.code)]).filter(Boolean);
  const kinds = shapes.map((s) => text(s.kind));
  // 23P01: an exclusion constraint refusing an overlap is the same kind of refusal.
  if (codes.includes("23505") || codes.includes("23P01") || codes.includes("P2002") || kinds.includes("UniqueConstraintViolation")) {
    return { kind: "unique", constraint: constraintName(shapes) };
  }
  if (codes.includes("23503") || codes.includes("P2003") || kinds.includes("ForeignKeyConstraintViolation")) {
    return { kind: "foreign-key", constraint: constraintName(shapes) };
  }
  // 23514: a CHECK, or a trigger guarding an invariant (a link across two projects).
  if (codes.includes("23514")) return { kind: "check", constraint: constraintName(shapes) };
  if (codes.includes("P2025")) return { kind: "missing" };
  if (codes.some((c) => BUSY_CODES.has(c)) || shapes.some((s) => BUSY_MESSAGE.test(text(s.message)))) return { kind: "busy" };
  if (
    codes.some((c) => UNAVAILABLE_SQLSTATE.test(c) || UNAVAILABLE_CODES.has(c)) ||
    kinds.some((k) => UNAVAILABLE_KINDS.has(k)) ||
    shapes.some((s) => UNAVAILABLE_MESSAGE.test(text(s.message)))
  ) {
    return { kind: "unavailable" };
  }
  return null;
}

export function isUniqueViolation(err: unknown): boolean {
  return classifyDatabaseError(err)?.kind === "unique";
}

// What each invariant's violation means, by the name of the index or constraint that refused it.
const CONSTRAINT_MESSAGES: Record<string, string> = {
  Claim_live_span_key: "This exact span is already a claim: edit that claim instead",
  Claim_round_span_key: "You already marked this exact span in this round: edit that claim instead",
  AnnotationRound_open_source_key: "This source already has an open round of independent annotation",
  CurationDecisionClaim_pkey: "This unit was already decided by another curator: reload to see the decision",
  ClaimLink_live_pair_key: "These two claims are already linked: delete that link to change it",
  ClaimLink_fromId_toId_key: "These two claims are already linked: delete that link to change it",
  Cluster_projectId_name_key: "A cluster with this name already exists in this project",
  Source_projectId_duplicateKey_key: "This text is already a source of this project",
  ProjectMember_pkey: "This researcher is already a member of the project",
  Project_slug_key: "A project with this address already exists",
  ClaimLink_project_check: "A link joins two claims of one project",
  ClusterMember_project_check: "A cluster holds claims of its own project only",
  Claim_rests_on_project_check: "A claim rests on a claim or source of its own project only",
  ClusterMember_pkey: "This claim is already in this cluster",
  User_name_key: "A researcher with this name already exists",
  ClusterMember_clusterId_fkey: "The cluster does not exist or was just deleted",
  ClusterMember_claimId_fkey: "The claim does not exist or was just deleted",
  ClaimLink_fromId_fkey: "The first claim does not exist or was just deleted",
  ClaimLink_toId_fkey: "The second claim does not exist or was just deleted",
  Claim_sourceId_fkey: "The source does not exist or was just deleted",
};

export const DATABASE_UNAVAILABLE_MESSAGE = "The database cannot be reached right now; nothing was saved. Try again in a moment.";
export const DATABASE_BUSY_MESSAGE = "The database is too busy to answer right now; nothing was saved. Try again in a moment.";

/** The HTTP answer for a database failure, or null when the error is not one this can explain. */
export function databaseFailureAnswer(err: unknown): { status: 404 | 409 | 503; message: string } | null {
  const failure = classifyDatabaseError(err);
  if (!failure) return null;
  switch (failure.kind) {
    case "unavailable":
      return { status: 503, message: DATABASE_UNAVAILABLE_MESSAGE };
    case "busy":
      return { status: 503, message: DATABASE_BUSY_MESSAGE };
    case "unique":
      return { status: 409, message: `${CONSTRAINT_MESSAGES[failure.constraint ?? ""] ?? "This already exists"} (someone may have just made it). Reload to see it.` };
    case "foreign-key":
      return { status: 404, message: CONSTRAINT_MESSAGES[failure.constraint ?? ""] ?? "Something this refers to does not exist or was just deleted. Reload and try again." };
    case "check":
      return { status: 409, message: CONSTRAINT_MESSAGES[failure.constraint ?? ""] ?? "This would break a rule of the data; nothing was saved." };
    case "missing":
      return { status: 404, message: "What you asked to change does not exist or was just deleted. Reload and try again." };
  }
}
