// The edge of every JSON route: size-limited body parsing, zod validation, and one error shape
// ({ error: { message, details? } }) so the UI and scripts can show what went wrong.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { crossSiteWriteReason } from "@/lib/csrf";
import { databaseFailureAnswer } from "@/lib/db-errors";
import { DomainError } from "@/lib/errors";
import { MAX_JSON_BYTES, describeZodError } from "@/lib/schemas";

export function errorResponse(status: number, message: string, details?: Record<string, unknown>) {
  return NextResponse.json({ error: { message, ...(details ? { details } : {}) } }, { status });
}

export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) throw new DomainError(415, "Send the body as JSON (Content-Type: application/json)");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_JSON_BYTES) throw new DomainError(413, `The body is larger than ${MAX_JSON_BYTES / 1024} KiB`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw new DomainError(413, `The body is larger than ${MAX_JSON_BYTES / 1024} KiB`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DomainError(400, "The body is not valid JSON");
  }
  return parseInput(schema, value);
}

export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DomainError(400, describeZodError(parsed.error));
  return parsed.data;
}

export function searchParamsObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Refuses cross-site writes, turns domain errors into their status, database failures into
 *  409 (an invariant refused a race's loser), 404 (what it refers to was deleted meanwhile) or
 *  503 (the database is away), and anything unexpected into a logged 500. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const crossSite = crossSiteWriteReason(request.method, request.url, request.headers);
    if (crossSite) return errorResponse(403, crossSite);
    try {
      return await handler(request, context);
    } catch (err) {
      if (err instanceof DomainError) return errorResponse(err.status, err.message, err.details);
      const answer = databaseFailureAnswer(err);
      if (answer) return errorResponse(answer.status, answer.message);
      console.error(err);
      return errorResponse(500, "Something went wrong on the server; nothing was saved");
    }
  };
}
