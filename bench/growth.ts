// The growth table: the same pages and queries on corpora of 1,000 / 10,000 / 100,000 claims
// (over 10 / 100 / 1,000 sources; BENCH_SIZES="1000,10000" picks sizes), each on its own
// throwaway database behind a fresh `next start`, printed side by side so growth shows.
// Times are what a client on loopback waits for the whole response (server time), except the
// rows timed in Chromium (bench/browser.ts): first contentful paint, and compare's connectors.
import { SEED_PROJECT } from "@/lib/server/projects";
import { readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadExport, streamExport } from "@/lib/server/export-query";
import { ensureUser } from "@/lib/server/users";
import { buildIfChanged } from "../scripts/tasks";
import { createTestDatabase } from "@/tests/helpers/testdb";
import { buildCorpus } from "./corpus";
import { createClaimRows, percentile, startApp } from "./http";
import { launchChromium, loadTimings, median } from "./browser";
import type { BenchRow, BenchSection } from "./harness";

const SEARCHES: [string, string][] = [["word", "troops"], ["prefix", "paratro"], ["phrase", '"collective security"'], ["figure", "3000"]];

function sizes(): number[] {
  const list = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map((s) => Number(s.trim())).filter((n) => n > 0);
  if (!list.length) throw new Error("BENCH_SIZES: give claim counts, e.g. 1000,10000");
  return list;
}

/** Resident memory of a process and its descendants (next start may fork its server), in MB. */
function treeRssMb(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch { /* exited meanwhile */ }
  }
  let kb = 0;
  const visit = (pid: number) => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      kb += m ? Number(m[1]) : 0;
    } catch { /* exited */ }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return kb / 1024;
}

async function fetchTimed(url: string): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return { ms: performance.now() - t0, bytes: body.byteLength };
}

/** `runs` timed loads after one unmeasured (compiles the route, warms caches): p50 and p95. */
async function repeat(runs: number, fn: () => Promise<number>): Promise<{ p50: number; p95: number }> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await fn());
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

type Column = Map<string, string>;

