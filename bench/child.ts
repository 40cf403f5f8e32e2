/**
 * One measurement per process, so timings and peak memory are the measurement's own:
 *   node build/bench/child.js engine  INPUT REPEATS     grid in memory → analysis (and plan)
 *   node build/bench/child.js profile INPUT             where the engine's time goes
 *   node build/bench/child.js read    INPUT balans|exceljs   the bare read
 *   node build/bench/child.js excel   INPUT             a full run against the strict Excel fake
 *   node build/bench/child.js handbuilt INPUT MONTHS ROWS OUT   the hand-built SUMIFS copy
 *   node [--expose-gc] build/bench/child.js phases INPUT [memory]   the command line's run phase by phase
 * The result is one JSON line on stdout.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { analyse } from "../src/core/engine";
import { buildWritePlan } from "../src/core/plan";
import type { CellValue, WorkbookSnapshot } from "../src/core/types";
import { nodeZipOptions } from "../src/cli/nodeZip";
import { readXlsx } from "../src/xlsx/readXlsx";

const OPTIONS = { language: "sv" as const, today: { year: 2024, month: 12 } };

function snapshotOf(path: string): WorkbookSnapshot {
  return readXlsx(new Uint8Array(readFileSync(path)), { name: "bench.xlsx", ...nodeZipOptions() });
}

function output(result: unknown): void {
  process.stdout.write(`${JSON.stringify({ ...(result as object), maxRssKb: process.resourceUsage().maxRSS })}\n`);
}

function engine(path: string, repeats: number): void {
  const snapshot = snapshotOf(path);
  const analyseMs: number[] = [];
  const planMs: number[] = [];
  let rows = 0;
  let findings = 0;
  for (let i = 0; i < repeats; i++) {
    const a = performance.now();
    const analysis = analyse(snapshot, OPTIONS);
    const b = performance.now();
    buildWritePlan(analysis, snapshot, OPTIONS);
    const c = performance.now();
    analyseMs.push(b - a);
    planMs.push(c - b);
    rows = analysis.model.rows.length;
    findings = analysis.findings.length;
  }
  output({ rows, findings, analyseMs, planMs });
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

/** Self time per function of one analyse + plan, from V8's sampling profiler. */
async function profile(path: string): Promise<void> {
  const snapshot = snapshotOf(path);
  // One run first, so the profile shows optimised code rather than the compiler warming up.
  if (!process.env.BENCH_PROFILE_COLD) buildWritePlan(analyse(snapshot, OPTIONS), snapshot, OPTIONS);
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: 200 });
  await post("Profiler.start");
  const started = performance.now();
  const analysis = analyse(snapshot, OPTIONS);
  const analysed = performance.now();
  buildWritePlan(analysis, snapshot, OPTIONS);
  const planned = performance.now();
  const { profile: p } = (await post("Profiler.stop")) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  session.disconnect();
  if (process.env.BENCH_PROFILE_OUT) writeFileSync(process.env.BENCH_PROFILE_OUT, JSON.stringify(p));
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const node = nodes.get(id);
    const dt = p.timeDeltas[i] ?? 0;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    // The profiler's own work and idle time are not the engine's.
    if (!url && functionName !== "(garbage collector)") return;
    total += dt;
    const file = url.replace(/^.*\/build\//, "").replace(/\.js$/, ".ts");
    const key = url ? `${functionName || "(anonymous)"} (${file}:${lineNumber + 1})` : functionName || "(anonymous)";
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, us]) => ({ name, ms: us / 1000, share: us / total }));
  output({ rows: analysis.model.rows.length, analyseMs: analysed - started, planMs: planned - analysed, top });
}

async function read(path: string, reader: string): Promise<void> {
  let cells = 0;
  if (reader === "balans") {
    for (const sheet of snapshotOf(path).sheets) for (const row of sheet.rows) cells += row.length;
  } else if (reader === "exceljs") {
    // ExcelJS's streaming reader, the fastest other reader installed (tooling.md): values only.
    const ExcelJS = await import("exceljs");
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: "cache", styles: "ignore", hyperlinks: "ignore", worksheets: "emit", entries: "emit" });
    for await (const worksheet of workbook) {
      for await (const row of worksheet as AsyncIterable<{ values: unknown[] }>) cells += row.values.length;
    }
  } else {
    throw new Error(`unknown reader ${reader}`);
  }
  output({ cells });
}

