/**
 * The benchmark's input workbooks: the sample generator's region (no planted problems)
 * at growing sizes, written with the fast writer and cached under bench/out/ by size, so
 * a second run does not regenerate them.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateRegion } from "../scripts/sample/generate";
import type { SampleSheet } from "../scripts/sample/description";
import { writeBenchXlsx, type BenchSheet } from "./xlsxWriter";

export interface Size {
  readonly months: number;
  readonly rows: number;
}

/** 1 and 12 months × 5 000, 20 000 and 50 000 detail rows a month. */
export const SIZES: readonly Size[] = [
  { months: 1, rows: 5_000 },
  { months: 1, rows: 20_000 },
  { months: 1, rows: 50_000 },
  { months: 12, rows: 5_000 },
  { months: 12, rows: 20_000 },
  { months: 12, rows: 50_000 },
];

export const SEED = 2024;
/** Raise when the writer's output changes, so cached inputs are written again. */
const WRITER_VERSION = 1;

export const OUT_DIR = join(__dirname, "..", "..", "bench", "out");

export function sizeLabel(size: Size): string {
  return `${size.months} × ${size.rows.toLocaleString("en-US")}`;
}

export function sizeKey(size: Size): string {
  return `${size.months}x${size.rows}`;
}

export function inputPath(size: Size): string {
  return join(OUT_DIR, `input-${sizeKey(size)}-v${WRITER_VERSION}.xlsx`);
}

/**
 * The generated region as bench sheets. `divisionOnEveryRow` writes the division on each
 * detail row instead of once above its block (the hand-built SUMIFS comparison needs it).
 */
export function regionSheets(size: Size, options: { divisionOnEveryRow?: boolean } = {}): { sheets: BenchSheet[]; detailRows: number } {
  const book = generateRegion({ seed: SEED, rowsPerMonth: size.rows, months: size.months, plantProblems: false });
  const sheets = book.sheets.map((sheet) => (options.divisionOnEveryRow ? fillDivision(sheet) : sheet));
  return { sheets, detailRows: Number(book.parameters.detailRowsPerMonth) * size.months };
}

/** Fills the division column (A) down through the detail rows below the header. */
function fillDivision(sheet: SampleSheet): BenchSheet {
  if (!/ \d{4}$/.test(sheet.name)) return sheet;
  return {
    ...sheet,
    rows: {
      *[Symbol.iterator]() {
        let division: string | null = null;
        let number = 0;
        for (const row of sheet.rows) {
          number++;
          const first = row.values[0];
          const isTotal = typeof first === "string" && /^(Summa|Totalt) /.test(first);
          if (number > 4 && !isTotal && row.values.length > 1) {
            if (typeof first === "string" && first !== "") division = first;
            yield first === null || first === "" ? { ...row, values: [division, ...row.values.slice(1)] } : row;
          } else {
            yield row;
          }
        }
      },
    },
  };
}

/** Writes the input for a size unless it is cached; returns its path. */
export function ensureInput(size: Size, log: (text: string) => void): string {
  const path = inputPath(size);
  if (existsSync(path)) return path;
  mkdirSync(OUT_DIR, { recursive: true });
  const started = performance.now();
  const bytes = writeBenchXlsx(regionSheets(size).sheets);
  writeFileSync(`${path}.tmp`, bytes);
  renameSync(`${path}.tmp`, path);
  log(`wrote ${path} (${(bytes.length / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return path;
}
