// The edge of every JSON route: size-limited body parsing, zod validation, and one error shape
// ({ error: { message, details? } }) so the UI and scripts can show what went wrong.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { crossSiteWriteReason } from "@/lib/csrf";
import { databaseFailureAnswer } from "@/lib/db-errors";
import { DomainError, TooManyAttempts } from "@/lib/errors";
import { mediaType } from "@/lib/media-type";
import { unstorableText, unstorableTextIn } from "@/lib/text-safety";
import { MAX_JSON_BYTES, describeZodError } from "@/lib/schemas";

export function errorResponse(status: number, message: string, details?: Record<string, unknown>) {
  return NextResponse.json({ error: { message, ...(details ? { details } : {}) } }, { status });
}

export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  if (mediaType(request.headers.get("content-type")) !== "application/json") throw new DomainError(415, "Send the body as JSON (Content-Type: application/json)");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_JSON_BYTES) throw new DomainError(413, `The body is larger than ${MAX_JSON_BYTES / 1024} KiB`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw new DomainError(413, `The body is larger than ${MAX_JSON_BYTES / 1024} KiB`);
  return parseInput(schema, parseJsonText(text));
}

/** JSON.parse, with a 400 for bad JSON and for text the database cannot store (lib/text-safety). */
function parseJsonText(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DomainError(400, "The body is not valid JSON");
  }
  const problem = unstorableTextIn(value);
  if (problem) throw new DomainError(400, problem);
  return value;
}

export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DomainError(400, describeZodError(parsed.error, value));
  return parsed.data;
}

export function searchParamsObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

/** CP_TRUST_PROXY=1: a proxy in front sets X-Forwarded-For/-Host/-Proto, so they can be believed. */
export function trustProxy(): boolean {
  return /^(1|true|yes)$/i.test(process.env.CP_TRUST_PROXY ?? "");
}

const MAX_PATH_PARAM = 200;
const MAX_QUERY_VALUE = 2_000;

/** Every path parameter (ids, export format) and query value: short, and storable text. A NUL
 *  or a 100,000-character id would otherwise reach a database lookup and come back as a 500.
 *  A path with a malformed %-escape is refused first: decoding its parameters would throw. */
async function checkPathAndQuery(request: Request, context: unknown): Promise<void> {
  const url = new URL(request.url);
  try {
    decodeURIComponent(url.pathname);
  } catch {
    throw new DomainError(400, "The address has a malformed %-escape");
  }
  const params = (context as { params?: Promise<Record<string, string | string[]>> } | undefined)?.params;
  for (const [key, value] of Object.entries((await params) ?? {})) {
    for (const v of [value].flat()) checkValue(key, v, MAX_PATH_PARAM);
  }
  for (const [key, value] of url.searchParams) checkValue(key, value, MAX_QUERY_VALUE);
}

function checkValue(key: string, value: string, max: number): void {
  const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  if (value.length > max || key.length > 100) throw new DomainError(400, `${shown}: is too long`);
  const problem = unstorableText(value) ?? unstorableText(key);
  if (problem) throw new DomainError(400, `${unstorableText(key) ? "a parameter name" : shown}: ${problem}`);
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Refuses cross-site writes, turns domain errors into their status, database failures into
 *  409 (an invariant refused a race's loser), 404 (what it refers to was deleted meanwhile) or
 *  503 (the database is away), and anything unexpected into a logged 500. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const crossSite = crossSiteWriteReason(request.method, request.url, request.headers, trustProxy());
    if (crossSite) return errorResponse(403, crossSite);
    try {
      await checkPathAndQuery(request, context);
      return await handler(request, context);
    } catch (err) {
      if (err instanceof TooManyAttempts) {
        const response = errorResponse(429, err.message);
        response.headers.set("Retry-After", String(err.retryAfterSeconds));
        return response;
      }
      if (err instanceof DomainError) return errorResponse(err.status, err.message, err.details);
      const answer = databaseFailureAnswer(err);
      if (answer) return errorResponse(answer.status, answer.message);
      console.error(err);
      return errorResponse(500, "Something went wrong on the server; nothing was saved");
    }
  };
}
