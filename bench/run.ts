// `npm run bench`: timings of the paths that must stay fast at 10,000 claims, on a throwaway
// database (127.0.0.1:5432, like the integration tests). Each section is one entry of
// BENCH_SECTIONS; add yours there. Sections get the seeded database and return table rows.
import { SEED_PROJECT } from "@/lib/server/projects";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/lib/server/db";
import { chunksToStream } from "@/lib/export/model";
import { EXPORT_FORMATS } from "@/lib/export/registry";
import { loadExport } from "@/lib/server/export-query";
import { seedCorpus } from "@/lib/server/seed";
import { ensureUser, type Actor } from "@/lib/server/users";
import { createTestDatabase } from "@/tests/helpers/testdb";
import { documentsSection } from "./documents";
import { growthSection } from "./growth";
import { httpSection } from "./http";
import { liveSection } from "./live";
import { overviewSection } from "./overview";
import { timed, type BenchContext, type BenchRow, type BenchSection } from "./harness";

export type { BenchContext, BenchRow, BenchSection };

export const CLAIM_COUNT = 10_000;
const LINK_COUNT = 2_000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;


async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

/** Claims spread over the corpus: each one a sentence-sized span of a real source text. */
async function insertClaims(db: Db, actor: Actor, count: number): Promise<void> {
  const sources = await db.source.findMany({ select: { id: true, body: true } });
  const rows = [];
  for (let i = 0; i < count; i++) {
    const s = sources[i % sources.length]!;
    const start = (i * 97) % Math.max(1, s.body.length - 120);
    const end = start + 40 + (i % 80);
    rows.push({
      sourceId: s.id, start, end, quote: s.body.slice(start, end),
      prefix: s.body.slice(Math.max(0, start - 32), start), suffix: s.body.slice(end, end + 32),
      kind: (["FACT", "OPINION", "PREDICTION"] as const)[i % 3], note: i % 4 === 0 ? `bench note ${i}` : "", authorId: actor.id,
    });
  }
  await db.claim.createMany({ data: rows });
  const ids = (await db.claim.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
  const links = [];
  for (let i = 0; i < LINK_COUNT && 2 * i + 1 < ids.length; i++) {
    links.push({ fromId: ids[2 * i]!, toId: ids[2 * i + 1]!, relation: (["CONTRADICTS", "SUPPORTS", "REFINES"] as const)[i % 3], authorId: actor.id });
  }
  await db.claimLink.createMany({ data: links });
}

export const exportSection: BenchSection = {
  name: "export",
  async run({ db, claimCount }) {
    const rows: BenchRow[] = [];
    const before = process.memoryUsage();
    const load = await timed(() => loadExport(db, SEED_PROJECT.id, {}));
    rows.push({ section: "export", step: "load claims, links, sources (lib/export-query)", ms: load.ms, detail: `${load.value.bundle.claims.length} claims, ${load.value.bundle.links.length} links` });
    const render = await timed(() => drain(chunksToStream(EXPORT_FORMATS.csv.stream(load.value.bundle, {}))));
    rows.push({ section: "export", step: "render CSV stream", ms: render.ms, detail: mb(render.value) });
    // The route handler end to end: parse filter, label, load, stream; what a download costs.
    const { GET } = await import("@/app/api/export/[format]/route");
    // csv twice: the first call also pays for compiling the queries and warming the JIT.
    for (const [format, run] of [["csv", "first"], ["csv", "again"], ["w3c", "first"]] as const) {
      const whole = await timed(async () => {
        const response = await GET(new Request(`http://bench/api/export/${format}?project=csto`), { params: Promise.resolve({ format }) });
        return drain(response.body!);
      });
      rows.push({ section: "export", step: `GET /api/export/${format} (route, ${claimCount} claims, ${run})`, ms: whole.ms, detail: mb(whole.value) });
    }
    const after = process.memoryUsage();
    rows.push({
      section: "export", step: "server memory before → after", ms: Number.NaN,
      detail: `rss ${mb(before.rss)} → ${mb(after.rss)}, heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)}`,
    });
    return rows;
  },
};

export const searchSection: BenchSection = {
  name: "search",
  async run({ db, claimCount }) {
    const queries = ["troops", "Kazakhstan deployment", '"collective security"', "bench note", "paratro"];
    const rows: BenchRow[] = [];
    for (const q of queries) {
      await loadExport(db, SEED_PROJECT.id, { q }, { limit: 200 }); // warm the plan and cache
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < 7; i++) {
        const run = await timed(() => loadExport(db, SEED_PROJECT.id, { q }, { limit: 200 }));
        times.push(run.ms);
        found = run.value.total;
      }
      times.sort((a, b) => a - b);
      rows.push({ section: "search", step: `claims list search "${q}" (${claimCount} claims, first 200 shown)`, ms: times[3]!, detail: `median of 7; ${found} matches` });
    }
    return rows;
  },
};

export const BENCH_SECTIONS: BenchSection[] = [exportSection, searchSection, overviewSection, httpSection, documentsSection, liveSection, growthSection];

/** The env var BENCH_SECTIONS (e.g. "http" or "export,search") picks sections; all by default. */
function chosenSections(): BenchSection[] {
  const names = (process.env.BENCH_SECTIONS ?? "").split(",").map((n) => n.trim()).filter(Boolean);
  if (!names.length) return BENCH_SECTIONS;
  const unknown = names.filter((n) => !BENCH_SECTIONS.some((s) => s.name === n));
  if (unknown.length) throw new Error(`BENCH_SECTIONS: no section named ${unknown.join(", ")} (there are ${BENCH_SECTIONS.map((s) => s.name).join(", ")})`);
  return BENCH_SECTIONS.filter((s) => names.includes(s.name));
}

function printTable(rows: BenchRow[]): void {
  const cells = rows.map((r) => [r.section, r.step, Number.isNaN(r.ms) ? "" : r.ms.toFixed(0), r.detail]);
  const header = ["section", "step", "ms", "detail"];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 2 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join(" | ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const c of cells) console.log(line(c));
}

async function main() {
  const t = await createTestDatabase(`${process.env.BENCH_DB_LABEL ?? ""}bench`);
  try {
    process.env.DATABASE_URL = t.url;
    await seedCorpus(t.db, path.resolve(__dirname, "../data/corpus"));
    const actor = await ensureUser(t.db, "bench");
    const sections = chosenSections();
    const rows: BenchRow[] = [];
    // The growth table builds its own corpora; the other sections share these 10,000 claims.
    if (sections.some((s) => s !== growthSection)) {
      const seeded = await timed(() => insertClaims(t.db, actor, CLAIM_COUNT));
      rows.push({ section: "setup", step: `createMany ${CLAIM_COUNT} claims + ${LINK_COUNT} links`, ms: seeded.ms, detail: t.url.replace(/^.*\//, "database ") });
    }
    const ctx: BenchContext = { db: t.db, url: t.url, actor, claimCount: CLAIM_COUNT };
    for (const section of sections) rows.push(...(await section.run(ctx)));
    console.log(`machine: ${os.cpus().length} cores, ${mb(os.totalmem())} memory, node ${process.version}`);
    printTable(rows);
  } finally {
    await (globalThis as { __claimDb?: Db }).__claimDb?.$disconnect();
    await t.drop();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