async function excel(path: string): Promise<void> {
  const { createFakeExcel } = await import("../src/excel/fake/fakeExcel");
  const { readSnapshot } = await import("../src/excel/readWorkbook");
  const { applyPlan } = await import("../src/excel/applyPlan");
  const { runBalans } = await import("../src/core/engine");
  const source = snapshotOf(path);
  // What Excel would send for each used range: every cell of the rectangle, "" where empty.
  let usedRangeBytes = 0;
  const sheets = source.sheets.map((sheet) => {
    const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 0);
    const cells: CellValue[][] = sheet.rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
    usedRangeBytes += Buffer.byteLength(JSON.stringify(cells.map((row) => row.map((v) => (v === null ? "" : typeof v === "object" ? v.error : v)))));
    return { name: sheet.name, cells, top: sheet.top, left: sheet.left };
  });
  const fake = createFakeExcel({ name: "bench.xlsx", sheets });
  const started = performance.now();
  const snapshot = await readSnapshot(fake.run);
  const readRequests = fake.stats.requests.length;
  // Requests that carried cell values: the read's chunks (the others list sheets and probe used ranges).
  const valueRequests = fake.stats.requests.filter((r) => r.loaded.includes("values")).length;
  const result = runBalans(snapshot, OPTIONS);
  const applied = await applyPlan(fake.run, result.plan);
  const ms = performance.now() - started;
  const requests = fake.stats.requests;
  output({
    ms,
    readSyncs: readRequests,
    readChunks: valueRequests,
    writeSyncs: applied.syncs,
    syncs: fake.stats.syncs,
    failed: requests.filter((r) => r.failed).length,
    bytesReceived: requests.reduce((s, r) => s + r.bytesReceived, 0),
    bytesSent: requests.reduce((s, r) => s + r.bytesSent, 0),
    largestRequest: Math.max(...requests.map((r) => r.bytesSent)),
    largestResponse: Math.max(...requests.map((r) => r.bytesReceived)),
    usedRangeBytes,
  });
}

/** The hand-built SUMIFS copy of the input (see handBuilt.ts), with the figures its formulas must come to. */
async function handBuilt(path: string, months: number, rows: number, out: string): Promise<void> {
  const { handBuiltWorkbook } = await import("./handBuilt");
  const analysis = analyse(snapshotOf(path), OPTIONS);
  const built = handBuiltWorkbook({ months, rows }, analysis.variance, analysis.hiredStaff);
  writeFileSync(out, built.bytes);
  writeFileSync(`${out}.expected.json`, JSON.stringify(built.expected));
  output({ formulas: built.formulas, bytes: built.bytes.length });
}

/**
 * The command line's run in its phases, as `balans check --out` does it: the model read
 * sheet by sheet, the analysis, the plan, the written package. With `memory`, after each
 * phase a full collection (node --expose-gc) measures what stays alive.
 */
async function phases(path: string, memory: boolean): Promise<void> {
  const { readModel } = await import("../src/cli/readModel");
  const { nodeZipOptions } = await import("../src/cli/nodeZip");
  const { rowIndex } = await import("../src/core/check/rowIndex");
  const { applyPlanToXlsx } = await import("../src/xlsx/writeXlsx");
  const gc = (globalThis as { gc?: () => void }).gc;
  const live = () => {
    gc?.();
    const m = process.memoryUsage();
    return { heapMb: m.heapUsed / 1e6, externalMb: m.external / 1e6 };
  };
  const ms: Record<string, number> = {};
  const mb: Record<string, { heapMb: number; externalMb: number }> = {};
  const bytes = new Uint8Array(readFileSync(path));
  let t = performance.now();
  const phase = (name: string) => {
    ms[name] = performance.now() - t;
    if (memory) mb[name] = live();
    t = performance.now();
  };
  if (memory) mb.start = live();
  const plan = (() => {
    const { snapshot, model } = readModel(bytes, "bench.xlsx", OPTIONS);
    phase("model");
    rowIndex(model);
    phase("rowIndex");
    const analysis = analyse(snapshot, OPTIONS, model);
    phase("analyse");
    const built = buildWritePlan(analysis, snapshot, OPTIONS);
    phase("plan");
    return built;
  })();
  phase("release");
  applyPlanToXlsx(bytes, plan, nodeZipOptions());
  phase("write");
  output({ ms, mb });
}

async function main(): Promise<void> {
  const [task, path, arg, ...rest] = process.argv.slice(2);
  if (task === "engine") engine(path, Number(arg ?? 3));
  else if (task === "profile") await profile(path);
  else if (task === "read") await read(path, arg ?? "balans");
  else if (task === "excel") await excel(path);
  else if (task === "phases") await phases(path, arg === "memory");
  else if (task === "handbuilt") await handBuilt(path, Number(arg), Number(rest[0]), rest[1]);
  else throw new Error(`unknown task ${task}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
