// Real documents through a real `next start`: uploading a 100-page PDF and a 1 MB HTML page
// (time, and the server's resident memory before, after and at its peak), and opening the reader
// on a 300,000-character source until the editor is ready (goal: under 1 s).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../scripts/chromium";
import { ROOT, buildIfChanged } from "../scripts/tasks";
import { waitForServer } from "./http";
import { timed, type BenchContext, type BenchRow, type BenchSection } from "./harness";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const sentence = (i: number) => `Report ${i}: officials said ${1000 + (i % 900)} troops crossed the border on day ${(i % 28) + 1}, while observers counted fewer vehicles than announced.`;
const paragraph = (i: number) => Array.from({ length: 4 }, (_, j) => sentence(i * 4 + j)).join(" ");

/** Resident and peak resident memory of a process (Linux /proc). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

async function upload(base: string, name: string, type: string, bytes: Uint8Array): Promise<{ id: string; ms: number }> {
  const form = new FormData();
  form.set("file", new File([Buffer.from(bytes)], name, { type }));
  const { value, ms } = await timed(async () => {
    const response = await fetch(`${base}/api/sources/upload?project=csto`, { method: "POST", body: form });
    const json = await response.json();
    if (response.status !== 201) throw new Error(`${name}: ${response.status} ${JSON.stringify(json)}`);
    return json as { source: { id: string } };
  });
  return { id: value.source.id, ms };
}

async function hundredPagePdf(): Promise<Uint8Array> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    const pages = Array.from({ length: 100 }, (_, p) => `<section style="break-after: page">${[0, 1, 2].map((k) => `<p>${paragraph(p * 3 + k)}</p>`).join("")}</section>`);
    await page.setContent(`<html><head><title>Bench: 100 pages</title></head><body style="font: 11pt serif">${pages.join("")}</body></html>`);
    return new Uint8Array(await page.pdf({ format: "A4", margin: { top: "20mm", bottom: "20mm", left: "20mm", right: "20mm" } }));
  } finally {
    await browser.close();
  }
}

function oneMegabytePage(): Uint8Array {
  const paragraphs: string[] = [];
  for (let i = 0; paragraphs.join("").length < 1024 * 1024; i++) paragraphs.push(`<p>${paragraph(10_000 + i)}</p>`);
  const html = `<!doctype html><html><head><title>Bench: 1 MB page</title><meta name="author" content="Bench Writer"></head><body><nav><a href="/">Home</a></nav><article><h1>Bench: 1 MB page</h1>${paragraphs.join("\n")}</article></body></html>`;
  return new TextEncoder().encode(html);
}

/** A text of 300,000 characters, with a claim every 1,000 characters (the reader's mark needs claims). */
async function largeSource(ctx: BenchContext, base: string): Promise<string> {
  const paragraphs: string[] = [];
  for (let i = 20_000; paragraphs.join("\n\n").length < 300_000; i++) paragraphs.push(paragraph(i));
  const body = paragraphs.join("\n\n").slice(0, 300_000);
  const { id } = await upload(base, "bench-300k.txt", "text/plain", new TextEncoder().encode(body));
  const stored = (await ctx.db.source.findUniqueOrThrow({ where: { id }, select: { body: true } })).body;
  const claims = [];
  for (let start = 0; start + 60 < stored.length; start += 1000) {
    claims.push({ sourceId: id, start, end: start + 60, quote: stored.slice(start, start + 60), prefix: "", suffix: "", kind: "FACT" as const, authorId: ctx.actor.id });
  }
  await ctx.db.claim.createMany({ data: claims });
  return id;
}

async function readerReady(base: string, sourceId: string, runs: number): Promise<number[]> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  const times: number[] = [];
  try {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (let run = 0; run <= runs; run++) {
      await tab.goto(`${base}/p/csto`);
      await tab.goto(`${base}/p/csto/sources/${sourceId}`, { waitUntil: "commit" });
      await tab.waitForFunction(() => performance.getEntriesByName("claims-painted")[0]?.startTime, null, { timeout: 60_000 });
      const ready = await tab.evaluate(() => performance.getEntriesByName("claims-painted")[0]!.startTime);
      if (run > 0) times.push(ready); // the first load compiles the route and warms the caches
    }
  } finally {
    await browser.close();
  }
  return times;
}

export const documentsSection: BenchSection = {
  name: "documents",
  async run(ctx) {
    await buildIfChanged();
    const port = Number(process.env.BENCH_PORT ?? 3650) + 1;
    const base = `http://127.0.0.1:${port}`;
    const server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: ROOT, stdio: "ignore", env: { ...process.env, DATABASE_URL: ctx.url, NEXT_TELEMETRY_DISABLED: "1" },
    });
    const rows: BenchRow[] = [];
    try {
      await waitForServer(base);
      // next start runs the server in a child process: measure the one listening (the newest node child).
      const serverPid = (await import("node:child_process")).execSync(`pgrep -n -P ${server.pid} || echo ${server.pid}`).toString().trim();
      const memory = () => memoryOf(Number(serverPid));
      const pdf = await hundredPagePdf();
      const html = oneMegabytePage();
      const before = memory();
      const pdfUpload = await upload(base, "bench-100-pages.pdf", "application/pdf", pdf);
      const afterPdf = memory();
      const pages = ((await ctx.db.source.findUniqueOrThrow({ where: { id: pdfUpload.id }, select: { pageMap: true } })).pageMap as unknown[]).length;
      rows.push({ section: "documents", step: `import a ${pages}-page PDF (${mb(pdf.byteLength)}), upload to stored source`, ms: pdfUpload.ms, detail: `server RSS ${mb(before.rss)} → ${mb(afterPdf.rss)}, peak ${mb(afterPdf.peak)}` });
      const htmlUpload = await upload(base, "bench-1mb.html", "text/html", html);
      const afterHtml = memory();
      rows.push({ section: "documents", step: `import a ${mb(html.byteLength)} HTML page, upload to stored source`, ms: htmlUpload.ms, detail: `server RSS ${mb(afterPdf.rss)} → ${mb(afterHtml.rss)}, peak ${mb(afterHtml.peak)}` });
      const bigId = await largeSource(ctx, base);
      const ready = await readerReady(base, bigId, 4);
      const median = [...ready].sort((a, b) => a - b)[Math.floor((ready.length - 1) / 2)]!;
      rows.push({ section: "documents", step: "open the reader on a 300,000-character source (300 claims): editor ready (claims-painted mark)", ms: median, detail: `median of ${ready.length} loads; min ${Math.min(...ready).toFixed(0)}, max ${Math.max(...ready).toFixed(0)} ms; goal < 1000` });
    } finally {
      server.kill("SIGTERM");
    }
    return rows;
  },
};
