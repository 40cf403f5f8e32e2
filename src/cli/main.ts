import { basename, resolve } from "node:path";
import type { Language } from "../core/types";
import { isXlsxError } from "../xlsx/errors";
import { contentTypeOf } from "../xlsx/opc";
import { openWorkbookPackage } from "../xlsx/workbookPackage";
import { ArgumentError, parseArgs, USAGE } from "./args";
import { nodeZipOptions } from "./nodeZip";
import { checkWorkbook } from "./checkWorkbook";
import { CHANGED_WHILE_CHECKING, type FileStamp, type Files, nodeFiles, sameStamp, Unusable, writeResult } from "./writeResult";

export { Unusable } from "./writeResult";

/** Exit codes: 0 the check ran (whatever it found), 1 a bug, 2 unusable input or arguments. */
export const EXIT_OK = 0;
export const EXIT_UNUSABLE = 2;

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/**
 * `balans check <workbook.xlsx> [--out result.xlsx | --in-place] [--json] [--lang sv|en]`.
 * Returns the exit code; never throws for bad input. `files` is Node's file system
 * except in tests.
 */
export function main(argv: readonly string[], io: Io, today = new Date(), files: Files = nodeFiles): number {
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
    let seen: FileStamp;
    try {
      seen = files.stat(input);
      if (seen.isDirectory) throw new Unusable({ sv: `${args.workbook} är en mapp, inte en arbetsbok.`, en: `${args.workbook} is a folder, not a workbook.` });
      bytes = files.read(input);
    } catch (error) {
      if (error instanceof Unusable) throw error;
      throw new Unusable({ sv: `Kan inte läsa ${args.workbook}: filen finns inte eller går inte att öppna.`, en: `Cannot read ${args.workbook}: the file does not exist or cannot be opened.` });
    }
    const options = { language, today: { year: today.getFullYear(), month: today.getMonth() + 1 } };
    const { plan, output } = checkWorkbook(bytes, basename(input), options, args.json);

    let written: { path: string; separate: boolean } | undefined;
    const target = args.inPlace ? input : args.out ? resolve(args.out) : undefined;
    if (target) {
      if (target === input && !args.inPlace) {
        throw new Unusable({ sv: "--out pekar på indatafilen; använd --in-place för att skriva i den.", en: "--out points at the input file; use --in-place to write into it." });
      }
      checkExtension(bytes, target);
      // Writing into the input: if someone saved it meanwhile, their changes would be lost under our result.
      const beforeReplace = args.inPlace
        ? () => {
            if (!sameStamp(files.stat(input), seen)) throw new Unusable(CHANGED_WHILE_CHECKING);
          }
        : undefined;
      written = writeResult(files, bytes, plan, target, { beforeReplace });
    }

    io.out(output);
    if (written) {
      const where = written.separate
        ? { sv: `Arbetsboken kunde inte skrivas i säkert; sammanställningarna (som värden) finns i ${written.path}`, en: `The workbook could not be written into safely; the summaries (as values) are in ${written.path}` }
        : { sv: `Resultat: ${written.path}`, en: `Result: ${written.path}` };
      (args.json ? io.err : io.out)(where[language]);
    }
    return EXIT_OK;
  } catch (error) {
    // A reason is one line, whatever a file name or an error message holds.
    const line = (text: string) => text.replace(/\s*[\r\n]+\s*/g, " ");
    if (error instanceof Unusable || error instanceof ArgumentError) {
      io.err(`balans: ${line(error.reason[language])}`);
      return EXIT_UNUSABLE;
    }
    if (isXlsxError(error)) {
      io.err(`balans: ${line(error.message[language])}`);
      return EXIT_UNUSABLE;
    }
    // One line, whatever the error says.
    const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
    io.err(language === "sv" ? `balans: oväntat fel (${text}). Rapportera gärna det här.` : `balans: unexpected error (${text}). Please report it.`);
    return 1;
  }
}

const MACRO_TYPES = /macroEnabled/i;

/**
 * Excel refuses a file whose extension does not match its content (macros in an .xlsx,
 * none in an .xlsm), so the result must keep the input's kind.
 */
function checkExtension(input: Uint8Array, target: string): void {
  const pkg = openWorkbookPackage(input, nodeZipOptions());
  const macros = MACRO_TYPES.test(contentTypeOf(pkg.contentTypes, pkg.workbookPart) ?? "");
  if (macros && /\.xlsx$/i.test(target)) {
    throw new Unusable({ sv: "Arbetsboken har makron: ge resultatet filändelsen .xlsm.", en: "The workbook has macros: give the result the extension .xlsm." });
  }
  if (!macros && /\.xlsm$/i.test(target)) {
    throw new Unusable({ sv: "Arbetsboken har inga makron: ge resultatet filändelsen .xlsx.", en: "The workbook has no macros: give the result the extension .xlsx." });
  }
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
