import { OWNER_NAME, type SheetSnapshot, type WorkbookSnapshot } from "../core/types";
import { wrapErrors, xlsxError } from "./errors";
import { readCellFormats } from "./numberFormats";
import { relKind, resolveTarget } from "./opc";
import { readSharedStrings } from "./read/richText";
import { readWorksheet, type SheetGrid } from "./read/worksheet";
import { type DefinedName, openWorkbookPackage, readPartIfPresent } from "./workbookPackage";
import type { ZipOptions } from "./zip";

/** `limits` bound what a file may declare (zip bombs); `inflateRaw` may be a native inflater. */
export interface ReadXlsxOptions extends ZipOptions {
  /** The workbook's name in the snapshot (the file name); defaults to `workbook.xlsx`. */
  readonly name?: string;
  /** How much filled content a workbook may hold before it is refused as too large (default `READ_LIMITS`). */
  readonly contentLimits?: ContentLimits;
}

export interface ContentLimits {
  /** Rows with at least one filled cell, over all worksheets. */
  readonly filledRows: number;
  /** Filled cells over all worksheets. */
  readonly filledCells: number;
}

/**
 * What Balans reads at most. Memory grows with the filled cells; the benchmark's largest
 * workbook (12 months of 50 000 rows, about 7 million cells) stays well inside these, and
 * a workbook past them is refused with a reason (exit 2 on the command line) rather than
 * exhausting the memory of a browser tab or of Excel's add-in runtime half-way. A sheet
 * that merely reaches far down (one stray cell in row 1 048 576) is not affected: empty
 * rows do not count.
 */
export const READ_LIMITS: ContentLimits = { filledRows: 1_000_000, filledCells: 16_000_000 };

function formatCount(n: number, language: "sv" | "en"): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, language === "sv" ? "\u00a0" : ",");
}

/**
 * The text of a string-literal defined name (`"balans:variance"`, also with a leading
 * `=`); undefined for anything else (a reference, a formula).
 */
export function stringLiteral(value: string): string | undefined {
  const m = /^\s*=?\s*"((?:[^"]|"")*)"\s*$/.exec(value);
  return m ? m[1].replace(/""/g, '"') : undefined;
}

/** The owner mark of each sheet (by index in `<sheets>`), from sheet-scoped `BalansOwner` names. */
export function ownerMarks(names: readonly DefinedName[]): Map<number, string> {
  const marks = new Map<number, string>();
  for (const name of names) {
    if (name.localSheetId === undefined || name.name.toLowerCase() !== OWNER_NAME.toLowerCase()) continue;
    const mark = stringLiteral(name.value);
    if (mark !== undefined) marks.set(name.localSheetId, mark);
  }
  return marks;
}

/** A worksheet of the package, before its cells are read. */
interface WorksheetSource {
  readonly index: number;
  readonly name: string;
  readonly visibility: SheetSnapshot["visibility"];
  readonly ownerMark: string | undefined;
  /** Uncompressed size of the part. */
  readonly size: number;
  /** Reads the cells (`scratch`: a buffer the part may be inflated into). */
  grid(scratch?: Uint8Array): SheetGrid;
}

/** Opens the package and lists its worksheets; their cells are read only when asked for, within the content limits. */
function worksheets(bytes: Uint8Array, options: ReadXlsxOptions): { sources: WorksheetSource[]; date1904: boolean } {
  const pkg = openWorkbookPackage(bytes, options);
  const { zip, workbookPart } = pkg;
  const partOf = (kind: string) => {
    const rel = pkg.workbookRels.find((r) => relKind(r.type) === kind && !r.external);
    return rel ? resolveTarget(workbookPart, rel.target) : undefined;
  };
  const sharedStringsPart = partOf("sharedStrings");
  const stylesPart = partOf("styles");
  const sharedStrings = sharedStringsPart ? readSharedStrings(readPartIfPresent(zip, sharedStringsPart) ?? "") : [];
  const stylesXml = stylesPart ? readPartIfPresent(zip, stylesPart) : undefined;
  const cellFormats = stylesXml ? readCellFormats(stylesXml) : [];
  const marks = ownerMarks(pkg.definedNames);
  const limits = options.contentLimits ?? READ_LIMITS;
  let filledRows = 0;
  let filledCells = 0;
  const counted = new Set<number>();
  const sources: WorksheetSource[] = [];
  pkg.sheets.forEach((sheet, index) => {
    if (sheet.kind !== "worksheet") return;
    const part = sheet.part;
    if (!part) throw xlsxError("corrupt", { sv: `Bladet ${sheet.name} saknas i filen.`, en: `Sheet ${sheet.name} is missing from the file.` });
    sources.push({
      index,
      name: sheet.name,
      visibility: sheet.visibility,
      ownerMark: marks.get(index),
      size: zip.entry(part)?.size ?? 0,
      grid: (scratch) => {
        // The grid keeps nothing of the part's bytes (texts are decoded copies), so a scratch buffer can be reused.
        const grid = readWorksheet(zip.read(part, scratch), { sharedStrings, cellFormats, date1904: pkg.date1904 });
        if (counted.has(index)) return grid;
        counted.add(index);
        // Counted sheet by sheet, so a workbook past the limits is refused after one sheet too many, not after all of them.
        for (const row of grid.rows) {
          let cells = 0;
          if (row) for (const value of row) if (value !== null && value !== undefined) cells++;
          if (cells > 0) filledRows++;
          filledCells += cells;
        }
        if (filledRows > limits.filledRows || filledCells > limits.filledCells) {
          const rows = filledRows > limits.filledRows;
          const limit = rows ? limits.filledRows : limits.filledCells;
          throw xlsxError("too-large", {
            sv: `Den har fler än ${formatCount(limit, "sv")} ifyllda ${rows ? "rader" : "celler"}; Balans läser högst så många.`,
            en: `It has more than ${formatCount(limit, "en")} filled ${rows ? "rows" : "cells"}; Balans reads at most that many.`,
          });
        }
        return grid;
      },
    });
  });
  return { sources, date1904: pkg.date1904 };
}

