// Live updates: from one researcher's POST to other pages hearing of it, with two app processes
// on one database (the notice crosses processes through PostgreSQL NOTIFY), and the server's
// memory with many open event streams. Pages are simulated by plain event-stream readers: what is
// measured is the server's push, not a browser's rendering of it.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ROOT, buildIfChanged } from "../scripts/tasks";
import { waitForServer } from "./http";
import type { BenchContext, BenchRow, BenchSection } from "./harness";

const PAGES = 20;
const WRITES = 60;
const IDLE_STREAMS = 200;

function startApp(url: string, port: number): ChildProcess {
  return spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT, stdio: "ignore", env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

/** Resident memory of a process and its children (next start runs the server in a child). */
function rssMb(pid: number): number {
  const children = (() => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  })();
  const own = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  return own + children.reduce((sum, child) => sum + rssMb(child), 0);
}

interface Stream {
  /** Resolves when the stream has said it is live (its first comment). */
  opened: Promise<void>;
  heard: Map<string, number>;
  close(): void;
}

function openStream(base: string, onChange?: (entityId: string, at: number) => void): Stream {
  const controller = new AbortController();
  const heard = new Map<string, number>();
  let markOpen!: () => void;
  const opened = new Promise<void>((resolve) => (markOpen = resolve));
  void (async () => {
    try {
      const response = await fetch(`${base}/api/events?project=csto`, { signal: controller.signal });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        markOpen();
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!data || !/^event: change$/m.test(block)) continue;
          const at = performance.now();
          const { entityId } = JSON.parse(data) as { entityId: string };
          heard.set(entityId, at);
          onChange?.(entityId, at);
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return { opened, heard, close: () => controller.abort() };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const liveSection: BenchSection = {
  name: "live",
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    await buildIfChanged();
    const port = Number(process.env.BENCH_PORT ?? 3650) + 10;
    const bases = [`http://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`];
    const apps = bases.map((_, i) => startApp(ctx.url, port + i));
    const rows: BenchRow[] = [];
    try {
      await Promise.all(bases.map(waitForServer));
      const source = await ctx.db.source.findFirstOrThrow({ select: { id: true, body: true } });
      // 20 pages, half on each process; every write goes through the first process.
      const waiting = new Map<string, { sent: number; pending: number; resolve: () => void }>();
      const latencies: number[] = [];
      const streams = Array.from({ length: PAGES }, (_, i) => openStream(bases[i % 2]!, (entityId, at) => {
        const w = waiting.get(entityId);
        if (!w) return;
        latencies.push(at - w.sent);
        if (--w.pending === 0) w.resolve();
      }));
      await Promise.all(streams.map((s) => s.opened));
      const crossProcess: number[] = [];
      for (let i = 0; i < WRITES; i++) {
        let resolve!: () => void;
        const all = new Promise<void>((r) => (resolve = r));
        let sent = 0;
        let response: Response;
        // A span the seeded claims already hold answers 409: take the next one.
        for (let shift = 0; ; shift++) {
          const start = 100 + i * 7 + shift;
          sent = performance.now();
          response = await fetch(`${bases[0]}/api/claims`, {
            method: "POST", headers: { "content-type": "application/json", origin: bases[0]! },
            body: JSON.stringify({ sourceId: source.id, start, end: start + 37, kind: "FACT" }),
          });
          if (response.status !== 409 || shift > 20) break;
        }
        if (response.status !== 201) throw new Error(`create claim: ${response.status} ${await response.text()}`);
        const { claim } = (await response.json()) as { claim: { id: string } };
        // Notices may arrive before the POST's answer: count those already heard.
        const early = streams.filter((s) => s.heard.has(claim.id)).length;
        for (const s of streams) if (s.heard.has(claim.id)) latencies.push(s.heard.get(claim.id)! - sent);
        if (early < PAGES) {
          waiting.set(claim.id, { sent, pending: PAGES - early, resolve });
          await all;
        }
        waiting.delete(claim.id);
        for (let k = 1; k < PAGES; k += 2) crossProcess.push(streams[k]!.heard.get(claim.id)! - sent);
      }
      for (const s of streams) s.close();
      latencies.sort((a, b) => a - b);
      crossProcess.sort((a, b) => a - b);
      rows.push({
        section: "live", step: `POST /api/claims → ${PAGES} open streams on 2 app processes (p50)`, ms: percentile(latencies, 50),
        detail: `p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms, n=${latencies.length} (${WRITES} writes × ${PAGES} pages)`,
      });
      rows.push({
        section: "live", step: "same, pages on the other process only (p50)", ms: percentile(crossProcess, 50),
        detail: `p95 ${percentile(crossProcess, 95).toFixed(1)} ms: through PostgreSQL NOTIFY`,
      });
      // Memory: 200 quiet streams on one process.
      const pid = apps[0]!.pid!;
      const before = rssMb(pid);
      const idle = Array.from({ length: IDLE_STREAMS }, () => openStream(bases[0]!));
      await Promise.all(idle.map((s) => s.opened));
      const during = rssMb(pid);
      for (const s of idle) s.close();
      rows.push({
        section: "live", step: `server memory with ${IDLE_STREAMS} open event streams`, ms: Number.NaN,
        detail: `RSS ${before.toFixed(0)} MB → ${during.toFixed(0)} MB (${((during - before) * 1024 / IDLE_STREAMS).toFixed(0)} KB per stream)`,
      });
      return rows;
    } finally {
      for (const app of apps) app.kill("SIGTERM");
    }
  },
};
