// What every bench section shares: the context it gets, the rows it returns, and a timer.
// Sections import this file, and bench/run.ts imports the sections, so neither imports the other.
import { performance } from "node:perf_hooks";
import type { Db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/users";

export interface BenchContext {
  db: Db;
  url: string;
  actor: Actor;
  claimCount: number;
}

export interface BenchRow {
  section: string;
  step: string;
  ms: number;
  /** Anything worth reading next to the time: rows, bytes, memory. */
  detail: string;
}

export interface BenchSection {
  name: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}
