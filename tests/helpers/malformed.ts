import { expect } from "vitest";
import type { z } from "zod";
import type { Db } from "@/lib/server/db";
import { callRoute, type RouteHandler } from "./routes";
import { databaseFingerprint } from "./testdb";

// Deterministic generator of malformed request bodies: wrong types, missing fields, out-of-range
// offsets, unknown fields, huge strings, injection strings. Seeded so a failure can be replayed.
const INJECTIONS = [
  "'; DROP TABLE \"Claim\"; --",
  "<script>alert(1)</script>",
  "\" OR 1=1 --",
  "${process.exit()}",
  "\u0000\u0001\uFFFF",
  "../../etc/passwd",
  "{{constructor.constructor('return process')()}}",
];
const WRONG_VALUES: unknown[] = [null, true, false, -1, 1.5, 1e308, -0, NaN, "", " ", "x", [], {}, [1, 2], { a: 1 }, "9".repeat(400), ...INJECTIONS];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface MalformedCase {
  label: string;
  rawBody: string;
}

const jsonType = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** `valid` is a body the endpoint would accept; every case derived from it must be refused.
 *  `optional` names fields that may be left out (so leaving them out is not malformed). */
export function malformedBodies(valid: Record<string, unknown>, count: number, seed = 1, optional: string[] = []): MalformedCase[] {
  const random = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const keys = Object.keys(valid);
  const cases: MalformedCase[] = [
    { label: "not JSON", rawBody: "{not json" },
    { label: "empty body", rawBody: "" },
    { label: "JSON null", rawBody: "null" },
    { label: "JSON array", rawBody: "[]" },
    { label: "JSON string", rawBody: '"hello"' },
    { label: "huge body", rawBody: JSON.stringify({ ...valid, note: "x".repeat(2 * 1024 * 1024) }) },
  ];
  while (cases.length < count) {
    const body: Record<string, unknown> = { ...valid };
    const mode = Math.floor(random() * 4);
    if (mode === 0) {
      const key = pick(keys);
      if (optional.includes(key)) continue;
      delete body[key];
      cases.push({ label: `missing ${key}`, rawBody: JSON.stringify(body) });
    } else if (mode === 1) {
      const key = pick(keys);
      const value = pick(WRONG_VALUES);
      // Same-typed values may be valid (any short note is): only a wrong type is surely malformed.
      if (jsonType(value) === jsonType(valid[key]) || (typeof value === "number" && Number.isNaN(value))) continue;
      body[key] = value;
      cases.push({ label: `${key} = ${JSON.stringify(value)?.slice(0, 40)}`, rawBody: JSON.stringify(body) });
    } else if (mode === 2) {
      body[pick(["admin", "id", "authorId", "__proto__x", "deletedAt"])] = pick(WRONG_VALUES);
      cases.push({ label: "unknown field", rawBody: JSON.stringify(body) });
    } else {
      const key = pick(keys);
      body[key] = typeof valid[key] === "number" ? 10_000_000 + Math.floor(random() * 1e6) : pick(INJECTIONS) + "x".repeat(6_000 + Math.floor(random() * 30_000));
      cases.push({ label: `${key} out of range`, rawBody: JSON.stringify(body) });
    }
  }
  return cases;
}

/** Sends every case and expects each to be refused with a 4xx and a message, the database
 *  (row counts and table checksums) left exactly as it was. */
export async function expectEveryCaseRefused(
  db: Db,
  handler: RouteHandler,
  request: { method: string; path: string; params?: Record<string, string>; headers?: Record<string, string> },
  cases: MalformedCase[],
): Promise<void> {
  const before = await databaseFingerprint(db);
  const failures: string[] = [];
  for (const c of cases) {
    const response = await callRoute(handler, { ...request, rawBody: c.rawBody });
    const payload = await response.json().catch(() => null);
    if (response.status < 400 || response.status >= 500 || typeof payload?.error?.message !== "string" || !payload.error.message) {
      failures.push(`${c.label}: ${response.status} ${JSON.stringify(payload)?.slice(0, 200)}`);
    }
  }
  expect(failures).toEqual([]);
  expect(await databaseFingerprint(db)).toBe(before);
}

// Text the database cannot store, or must not accept: NUL characters, half of an emoji (a lone
// UTF-16 surrogate, or a pair in the wrong order), and ids of absurd length.
const ODD_TEXT = ["\u0000", "a\u0000b", "\uD83D", "x\uDE00y", "\uDE00\uD83D", "ok \uD83D"];
const ODD_NUMBERS = [2 ** 31, 2 ** 31 + 7, 2 ** 53, 1e21, -(2 ** 31)];

/** Each text field of `valid` holding each odd value (id fields also 100,000 and 65 characters),
 *  each number field each out-of-range number. Every case must be refused. */
export function oddValueBodies(valid: Record<string, unknown>, idFields: string[] = []): MalformedCase[] {
  const cases: MalformedCase[] = [];
  for (const [key, value] of Object.entries(valid)) {
    const odd: unknown[] = typeof value === "string" ? [...ODD_TEXT, ...ODD_TEXT.map((t) => `${value}${t}`)] : typeof value === "number" ? ODD_NUMBERS : [];
    if (idFields.includes(key)) odd.push("x".repeat(100_000), "c".repeat(65));
    for (const v of odd) cases.push({ label: `${key} = ${JSON.stringify(v).slice(0, 30)}`, rawBody: JSON.stringify({ ...valid, [key]: v }) });
  }
  return cases;
}

/** Path ids that must be refused with a 4xx: NUL, half an emoji, absurd length, odd characters. */
export const ODD_IDS = ["\u0000", "id\u0000", "\uD83D", "x\uDE00", "x".repeat(100_000), "y".repeat(201), "%E0%A4%A", "%00", "\uFFFF"];

/** Generated cases the edge schema would accept are not malformed (a short note is valid): drop them. */
export function refusedBy(schema: z.ZodType, cases: MalformedCase[]): MalformedCase[] {
  return cases.filter((c) => {
    try {
      return !schema.safeParse(JSON.parse(c.rawBody)).success;
    } catch {
      return true;
    }
  });
}

/** Ids that name nothing: injections, absurd lengths, escapes, and `wellFormed`, an id of the
 *  right shape that no row has. */
export const junkIds = (wellFormed: string) => ["nope", "' OR 1=1 --", "x".repeat(70), "<script>alert(1)</script>", "%00", "../../etc", wellFormed];
