/**
 * `npm run bench`: builds, then measures Balans on workbooks of growing size and writes
 * bench/results.md (also printed). Not part of `npm test`: the figures depend on the machine.
 *
 *   npm run bench                               everything (about 15 minutes on 2 cores)
 *   npm run bench -- --sizes 1x5000,12x5000     some sizes only
 *   npm run bench -- --skip lo,pane,exceljs     leave parts out
 *   npm run bench -- --runs 5 --out /tmp/r.md   more runs per figure; another results file
 *
 * Inputs are generated once and cached in bench/out/ (gitignored). Every measurement runs
 * in a process of its own (see child.ts, measure.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { readXlsx } from "../src/xlsx/readXlsx";
import { compareWriters } from "./checkWriter";
import { ensureInput, inputPath, OUT_DIR, SIZES, sizeKey, type Size } from "./inputs";
import { HAND_SHEET, type Expected } from "./handBuilt";
import { libreOffice } from "./libreOffice";
import { child, CLI, middle, node, repeat, ROOT, type Run } from "./measure";
import { render, type Results, type SizeResult } from "./report";
import { buildTaskPane, bundleFiles, ensureChromium, loadPane } from "./taskPane";

const PARTS = ["engine", "cli", "exceljs", "excel", "lo", "hand", "pane"] as const;
type Part = (typeof PARTS)[number];

interface Args {
  readonly sizes: readonly Size[];
  readonly skip: ReadonlySet<Part>;
  readonly runs: number;
  readonly out: string;
}

function parseArgs(argv: readonly string[]): Args {
  let sizes: readonly Size[] = SIZES;
  const skip = new Set<Part>();
  let runs = 3;
  let out = join(ROOT, "bench", "results.md");
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[++i];
    if (arg === "--sizes") {
      sizes = value.split(",").map((s) => {
        const [months, rows] = s.split("x").map(Number);
        if (!Number.isInteger(months) || !Number.isInteger(rows)) throw new Error(`--sizes: ${s} is not MONTHSxROWS`);
        return { months, rows };
      });
    } else if (arg === "--skip") {
      for (const part of value.split(",")) {
        if (!PARTS.includes(part as Part)) throw new Error(`--skip: ${part} is none of ${PARTS.join(", ")}`);
        skip.add(part as Part);
      }
    } else if (arg === "--runs") {
      runs = Math.max(1, Number(value));
    } else if (arg === "--out") {
      out = value;
    } else {
      throw new Error(`Unknown argument ${arg}`);
    }
  }
  return { sizes, skip, runs, out };
}

const log = (text: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);

function machine(): Results["machine"] {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown";
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    // not a git checkout
  }
  let nproc = String(cpus().length);
  try {
    nproc = execFileSync("nproc", { encoding: "utf8" }).trim();
  } catch {
    // no coreutils: the count Node sees
  }
  return { nproc, cpu: model, memoryGiB: totalmem() / 1024 ** 3, node: process.version, date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC", commit };
}

/** Numeric cells of `rows` from `fromRow` on, columns `columns`, against the cached values Balans wrote. */
function compareSheet(recalculated: string[][], written: readonly (readonly unknown[])[], fromRow: number, columns: readonly number[]): { cells: number; differing: number } {
  let cells = 0;
  let differing = 0;
  for (let r = fromRow; r < written.length && r < recalculated.length; r++) {
    for (const c of columns) {
      const cached = written[r]?.[c];
      const text = recalculated[r]?.[c];
      if (typeof cached !== "number" || text === undefined || text === "") continue;
      cells++;
      if (Math.abs(Number(text) - cached) > 1e-6 * Math.max(1, Math.abs(cached))) differing++;
    }
  }
  return { cells, differing };
}

