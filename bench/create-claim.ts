// create-claim latency through the real HTTP stack (Next route handler → zod → Prisma →
// PostgreSQL) at 1, 10 and 50 concurrent clients, beside a bare `pg` INSERT of the same row as
// the floor. Closed-loop clients on loopback; every request creates a distinct claim.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { seedCorpus } from "../lib/seed";
import { createTestDatabase } from "../tests/helpers/testdb";
import { ROOT, buildIfChanged } from "../scripts/tasks";

export interface LatencyRow {
  what: string;
  clients: number;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `clients` loops of `task` for `seconds`, returning latency percentiles in ms. */
async function closedLoop(what: string, clients: number, seconds: number, task: (i: number) => Promise<void>): Promise<LatencyRow> {
  const latencies: number[] = [];
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    what, clients, requests: latencies.length,
    p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99),
    perSecond: latencies.length / elapsed,
  };
}

/** Distinct non-blank spans of a body: (word start, length) pairs, enough for any run. */
function spanGenerator(body: string) {
  const starts: number[] = [];
  for (let i = 0; i < body.length - 60; i++) if (/\S/.test(body[i]) && (i === 0 || /\s/.test(body[i - 1]))) starts.push(i);
  return (i: number) => {
    const start = starts[i % starts.length];
    const length = 5 + Math.floor(i / starts.length);
    return { start, end: start + length };
  };
}

export async function benchCreateClaim(options: { seconds?: number; port?: number } = {}): Promise<LatencyRow[]> {
  const seconds = options.seconds ?? 5;
  const port = options.port ?? 3650;
  await buildIfChanged();
  const t = await createTestDatabase("bench_create");
  const rows: LatencyRow[] = [];
  const server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT, stdio: "ignore", env: { ...process.env, DATABASE_URL: t.url, NEXT_TELEMETRY_DISABLED: "1" },
  });
  try {
    await seedCorpus(t.db, path.join(ROOT, "data", "corpus"));
    const source = await t.db.source.findUniqueOrThrow({ where: { seedKey: "000_dfd454984cb772b8.txt" } });
    const user = await t.db.user.create({ data: { name: "bench" } });
    const base = `http://127.0.0.1:${port}`;
    for (let tries = 0; ; tries++) {
      try { if ((await fetch(base + "/api/sources")).ok) break; } catch { /* starting */ }
      if (tries > 120) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 500));
    }
    const span = spanGenerator(source.body);
    let offset = 0;
    for (const clients of [1, 10, 50]) {
      // Warm-up: JIT, connection pool, prepared plans.
      await closedLoop("warm-up", clients, 1, async (i) => {
        const { start, end } = span(offset + i);
        await fetch(base + "/api/claims", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sourceId: source.id, start, end, kind: "FACT" }) });
      }).then((r) => (offset += r.requests + clients));
      const row = await closedLoop("POST /api/claims", clients, seconds, async (i) => {
        const { start, end } = span(offset + i);
        const response = await fetch(base + "/api/claims", {
          method: "POST", headers: { "content-type": "application/json" },
          body: JSON.stringify({ sourceId: source.id, start, end, kind: "FACT" }),
        });
        if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`);
      });
      offset += row.requests + clients;
      rows.push(row);

      const pool = new pg.Pool({ connectionString: t.url, max: clients });
      let n = 0;
      rows.push(await closedLoop("bare pg INSERT (floor)", clients, seconds, async () => {
        n++;
        await pool.query(
          `INSERT INTO "Claim" (id, "sourceId", start, "end", quote, prefix, suffix, kind, "authorId", "updatedAt") VALUES ($1, $2, $3, $4, $5, '', '', 'FACT', $6, now())`,
          [`floor-${clients}-${n}`, source.id, 0, 5, source.body.slice(0, 5), user.id],
        );
      }));
      await pool.end();
    }
  } finally {
    server.kill("SIGTERM");
    await t.drop();
  }
  return rows;
}

export function formatLatencyTable(rows: LatencyRow[]): string {
  const head = "| what | clients | requests | p50 ms | p95 ms | p99 ms | req/s |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |";
  return [head, ...rows.map((r) => `| ${r.what} | ${r.clients} | ${r.requests} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.perSecond.toFixed(0)} |`)].join("\n");
}

