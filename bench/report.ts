/**
 * bench/results.md from the measurements: the machine, one table per question of the
 * issue, and each goal marked met or not from the figures themselves.
 */
import type { ExcelResult } from "./main";
import type { Size } from "./inputs";
import type { BundleFile, PaneLoad } from "./taskPane";

export interface SizeResult {
  readonly size: Size;
  readonly fileMb: number;
  engine?: { rows: number; findings: number; analyseMs: number; planMs: number };
  cli?: { readMs: number; readRssMb: number; cells: number; cliMs: number; cliRssMb: number; exceljsMs?: number; exceljsRssMb?: number };
  excel?: ExcelResult;
  lo?: { inputMs: number; resultMs: number; sheet: string; checkedCells: number; differing: number };
  hand?: { formulas: number; recalcMs: number; checked: number; differing: number; sheet: string };
}

export interface Results {
  readonly machine: { nproc: string; cpu: string; memoryGiB: number; node: string; date: string; commit: string };
  readonly sizes: SizeResult[];
  readonly runs: number;
  writerCheck?: string[];
  loMissing?: string;
  profile?: { size: Size; rows: number; analyseMs: number; planMs: number; top: { name: string; ms: number; share: number }[] };
  pane?: { buildMs: number; files: BundleFile[]; load?: PaneLoad; chromiumMissing?: string };
  /** The command line's run phase by phase: wall times, and what stays alive after each (full collection). */
  phases?: { size: Size; ms: Record<string, number>; mb: Record<string, { heapMb: number; externalMb: number }> };
}

const n0 = (v: number) => Math.round(v).toLocaleString("en-US");
const n1 = (v: number) => v.toFixed(1);
const n2 = (v: number) => v.toFixed(2);
const s2 = (ms: number) => (ms / 1000).toFixed(2);
const kb = (bytes: number) => (bytes / 1024).toFixed(0);
const label = (size: Size) => `${size.months} × ${size.rows.toLocaleString("en-US")}`;
const mark = (ok: boolean | undefined) => (ok === undefined ? "not measured" : ok ? "**met**" : "**not met**");

export const GOALS = {
  rowsPerSecond: 1_000_000,
  cliOverRead: 1.3,
  cliRssMb: 500,
  requestBytes: 5_000_000,
  bytesOverValues: 1.2,
  loResultOverInput: 2,
  paneGzipKb: 300,
} as const;

/** A markdown table; the first `textColumns` columns are left-aligned, the rest (figures) right-aligned. */
function table(headers: readonly string[], rows: readonly (readonly string[])[], textColumns = 1): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map((_, i) => (i < textColumns ? "---" : "---:"))), ...rows.map(line)].join("\n");
}

