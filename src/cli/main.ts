import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { runBalans } from "../core/engine";
import { keyFigures } from "../core/keyFigures";
import type { Language, WritePlan } from "../core/types";
import { isXlsxError } from "../xlsx/errors";
import { newWorkbookFromPlan } from "../xlsx/newWorkbook";
import { readXlsx } from "../xlsx/readXlsx";
import { applyPlanToXlsx } from "../xlsx/writeXlsx";
import { ArgumentError, parseArgs, USAGE } from "./args";
import { nodeZipOptions } from "./nodeZip";
import { planAsValues } from "./planAsValues";
import { summaryText } from "./summaryText";

/** Exit codes: 0 the check ran (whatever it found), 1 a bug, 2 unusable input or arguments. */
export const EXIT_OK = 0;
export const EXIT_UNUSABLE = 2;

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** A reason the run cannot go on, told to the user in one line. */
export class Unusable extends Error {
  constructor(readonly reason: { sv: string; en: string }) {
    super(reason.en);
  }
}

/**
 * `balans check <workbook.xlsx> [--out result.xlsx | --in-place] [--json] [--lang sv|en]`.
 * Returns the exit code; never throws for bad input.
 */
export function main(argv: readonly string[], io: Io, today = new Date()): number {
  let language: Language = "sv";
  try {
    const args = parseArgs(argv);
    language = args.language;
    if (args.help) {
      io.out(USAGE);
      return EXIT_OK;
    }
    const input = resolve(args.workbook);
    let bytes: Uint8Array;
    try {
      if (statSync(input).isDirectory()) throw new Unusable({ sv: `${args.workbook} är en mapp, inte en arbetsbok.`, en: `${args.workbook} is a folder, not a workbook.` });
      bytes = new Uint8Array(readFileSync(input));
    } catch (error) {
      if (error instanceof Unusable) throw error;
      throw new Unusable({ sv: `Kan inte läsa ${args.workbook}: filen finns inte eller går inte att öppna.`, en: `Cannot read ${args.workbook}: the file does not exist or cannot be opened.` });
    }
    const snapshot = readXlsx(bytes, { name: basename(input), ...nodeZipOptions() });
    const result = runBalans(snapshot, { language, today: { year: today.getFullYear(), month: today.getMonth() + 1 } });
    if (result.analysis.model.reportSheets.length === 0) {
      const reason = result.analysis.findings.find((f) => f.rule === "READ-NO-REPORT-SHEETS")?.message;
      throw new Unusable(reason ?? { sv: "Arbetsboken har inga månadsrapporter.", en: "The workbook has no monthly reports." });
    }

    let written: { path: string; separate: boolean } | undefined;
    const target = args.inPlace ? input : args.out ? resolve(args.out) : undefined;
    if (target) {
      if (target === input && !args.inPlace) {
        throw new Unusable({ sv: "--out pekar på indatafilen; använd --in-place för att skriva i den.", en: "--out points at the input file; use --in-place to write into it." });
      }
      written = writeResult(bytes, result.plan, target);
    }

    if (args.json) {
      io.out(JSON.stringify(result.report, null, 2));
    } else {
      io.out(summaryText(result.analysis, keyFigures(result.analysis), language));
    }
    if (written) {
      const where = written.separate
        ? { sv: `Arbetsboken kunde inte skrivas i säkert; sammanställningarna (som värden) finns i ${written.path}`, en: `The workbook could not be written into safely; the summaries (as values) are in ${written.path}` }
        : { sv: `Resultat: ${written.path}`, en: `Result: ${written.path}` };
      (args.json ? io.err : io.out)(where[language]);
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof Unusable || error instanceof ArgumentError) {
      io.err(`balans: ${error.reason[language]}`);
      return EXIT_UNUSABLE;
    }
    if (isXlsxError(error)) {
      io.err(`balans: ${error.message[language]}`);
      return EXIT_UNUSABLE;
    }
    const text = error instanceof Error ? error.message : String(error);
    io.err(language === "sv" ? `balans: oväntat fel (${text}). Rapportera gärna det här.` : `balans: unexpected error (${text}). Please report it.`);
    return 1;
  }
}

/**
 * Writes the result beside a temporary name and renames it into place, so a failure
 * half-way never leaves a partial file (and never touches the input unless asked).
 * A workbook the package editor cannot write into safely gets a separate workbook with
 * the summaries as values.
 */
function writeResult(input: Uint8Array, plan: WritePlan, target: string): { path: string; separate: boolean } {
  let output: Uint8Array;
  let path = target;
  let separate = false;
  try {
    output = applyPlanToXlsx(input, plan, nodeZipOptions());
  } catch (error) {
    if (!isXlsxError(error) || error.code !== "strict-ooxml") throw error;
    output = newWorkbookFromPlan(planAsValues(plan));
    path = target.replace(/(\.xls[xm])?$/i, "-balans.xlsx");
    separate = true;
  }
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, output);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
  return { path, separate };
}

/** Entry point of the npm bin. */
export function runFromProcess(): void {
  // A reader that stops early (`balans check … --json | head`) is not an error of ours.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  const code = main(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
  process.exitCode = code;
}

if (require.main === module) runFromProcess();