function measureSize(size: Size, args: Args, lo: ReturnType<typeof libreOffice> | undefined): SizeResult {
  const input = ensureInput(size, log);
  const key = sizeKey(size);
  const result: SizeResult = { size, fileMb: statSync(input).size / 1e6 };
  const runs = args.runs;

  if (!args.skip.has("engine")) {
    log(`${key}: engine`);
    const engine = Array.from({ length: runs }, () => child<{ rows: number; findings: number; analyseMs: number[]; planMs: number[] }>(["engine", input, "1"]));
    result.engine = {
      rows: engine[0].result.rows,
      findings: engine[0].result.findings,
      analyseMs: middle(engine.map((e) => e.result.analyseMs[0])),
      planMs: middle(engine.map((e) => e.result.planMs[0])),
    };
  }

  const output = join(OUT_DIR, `result-${key}.xlsx`);
  if (!args.skip.has("cli")) {
    log(`${key}: bare read and command line`);
    const read = repeat(runs, () => child<{ cells: number }>(["read", input, "balans"]));
    const cli = repeat(runs, () => node([CLI, "check", input, "--out", output]));
    result.cli = { readMs: read.wallMs, readRssMb: read.maxRssMb, cells: read.result.cells, cliMs: cli.wallMs, cliRssMb: cli.maxRssMb };
    if (!args.skip.has("exceljs")) {
      log(`${key}: ExcelJS's streaming reader`);
      const exceljs = child<{ cells: number }>(["read", input, "exceljs"]);
      result.cli.exceljsMs = exceljs.wallMs;
      result.cli.exceljsRssMb = exceljs.maxRssMb;
    }
  }

  if (!args.skip.has("excel")) {
    log(`${key}: Excel round trips (strict fake)`);
    const excel = child<ExcelResult>(["excel", input]);
    result.excel = excel.result;
  }

  if (lo && !("missing" in lo) && !args.skip.has("lo") && !args.skip.has("cli")) {
    log(`${key}: LibreOffice opens the input and the result`);
    const inputOpen = lo.open(input, 1);
    const varianceSheet = size.months + 5; // the user's sheets (read-me, months, measures, programmes, settings), then Balans's
    const resultOpen = lo.open(output, varianceSheet);
    const written = readXlsx(new Uint8Array(readFileSync(output))).sheets[varianceSheet - 1];
    const check = compareSheet(resultOpen.rows, written.rows, 5, [3, 4, 5, 7, 8, 9, 10, 12, 13, 14]);
    result.lo = { inputMs: inputOpen.ms, resultMs: resultOpen.ms, sheet: written.name, checkedCells: check.cells, differing: check.differing };
  }

  if (lo && !("missing" in lo) && !args.skip.has("hand") && !args.skip.has("cli")) {
    log(`${key}: the hand-built SUMIFS copy`);
    const hand = join(OUT_DIR, `hand-${key}.xlsx`);
    const built = child<{ formulas: number }>(["handbuilt", input, String(size.months), String(size.rows), hand]);
    const opened = lo.open(hand, size.months + 5);
    const expected = JSON.parse(readFileSync(`${hand}.expected.json`, "utf8")) as Expected[];
    const differing = expected.filter((e) => Math.abs(Number(opened.rows[e.row]?.[e.column]) - e.value) > 1e-6 * Math.max(1, Math.abs(e.value))).length;
    result.hand = { formulas: built.result.formulas, recalcMs: opened.ms, checked: expected.length, differing, sheet: HAND_SHEET };
    rmSync(hand, { force: true });
  }
  return result;
}

export interface ExcelResult {
  readonly ms: number;
  readonly readSyncs: number;
  /** Read requests that carried values. */
  readonly readChunks: number;
  readonly writeSyncs: number;
  readonly syncs: number;
  readonly failed: number;
  readonly bytesReceived: number;
  readonly bytesSent: number;
  readonly largestRequest: number;
  readonly largestResponse: number;
  readonly usedRangeBytes: number;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(OUT_DIR, { recursive: true });
  const results: Results = { machine: machine(), sizes: [], runs: args.runs };
  log(`machine: ${results.machine.cpu}, ${results.machine.nproc} cores, node ${results.machine.node}`);

  log("inputs: the bench writer against the sample generator's ExcelJS writer (12 × 500)");
  results.writerCheck = await compareWriters({ months: 12, rows: 500 });
  for (const size of args.sizes) ensureInput(size, log);

  const needsLo = !args.skip.has("lo") || !args.skip.has("hand");
  const lo = needsLo ? libreOffice(OUT_DIR) : undefined;
  if (lo && "missing" in lo) results.loMissing = lo.missing;

  for (const size of args.sizes) results.sizes.push(measureSize(size, args, lo));

  const largest = args.sizes[args.sizes.length - 1];
  if (!args.skip.has("engine") && largest) {
    log(`profile of the engine at ${sizeKey(largest)}`);
    const profile: Run<Omit<NonNullable<Results["profile"]>, "size">> = child(["profile", inputPath(largest)]);
    results.profile = { ...profile.result, size: largest };
  }

  if (!args.skip.has("cli") && largest) {
    log(`the command line's phases at ${sizeKey(largest)}`);
    const timed = child<{ ms: Record<string, number> }>(["phases", inputPath(largest)]);
    const measured = child<{ mb: Record<string, { heapMb: number; externalMb: number }> }>(["phases", inputPath(largest), "memory"], {}, ["--expose-gc"]);
    results.phases = { size: largest, ms: timed.result.ms, mb: measured.result.mb };
  }

  if (!args.skip.has("pane")) {
    log("task pane: production build, bundle sizes, load in Chromium");
    const dist = join(OUT_DIR, "dist");
    rmSync(dist, { recursive: true, force: true });
    const buildMs = buildTaskPane(dist);
    const files = bundleFiles(dist);
    const chromium = ensureChromium();
    const load = chromium ? await loadPane(dist, 5) : undefined;
    results.pane = { buildMs, files, load, chromiumMissing: chromium ? undefined : "Chromium is not installed (apt-get install chromium)" };
  }

  const markdown = render(results);
  process.stdout.write(markdown);
  writeFileSync(args.out, markdown);
  log(`wrote ${args.out}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