export function render(results: Results): string {
  const m = results.machine;
  const out: string[] = [];
  const sizes = results.sizes;
  const largest = sizes[sizes.length - 1];
  out.push("# Balans benchmark\n");
  out.push(`Written by \`npm run bench\` (bench/main.ts) on ${m.date}, commit ${m.commit}. Machine: ${m.nproc} cores (\`nproc\`), ${m.cpu}, ${n1(m.memoryGiB)} GiB memory, Node ${m.node}. Each figure is the median of ${results.runs} runs, each in a fresh process; peak memory is the largest of the runs.\n`);
  out.push(
    "Inputs: the sample generator's region (`scripts/sample`, seed 2024, no planted problems) with 1 and 12 month sheets of 5 000, 20 000 and 50 000 detail rows each, " +
      "written by the bench's own writer (bench/xlsxWriter.ts: shared strings, styles, frozen header; seconds instead of ExcelJS's minute). " +
      (results.writerCheck === undefined
        ? ""
        : results.writerCheck.length === 0
          ? "Read back through Balans's reader, its workbook has the same cells and number formats as the one the sample generator writes with ExcelJS (checked at 12 × 500 on this run).\n"
          : `**The bench writer differs from the sample generator's:** ${results.writerCheck.slice(0, 3).join("; ")}\n`),
  );

  // 1. Engine
  out.push("## 1. Engine throughput\n");
  out.push("Grid in memory → findings and every summary (`analyse`: reader, checks, variance, cost centres, measures, hired staff), then the write plan (`buildWritePlan`: every sheet, formula and helper key). One cold run per process, as the command line and the pane run it.\n");
  const engineRows = sizes.filter((s) => s.engine);
  out.push(
    table(
      ["size", "report rows", "findings", "analyse (s)", "report rows / s", "µs per row", "plan (s)", "analyse + plan: rows / s"],
      engineRows.map((s) => {
        const e = s.engine!;
        return [label(s.size), n0(e.rows), n0(e.findings), s2(e.analyseMs), n0(e.rows / (e.analyseMs / 1000)), n2((e.analyseMs * 1000) / e.rows), s2(e.planMs), n0(e.rows / ((e.analyseMs + e.planMs) / 1000))];
      }),
    ),
  );
  const perRow = engineRows.map((s) => s.engine!.analyseMs / s.engine!.rows);
  if (perRow.length > 1) {
    out.push(`\nLinearity: time per row ranges from ${n2(Math.min(...perRow) * 1000)} to ${n2(Math.max(...perRow) * 1000)} µs across a ${n0(engineRows[engineRows.length - 1].engine!.rows / engineRows[0].engine!.rows)}-fold range of rows (the smallest sizes carry the compiler's warm-up).\n`);
  }
  if (results.profile) {
    const p = results.profile;
    out.push(`\nWhere the time goes (V8's sampling profiler, second run in one process, ${label(p.size)}: analyse ${s2(p.analyseMs)} s, plan ${s2(p.planMs)} s); self time per function:\n`);
    out.push(table(["function", "ms", "share"], p.top.slice(0, 15).map((t) => [`\`${t.name}\``, n0(t.ms), `${n1(t.share * 100)} %`])));
    out.push(`\n(Shares of the profiled engine time, garbage collection included.)`);
    out.push("");
  }

  // 2. Command line
  out.push("\n## 2. Command line end to end\n");
  out.push("`balans check INPUT --out RESULT` against merely reading the file. The bare read is Balans's own reader (`readXlsx` with Node's zlib: every sheet's cells as values), the fastest reader installed; ExcelJS's streaming reader (values only) is shown for comparison. Wall time includes starting Node.\n");
  const cliRows = sizes.filter((s) => s.cli);
  out.push(
    table(
      ["size", "file (MB)", "cells", "bare read (s)", "read peak (MB)", "ExcelJS stream (s)", "command line (s)", "ratio to bare read", "command line peak (MB)"],
      cliRows.map((s) => {
        const c = s.cli!;
        return [label(s.size), n1(s.fileMb), n0(c.cells), s2(c.readMs), n0(c.readRssMb), c.exceljsMs === undefined ? "–" : s2(c.exceljsMs), s2(c.cliMs), `${n2(c.cliMs / c.readMs)}×`, n0(c.cliRssMb)];
      }),
    ),
  );

  if (results.phases) {
    const p = results.phases;
    const t = p.ms;
    out.push(
      `\n\nWhere the command line's time goes at ${label(p.size)} (one run, phase by phase): reading the model sheet by sheet ${s2(t.model)} s (inflating and parsing the cells, and the reader), ` +
        `the row index ${s2(t.rowIndex)} s, the checks and summaries ${s2(t.analyse)} s, the write plan ${s2(t.plan)} s, writing the result ${s2(t.write)} s.`,
    );
    const m = p.mb;
    if (m.start && m.model && m.rowIndex && m.plan && m.analyse) {
      out.push(
        `What stays alive (after a full collection, node --expose-gc): the input file ${n0(m.start.externalMb)} MB, the model ${n0(m.model.heapMb - m.start.heapMb)} MB, ` +
          `the row index ${n0(m.rowIndex.externalMb - m.model.externalMb)} MB of typed arrays, the plan ${n0(m.plan.heapMb - m.analyse.heapMb)} MB; ` +
          `the report sheets' cells are read one sheet at a time and let go once the model is read, and the model is let go before the result is written.`,
      );
    }
  }

  // 3. Excel
  out.push("\n\n## 3. Excel round trips (strict fake)\n");
  out.push(
    "A full run through the Office adapter against `src/excel/fake`: read the workbook (`readSnapshot`), run the engine, write the plan (`applyPlan`). Bytes are the fake's UTF-8 JSON of what each request sends and each response carries; the used ranges' values are the JSON of every used range as Excel returns it (`\"\"` for an empty cell). " +
      "A run takes 3 fixed round trips (list the sheets; probe owner marks and used ranges; look at the workbook before writing) plus one per payload chunk: the values read (the adapter plans for 4 MB per response, assuming 20 bytes a cell until it has seen some) and the cells written (4 MB per request).\n",
  );
  const excelRows = sizes.filter((s) => s.excel);
  out.push(
    table(
      ["size", "syncs: read (value chunks)", "syncs: write (chunks)", "syncs in all", "fixed", "largest request (MB)", "largest response (MB)", "bytes read (MB)", "used ranges' values (MB)", "read / values", "bytes written (MB)"],
      excelRows.map((s) => {
        const e = s.excel!;
        return [label(s.size), `${e.readSyncs} (${e.readChunks})`, `${e.writeSyncs} (${e.writeSyncs - 1})`, String(e.syncs), String(fixedSyncs(e)), n2(e.largestRequest / 1e6), n2(e.largestResponse / 1e6), n2(e.bytesReceived / 1e6), n2(e.usedRangeBytes / 1e6), `${n2(e.bytesReceived / e.usedRangeBytes)}×`, n2(e.bytesSent / 1e6)];
      }),
    ),
  );

  // 4. LibreOffice
  out.push("\n\n## 4. The result workbook's weight\n");
  if (results.loMissing) out.push(`Not measured: ${results.loMissing}.\n`);
  out.push("LibreOffice headless opens the workbook with every formula recalculated (forced through its profile) and exports one sheet as CSV: the input's first sheet, the result's variance sheet. Both times include starting LibreOffice. The recalculated variance sheet is compared with the values Balans cached in it.\n");
  const loRows = sizes.filter((s) => s.lo);
  out.push(
    table(
      ["size", "open input (s)", "open + recalculate result (s)", "ratio", "variance cells checked", "differing"],
      loRows.map((s) => {
        const l = s.lo!;
        return [label(s.size), s2(l.inputMs), s2(l.resultMs), `${n2(l.resultMs / l.inputMs)}×`, n0(l.checkedCells), n0(l.differing)];
      }),
    ),
  );

  // 5. Hand-built
  out.push("\n\n## 5. What users would do instead\n");
  out.push(
    "A copy of the input with a sheet of hand-built SUMIFS formulas (bench/handBuilt.ts): budget and actual per division × category × month over each month sheet's whole columns, with the division and category columns as criteria, and hired doctors, nurses and other hired staff and own staff per division × month by account ranges, with the share. " +
      "**Simplification:** the copy has the division on every detail row; the real workbook writes it once above its rows, which SUMIFS cannot see, so a controller would first have to fill the column down. " +
      "LibreOffice opens the copy recalculating it and exports the formula sheet; a sample of the formulas' results is checked against Balans's figures. Balans's time is the full command line run of section 2 (read, check, summarise, write the result).\n",
  );
  const handRows = sizes.filter((s) => s.hand);
  out.push(
    table(
      ["size", "SUMIFS formulas", "LibreOffice open + recalculate (s)", "Balans command line (s)", "Balans / by hand", "results checked", "differing"],
      handRows.map((s) => {
        const h = s.hand!;
        const cli = s.cli?.cliMs;
        return [label(s.size), n0(h.formulas), s2(h.recalcMs), cli === undefined ? "–" : s2(cli), cli === undefined ? "–" : `${n2(cli / h.recalcMs)}×`, n0(h.checked), n0(h.differing)];
      }),
    ),
  );

  // 6. Task pane
  out.push("\n\n## 6. Task pane\n");
  const pane = results.pane;
  let paneGzip: number | undefined;
  if (pane) {
    const loaded = new Set(pane.load?.scripts ?? []);
    const pageFiles = pane.files.filter((f) => loaded.has(f.file) || f.file.startsWith("taskpane."));
    paneGzip = pageFiles.reduce((s, f) => s + f.gzipBytes, 0);
    out.push(`Production build (\`webpack --mode production\`, ${s2(pane.buildMs)} s). Scripts without office.js, gzipped (level 9); the ones the pane's page loaded in Chromium are marked.\n`);
    out.push(table(["script", "bytes", "gzipped (KB)", "loaded by the pane"], pane.files.map((f) => [f.file, n0(f.bytes), kb(f.gzipBytes), loaded.has(f.file) ? "yes" : ""])));
    out.push(`\nThe pane's page loads ${kb(paneGzip)} KB gzipped without office.js (all scripts of the build: ${kb(pane.files.reduce((s, f) => s + f.gzipBytes, 0))} KB).\n`);
    if (pane.load) {
      const ready = [...pane.load.readyMs].sort((a, b) => a - b);
      out.push(`Page load to ready (the pane outside Office, served from 127.0.0.1, fresh browser context each time, until its open button shows), headless Chromium, ${ready.length} loads: median ${n0(ready[Math.floor((ready.length - 1) / 2)])} ms (${ready.map(n0).join(", ")} ms).\n`);
    } else if (pane.chromiumMissing) {
      out.push(`Load time not measured: ${pane.chromiumMissing}.\n`);
    }
  }

  // Goals
  out.push("\n## Goals\n");
  const e = largest?.engine;
  const c = largest?.cli;
  const excel = sizes.filter((s) => s.excel).map((s) => s.excel!);
  const lo = largest?.lo;
  const goals: [string, string, boolean | undefined][] = [
    ["1", `at least ${n0(GOALS.rowsPerSecond)} report rows per second (analyse, ${largest ? label(largest.size) : "–"})`, e ? e.rows / (e.analyseMs / 1000) >= GOALS.rowsPerSecond : undefined],
    ["2", `command line under ${GOALS.cliOverRead}× the bare read (${largest ? label(largest.size) : "–"})`, c ? c.cliMs / c.readMs < GOALS.cliOverRead : undefined],
    ["2", `command line peak memory under ${GOALS.cliRssMb} MB (${largest ? label(largest.size) : "–"})`, c ? c.cliRssMb < GOALS.cliRssMb : undefined],
    ["3", `a constant number of syncs until payloads need chunking (${excel.length ? fixedSyncs(excel[0]) : "–"} fixed, + 1 per chunk)`, excel.length ? constantSyncs(excel) : undefined],
    ["3", "no request over 5 MB", excel.length ? excel.every((x) => x.largestRequest <= GOALS.requestBytes && x.failed === 0) : undefined],
    ["3", `bytes read within ${GOALS.bytesOverValues}× of the used ranges' values`, excel.length ? excel.every((x) => x.bytesReceived <= GOALS.bytesOverValues * x.usedRangeBytes) : undefined],
    ["4", `LibreOffice opens the result in under ${GOALS.loResultOverInput}× the input's time (${largest ? label(largest.size) : "–"})`, lo ? lo.resultMs / lo.inputMs < GOALS.loResultOverInput && lo.differing === 0 : undefined],
    ["6", `task pane under ${GOALS.paneGzipKb} KB gzipped without office.js`, paneGzip === undefined ? undefined : paneGzip / 1024 < GOALS.paneGzipKb],
  ];
  out.push(table(["#", "goal", "status"], goals.map(([i, g, ok]) => [i, g, mark(ok)]), 3));
  out.push("");
  out.push(...notes(results, goals));
  return `${out.join("\n")}\n`;
}

