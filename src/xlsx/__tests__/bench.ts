/**
 * Measures the reader and the writer on large inputs (not a test: timings vary by machine).
 * Build and run (NODE_PATH so the compiled copy finds fflate):
 *   npx tsc --outDir /tmp/xlsx-bench --module commonjs --target es2022 --esModuleInterop --skipLibCheck src/xlsx/__tests__/bench.ts
 *   export NODE_PATH=$PWD/node_modules
 *   node /tmp/xlsx-bench/xlsx/__tests__/bench.js generate /tmp/big.xlsx 12 50000
 *   /usr/bin/time -v node /tmp/xlsx-bench/xlsx/__tests__/bench.js read /tmp/big.xlsx [native]
 *   node /tmp/xlsx-bench/xlsx/__tests__/bench.js write /tmp/big.xlsx 10000
 * `native` reads with Node's zlib instead of fflate (faster, but a new buffer per sheet).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import type { PlanCell, WritePlan } from "../../core/types";
import { readXlsx } from "../readXlsx";
import { applyPlanToXlsx } from "../writeXlsx";
import { handPackage, worksheetXml } from "./packages";

function generate(path: string, sheets: number, rows: number): void {
  const sheetParts = [];
  for (let s = 0; s < sheets; s++) {
    const out: string[] = [];
    out.push(`<row r="1">${["Förvaltning", "Ansvar", "Konto", "Kontonamn", "Kostnadsslag", "Budget", "Utfall", "Avvikelse", "Utfall fg år", "Budget ack", "Utfall ack", "Årsbudget", "Prognos", "Kommentar"].map((h, c) => `<c r="${String.fromCharCode(65 + c)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join("")}</row>`);
    for (let r = 2; r <= rows + 1; r++) {
      let row = `<row r="${r}">`;
      row += `<c r="A${r}" t="s"><v>${r % 7}</v></c><c r="B${r}"><v>${1000 + (r % 300)}</v></c><c r="C${r}"><v>${6000 + (r % 900)}</v></c><c r="D${r}" t="s"><v>${7 + (r % 40)}</v></c><c r="E${r}" t="s"><v>${47 + (r % 5)}</v></c>`;
      for (let c = 5; c < 13; c++) row += `<c r="${String.fromCharCode(65 + c)}${r}" s="1"><v>${((r * 31 + c * 17) % 100000) / 10}</v></c>`;
      if (r % 10 === 0) row += `<c r="N${r}" t="s"><v>52</v></c>`;
      out.push(row + "</row>");
    }
    sheetParts.push({ name: `Månad ${s + 1}`, xml: worksheetXml(out.join("")) });
  }
  const strings = [...Array(53).keys()].map((i) => `<si><t>Text nummer ${i}</t></si>`).join("");
  const bytes = handPackage({
    sheets: sheetParts,
    sharedStrings: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings}</sst>`,
    styles: `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
  });
  writeFileSync(path, bytes);
  console.log(`wrote ${path}: ${(bytes.length / 1e6).toFixed(1)} MB`);
}

function read(path: string, native: boolean): void {
  const bytes = new Uint8Array(readFileSync(path));
  const start = performance.now();
  const cpu = process.cpuUsage();
  const inflateRaw = (data: Uint8Array, size: number) => (size === 0 ? new Uint8Array(0) : inflateRawSync(data, { maxOutputLength: size, chunkSize: Math.max(64, size) }));
  const snapshot = readXlsx(bytes, native ? { inflateRaw } : {});
  const ms = performance.now() - start;
  const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
  const cells = snapshot.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.length, 0), 0);
  console.log(`read ${snapshot.sheets.length} sheets, ${cells} cells in ${ms.toFixed(0)} ms (${cpuMs.toFixed(0)} ms CPU); heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
}

function write(path: string, cellCount: number): void {
  const bytes = new Uint8Array(readFileSync(path));
  const columns = 10;
  const cells: PlanCell[][] = [];
  for (let r = 0; r < cellCount / columns; r++) {
    cells.push([...Array(columns).keys()].map((c): PlanCell => (c === 0 ? { text: `Rad ${r}` } : c === 9 ? { formula: `B${r + 1}-C${r + 1}`, value: 1 } : { number: r * c })));
  }
  const plan: WritePlan = {
    remove: [],
    styles: { amount: { numberFormat: "#,##0" } },
    sheets: [{ kind: "variance", name: "Balans avvikelse", blocks: [{ top: 0, left: 0, cells }], styleRuns: [{ range: { top: 0, left: 1, bottom: cells.length - 1, right: 9 }, style: "amount" }], columnWidths: [20], tables: [], conditionalFormats: [], charts: [] }],
  };
  // The first run includes compiling the code; the later ones are what a long-lived host sees.
  for (let run = 1; run <= 4; run++) {
    const start = performance.now();
    const out = applyPlanToXlsx(bytes, plan);
    console.log(`run ${run}: applied a plan of ${cellCount} cells to ${(bytes.length / 1e6).toFixed(1)} MB in ${(performance.now() - start).toFixed(0)} ms (${(out.length / 1e6).toFixed(1)} MB out)`);
  }
}

const [mode, path, a, b] = process.argv.slice(2);
if (mode === "generate") generate(path, Number(a ?? 12), Number(b ?? 50000));
else if (mode === "read") read(path, a === "native");
else if (mode === "write") write(path, Number(a ?? 10000));
else console.log("usage: bench generate|read|write PATH …");
