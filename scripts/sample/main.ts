/**
 * `npm run sample`: writes the sample workbook and, beside it, the list of planted problems.
 *
 *   node build/scripts/sample/main.js                      samples/region-mittland-2024.xlsx
 *   node build/scripts/sample/main.js --rows 50000 --months 12 --no-problems --out bench/out/region-50k.xlsx
 *   node build/scripts/sample/main.js --shape ledger --out test-output/ledger.xlsx
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { generateRegion, SAMPLE_OPTIONS, type GenerateOptions } from "./generate";
import { writeWorkbook } from "./writeWorkbook";

export const DEFAULT_OUT = "samples/region-mittland-2024.xlsx";

const USAGE = `Usage: npm run sample -- [--rows N] [--months M] [--no-problems] [--shape month|ledger] [--seed S] [--out PATH]
  --rows N        detail rows per month (scales the number of cost centres); default: the region's 40 cost centres
  --months M      months from January, 1–12 (default 10: January–October, June's sheet missing when planting)
  --no-problems   plant no problems (benchmark workbooks)
  --shape ledger  one sheet "Huvudbok 2024" with a Period column instead of month sheets
  --seed S        random seed (default ${SAMPLE_OPTIONS.seed})
  --out PATH      where to write the .xlsx (default ${DEFAULT_OUT}); the planted list goes to PATH with .planted.json`;

export interface Command {
  readonly options: GenerateOptions;
  readonly out: string;
}

export function parseArgs(args: readonly string[]): Command {
  let seed = SAMPLE_OPTIONS.seed;
  let rowsPerMonth: number | undefined;
  let months: number | undefined;
  let plantProblems = true;
  let shape: "month" | "ledger" = "month";
  let out = DEFAULT_OUT;
  const integer = (flag: string, text: string | undefined): number => {
    const n = Number(text);
    if (text === undefined || !Number.isInteger(n)) throw new Error(`${flag} needs a whole number\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--rows") rowsPerMonth = integer(arg, args[++i]);
    else if (arg === "--months") months = integer(arg, args[++i]);
    else if (arg === "--seed") seed = integer(arg, args[++i]);
    else if (arg === "--no-problems") plantProblems = false;
    else if (arg === "--shape") {
      const value = args[++i];
      if (value !== "month" && value !== "ledger") throw new Error(`--shape is month or ledger\n${USAGE}`);
      shape = value;
    } else if (arg === "--out") {
      const value = args[++i];
      if (!value) throw new Error(`--out needs a path\n${USAGE}`);
      out = value;
    } else throw new Error(`Unknown argument ${arg}\n${USAGE}`);
  }
  return { options: { seed, rowsPerMonth, months, plantProblems, shape }, out };
}

export function plantedPath(out: string): string {
  return out.replace(/\.xlsx$/i, "") + ".planted.json";
}

/** The planted JSON: what a test of the engine compares its findings with. */
export function plantedJsonOf(book: ReturnType<typeof generateRegion>, out: string): string {
  const file = out.split(/[\\/]/).pop();
  const content = {
    workbook: file,
    regenerate: "npm run sample",
    generator: book.parameters,
    planted: book.planted,
    commentsLeftOut: book.commentsLeftOut,
  };
  return JSON.stringify(content, null, 2) + "\n";
}

async function main(): Promise<void> {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const command = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const book = generateRegion(command.options);
  mkdirSync(dirname(command.out), { recursive: true });
  await writeWorkbook(book, command.out);
  writeFileSync(plantedPath(command.out), plantedJsonOf(book, command.out));
  const rows = book.sheets.reduce((n, s) => n + s.rowCount, 0);
  console.log(
    `Wrote ${command.out}: ${book.sheets.length} sheets, ${rows} rows, ${book.planted.length} planted problems ` +
      `(${((Date.now() - started) / 1000).toFixed(1)} s); planted list in ${plantedPath(command.out)}`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