/** For each goal not met: what stands in the way and what would remove it, with this run's figures. */
function notes(results: Results, goals: readonly [string, string, boolean | undefined][]): string[] {
  const largest = results.sizes[results.sizes.length - 1];
  if (!largest) return [];
  const missed = (n: number) => goals[n]?.[2] === false;
  const out: string[] = ["## What stands in the way\n"];
  const e = largest.engine;
  const c = largest.cli;
  const p = results.phases;
  const gc = results.profile?.top.find((t) => t.name === "(garbage collector)");
  const indexMb = p?.mb.rowIndex && p.mb.model ? p.mb.rowIndex.externalMb - p.mb.model.externalMb : undefined;
  if (missed(0) && e) {
    out.push(
      `**Engine, ${n0(e.rows / (e.analyseMs / 1000))} rows per second against ${n0(GOALS.rowsPerSecond)}.** The time is spread over passes that each touch every row: the reader turning the grid into the model's rows, ` +
        `the row index the checks share (copying every row into columns; on a large workbook its${indexMb ? ` ${n0(indexMb)} MB of` : ""} new typed arrays also set off a full garbage collection while the heap holds the grid and the model, about 0.25 s at 12 × 50 000 rows by \`node --trace-gc\`), ` +
        `the thirty-odd checks and four summaries over those columns, and garbage collection${gc ? ` (${n1(gc.share * 100)} % of the profile)` : ""}. ` +
        "What stands in the way is the model's shape: every report row is a `ReportRow` object with an `Amounts` object (23 fields, nine boxed numbers), made once and read again by the index; " +
        "that costs about a microsecond a row on this machine before any check runs. " +
        "What would remove it: a columnar model (amounts in `Float64Array`s, keys as interned ids, as the row index already is) that the reader fills directly and checks, summaries and plan read, " +
        "with row objects made only for the rows a finding or a host asks about. It changes `WorkbookModel.rows`, which every check, summary, host and test uses, so it is a change of contract, not a local optimisation.\n",
    );
  }
  if (missed(1) && c) {
    const exceljs = c.exceljsMs === undefined ? "" : ` (ExcelJS's streaming reader takes ${n1(c.exceljsMs / c.readMs)}× as long; against it the command line takes ${n2(c.cliMs / c.exceljsMs)}×)`;
    out.push(
      `**Command line, ${n2(c.cliMs / c.readMs)}× the bare read against ${GOALS.cliOverRead}×.** The bare read is Balans's own reader, the fastest available here${exceljs}. ` +
        (p ? `After reading the cells, the command line's own work is the reader's model, the row index, checks and summaries, the plan and the written result (section 2's phases). ` : "") +
        `Within ${GOALS.cliOverRead}× all of it would have to fit in ${s2(c.readMs * (GOALS.cliOverRead - 1))} s. ` +
        "What would remove it: the columnar model above (model, index and checks in one pass), the worksheet parser writing the model's columns as it parses instead of a grid of cells, " +
        "and a lighter keys sheet (the plan and the writing are mostly its cells: one numeric key per report row that a SUMIFS sums by category or hired-staff class).\n",
    );
  }
  if (missed(2) && c) {
    const m = p?.mb;
    const parts = m?.start && m.model && m.rowIndex && m.plan && m.analyse
      ? ` While the plan is built, the model (${n0(m.model.heapMb - m.start.heapMb)} MB), the row index (${n0(m.rowIndex.externalMb - m.model.externalMb)} MB), the plan (${n0(m.plan.heapMb - m.analyse.heapMb)} MB) and the input file (${n0(m.start.externalMb)} MB) are alive together; ` +
        "the peak comes a moment later, when writing the result starts before the collector has reclaimed the model, and Node's own share and the collector's headroom come on top."
      : "";
    out.push(
      `**Command line, peak memory ${n0(c.cliRssMb)} MB against ${GOALS.cliRssMb} MB.** The grid is no longer what stands in the way: the report sheets are read one at a time and let go once the model is read.${parts} ` +
        `The model is about ${e ? n0(((p?.mb.model?.heapMb ?? 0) - (p?.mb.start?.heapMb ?? 0)) * 1e6 / e.rows) : "–"} bytes per report row (the row and amounts objects and their boxed numbers). ` +
        "What would remove it is the same columnar model: about 100 bytes a row, and no separate index.\n",
    );
  }
  for (let g = 3; g < goals.length; g++) if (missed(g)) out.push(`**${goals[g][1]}**: not met in this run; section ${goals[g][0]} has the figures.\n`);
  if (!goals.some(([, , ok]) => ok === false)) out.push("Every goal measured here is met.\n");
  return out;
}

/** Round trips that are not payload chunks: the read's listing and probing, the write's look at the workbook. */
function fixedSyncs(e: ExcelResult): number {
  return e.readSyncs - e.readChunks + 1;
}

/** The round trips besides the payload chunks are the same at every size. */
function constantSyncs(runs: readonly ExcelResult[]): boolean {
  return runs.every((r) => fixedSyncs(r) === fixedSyncs(runs[0]) && r.syncs === r.readSyncs + r.writeSyncs);
}