function sheetOf(source: WorksheetSource, grid: SheetGrid): SheetSnapshot {
  return {
    name: source.name,
    top: grid.top,
    left: grid.left,
    rows: grid.rows,
    ...(grid.numberFormats ? { numberFormats: grid.numberFormats } : {}),
    visibility: source.visibility,
    ...(source.ownerMark !== undefined ? { ownerMark: source.ownerMark } : {}),
  };
}

/**
 * Reads an .xlsx (or .xlsm) into a snapshot: every worksheet's used range as values
 * (formulas give their cached results), number formats where not General, visibility and
 * owner marks. Chart sheets, dialog and macro sheets are left out. Parts are inflated and
 * parsed one at a time. Throws only `XlsxError`.
 */
export function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): WorkbookSnapshot {
  return wrapErrors(() => {
    const { sources, date1904 } = worksheets(bytes, options);
    // One buffer, as large as the largest worksheet, serves every sheet in turn.
    const scratch = new Uint8Array(Math.max(0, ...sources.map((s) => s.size)));
    const sheets = sources.map((source) => sheetOf(source, source.grid(scratch)));
    return { name: options.name ?? "workbook.xlsx", sheets, date1904 };
  });
}

/** Worksheets up to this size (uncompressed XML) stay read once read; larger ones are read again when asked for after another. */
const KEPT_PART_BYTES = 2_000_000;

/**
 * The same snapshot as `readXlsx`, but each worksheet's cells are read when first asked
 * for (its `top`, `left`, `rows`, `numberFormats`), and of the large worksheets only the
 * last one read stays in memory: the whole workbook's cells never sit in memory at once.
 * For a reader that visits each large sheet once, as `readWorkbook` does; reading a large
 * sheet again after another costs a second parse. Errors (`XlsxError`) come when a sheet
 * is read, not when the package is opened.
 */
export function readXlsxLazily(bytes: Uint8Array, options: ReadXlsxOptions = {}): WorkbookSnapshot {
  return wrapErrors(() => {
    const { sources, date1904 } = worksheets(bytes, options);
    let lastLarge: { source: WorksheetSource; grid: SheetGrid } | undefined;
    let scratch: Uint8Array | undefined;
    const sheets = sources.map((source): SheetSnapshot => {
      let kept: SheetGrid | undefined;
      const grid = (): SheetGrid => {
        if (kept) return kept;
        if (lastLarge?.source === source) return lastLarge.grid;
        // For the portable inflater, one buffer as large as the largest worksheet serves every
        // sheet in turn (a native inflater makes its own).
        if (!options.inflateRaw) scratch ??= new Uint8Array(Math.max(0, ...sources.map((s) => s.size)));
        const read = wrapErrors(() => source.grid(scratch));
        if (source.size <= KEPT_PART_BYTES) kept = read;
        else lastLarge = { source, grid: read };
        return read;
      };
      const sheet = { name: source.name, visibility: source.visibility } as SheetSnapshot;
      Object.defineProperties(sheet, {
        top: { enumerable: true, get: () => grid().top },
        left: { enumerable: true, get: () => grid().left },
        rows: { enumerable: true, get: () => grid().rows },
        numberFormats: { enumerable: true, get: () => grid().numberFormats },
      });
      if (source.ownerMark !== undefined) Object.defineProperty(sheet, "ownerMark", { enumerable: true, value: source.ownerMark });
      return sheet;
    });
    return { name: options.name ?? "workbook.xlsx", sheets, date1904 };
  });
}
