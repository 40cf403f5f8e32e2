import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Message, WritePlan } from "../core/types";
import { isXlsxError } from "../xlsx/errors";
import { newWorkbookFromPlan } from "../xlsx/newWorkbook";
import { applyPlanToXlsx } from "../xlsx/writeXlsx";
import { nodeZipOptions } from "./nodeZip";
import { planAsValues } from "./planAsValues";

/** What the command line needs of a file: enough to tell whether it changed since it was read. */
export interface FileStamp {
  readonly isDirectory: boolean;
  readonly size: number;
  readonly mtimeMs: number;
  /** Editors that save by writing a new file and renaming it over the old one change this. */
  readonly ino: number;
}

/** The file operations of the command line, replaceable in tests (a disk that fills up, a rename that fails). */
export interface Files {
  stat(path: string): FileStamp;
  read(path: string): Uint8Array;
  write(path: string, data: Uint8Array): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
  mkdir(path: string): void;
}

export const nodeFiles: Files = {
  stat: (path) => {
    const s = statSync(path);
    return { isDirectory: s.isDirectory(), size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
  },
  read: (path) => new Uint8Array(readFileSync(path)),
  write: (path, data) => writeFileSync(path, data),
  rename: (from, to) => renameSync(from, to),
  remove: (path) => rmSync(path, { force: true }),
  mkdir: (path) => void mkdirSync(path, { recursive: true }),
};

/** A reason the run cannot go on, told to the user in one line. */
export class Unusable extends Error {
  constructor(readonly reason: Message) {
    super(reason.en);
  }
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

export const CHANGED_WHILE_CHECKING: Message = {
  sv: "Arbetsboken ändrades medan Balans kontrollerade den; inget har skrivits. Kör Balans igen.",
  en: "The workbook changed while Balans was checking it; nothing was written. Run Balans again.",
};

export interface WriteOptions {
  /** Called after the result is complete on disk and before it replaces the target; throwing leaves the target as it was. */
  readonly beforeReplace?: () => void;
}

/**
 * Writes the result beside a temporary name and renames it into place, so a failure
 * half-way never leaves a partial file (and never touches the input unless asked): the
 * previous file at the target stays as it was and the temporary file is removed. A
 * workbook the package editor cannot write into safely gets a separate workbook with
 * the summaries as values. A file that cannot be written (no permission, disk full) is
 * a one-line reason, not a crash.
 */
export function writeResult(files: Files, input: Uint8Array, plan: WritePlan, target: string, options: WriteOptions = {}): { path: string; separate: boolean } {
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
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    files.mkdir(dirname(path));
    files.write(temporary, output);
    options.beforeReplace?.();
    files.rename(temporary, path);
  } catch (error) {
    if (error instanceof Unusable) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new Unusable({ sv: `Kan inte skriva ${path} (${code}); inget har ändrats.`, en: `Cannot write ${path} (${code}); nothing was changed.` });
  } finally {
    try {
      files.remove(temporary);
    } catch {
      // Nothing more to do: the reason above is the news.
    }
  }
  return { path, separate };
}