async function measureSize(claims: number, port: number): Promise<Column> {
  const column: Column = new Map();
  // BENCH_DB_LABEL prefixes the database's name (runs side by side on one server tell theirs apart).
  const t = await createTestDatabase(`${process.env.BENCH_DB_LABEL ?? ""}growth${claims}`);
  try {
    const size = { claims, sources: Math.max(1, Math.round(claims / 100)) };
    const built = await timedMs(() => buildCorpus(t.url, size, path.resolve(__dirname, "../data/corpus")));
    column.set("corpus: sources / claims / links / clusters", `${built.value.sources} / ${built.value.claims} / ${built.value.links} / ${built.value.clusters}`);
    column.set("build the corpus (multi-row INSERT)", `${built.ms.toFixed(0)} ms`);
    const app = await startApp(t.url, port);
    try {
      const ms = (x: { p50: number; p95: number }) => `${x.p50.toFixed(0)} / ${x.p95.toFixed(0)}`;
      column.set("home page (source list), p50 / p95 ms", ms(await repeat(5, async () => (await fetchTimed(`${app.base}/p/csto`)).ms)));
      column.set("claims list, first page, p50 / p95 ms", ms(await repeat(5, async () => (await fetchTimed(`${app.base}/p/csto/claims`)).ms)));
      const compareUrl = `${app.base}/p/csto/compare?ids=${built.value.compareSourceIds.join(",")}`;
      column.set("compare, 3 largest sources, p50 / p95 ms", ms(await repeat(3, async () => (await fetchTimed(compareUrl)).ms)));
      column.set("compare: HTML sent, MB", ((await fetchTimed(compareUrl)).bytes / 1024 / 1024).toFixed(2));
      // What the compare page asks for once it is up: contradictions between its columns' claims.
      const suggestionsUrl = `${app.base}/api/contradictions?project=csto&sourceIds=${built.value.compareSourceIds.join(",")}`;
      column.set("compare: suggestions request (/api/contradictions), p50 / p95 ms", ms(await repeat(3, async () => (await fetchTimed(suggestionsUrl)).ms)));
      const browser = await launchChromium();
      try {
        // Median (min–max) in ms from navigation start, in a tab that has the app's scripts cached.
        const shown = (xs: number[]) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
        column.set("home page: first contentful paint in Chromium, median (min–max) ms", shown((await loadTimings(browser, `${app.base}/p/csto`, 5)).fcp));
        column.set("claims list, first page: first contentful paint, median (min–max) ms", shown((await loadTimings(browser, `${app.base}/p/csto/claims`, 5)).fcp));
        const compare = await loadTimings(browser, compareUrl, 3, "connectors-drawn", "compare-hydrated");
        const counts = await t.db.claim.groupBy({ by: ["sourceId"], where: { sourceId: { in: built.value.compareSourceIds }, deletedAt: null }, _count: { _all: true } });
        const linked = await t.db.claimLink.count({ where: { deletedAt: null, from: { sourceId: { in: built.value.compareSourceIds } }, to: { sourceId: { in: built.value.compareSourceIds } } } });
        column.set("compare: claims per column / links between them", `${counts.map((c) => c._count._all).join(", ")} / ${linked}`);
        if (compare.hydrated.every(Number.isFinite)) column.set("compare: hydrated (mark), median (min–max) ms", shown(compare.hydrated));
        column.set("compare: until the connectors are drawn (mark), median (min–max) ms", shown(compare.mark));
        column.set("compare: first contentful paint, median ms", median(compare.fcp).toFixed(0));
      } finally {
        await browser.close();
      }
      for (const [what, q] of SEARCHES) {
        // The list's count stops at SEARCH_CAP matches ("more than 1,000"); the export counts them all.
        const page = await loadExport(t.db, SEED_PROJECT.id, { q }, { limit: 1 });
        const found = page.capped ? `more than ${page.total} (list capped; export: ${(await streamExport(t.db, SEED_PROJECT.id, { q })).claimCount})` : String(page.total);
        const lib = await repeat(20, async () => (await timedMs(() => loadExport(t.db, SEED_PROJECT.id, { q }, { limit: 50 }))).ms);
        column.set(`search ${what} ${q}: matches`, found);
        column.set(`search ${what} ${q}: query + first 50, p50 / p95 ms`, ms(lib));
        column.set(`search ${what} ${q}: claims page, p50 / p95 ms`, ms(await repeat(5, async () => (await fetchTimed(`${app.base}/p/csto/claims?q=${encodeURIComponent(q)}`)).ms)));
      }
      column.set("overview page (/stats), p50 / p95 ms", ms(await repeat(3, async () => (await fetchTimed(`${app.base}/p/csto/stats`)).ms)));
      column.set("cluster page, 50 members, p50 / p95 ms", ms(await repeat(5, async () => (await fetchTimed(`${app.base}/p/csto/clusters/${built.value.bigClusterId}`)).ms)));
      for (const format of ["csv", "w3c"]) {
        await fetchTimed(`${app.base}/api/export/${format}?project=csto`); // compiles the route
        const before = treeRssMb(app.pid);
        let peak = before;
        const sampler = setInterval(() => { peak = Math.max(peak, treeRssMb(app.pid)); }, 25);
        const run = await fetchTimed(`${app.base}/api/export/${format}?project=csto`);
        clearInterval(sampler);
        const after = treeRssMb(app.pid);
        column.set(`export ${format}: ms (MB written)`, `${run.ms.toFixed(0)} (${(run.bytes / 1024 / 1024).toFixed(1)} MB)`);
        column.set(`export ${format}: server RSS before / peak / after MB`, `${before.toFixed(0)} / ${peak.toFixed(0)} / ${after.toFixed(0)}`);
      }
      if (process.env.BENCH_CREATE !== "0") {
        const actor = await ensureUser(t.db, "bench");
        const rows = await createClaimRows({ db: t.db, url: t.url, actor, claimCount: claims }, app.base, Number(process.env.BENCH_SECONDS ?? 3), built.value.sourceId);
        for (const r of rows) column.set(r.step, r.detail.replace(/; HTTP.*$/, "").replace(/ \/ p99 [\d.]+ ms/, ""));
      }
    } finally {
      await app.stop();
    }
  } finally {
    await t.drop();
  }
  return column;
}

async function timedMs<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

function printGrowth(columns: [number, Column][]): void {
  const steps: string[] = [];
  for (const [, c] of columns) for (const k of c.keys()) if (!steps.includes(k)) steps.push(k);
  const header = ["", ...columns.map(([n]) => `${n.toLocaleString("en")} claims`)];
  const cells = steps.map((s) => [s, ...columns.map(([, c]) => c.get(s) ?? "")]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(" | ");
  console.log(`\ngrowth table — machine: ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB, node ${process.version}`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const r of cells) console.log(line(r));
  console.log("");
}

export const growthSection: BenchSection = {
  name: "growth",
  async run() {
    await buildIfChanged();
    const port = Number(process.env.BENCH_PORT ?? 3650) + 1;
    const columns: [number, Column][] = [];
    for (const n of sizes()) {
      columns.push([n, await measureSize(n, port)]);
      printGrowth(columns); // after each size, so a long run shows what it has
    }
    return [];
  },
};
