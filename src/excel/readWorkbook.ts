import { parseA1, rangeA1 } from "../core/address";
import {
  ERROR_LITERALS,
  OWNER_NAME,
  type CellValue,
  type SheetSnapshot,
  type SheetVisibility,
  type WorkbookSnapshot,
} from "../core/types";
import { ExcelAdapterError, officeErrorCode } from "./errors";
import type { ExcelRun } from "./host";
import { BUILDING_NAME, isTemporaryName } from "./leftovers";
import { DEFAULT_BYTE_BUDGET, gridJsonBytes } from "./payloadSize";

export interface ReadOptions {
  /** Cells one request may read (default 1 000 000; Excel's own ceiling is 5 million). */
  readonly maxCellsPerRequest?: number;
  /** Estimated response bytes one request may bring (default 4 MB; the limit is 5 MB). */
  readonly maxBytesPerRequest?: number;
  /** Bytes per cell assumed until the first values arrive (default 20, on the safe side). */
  readonly initialBytesPerCell?: number;
  /** Cells read so far of all cells to read, after each request. */
  onProgress?(done: number, total: number): void;
  /** Read only the sheets this accepts (by name); the snapshot then holds only those. */
  readonly onlySheets?: (name: string) => boolean;
}

/**
 * Reads every sheet's used range into a snapshot, in one `Excel.run`.
 *
 * Round trips: 2 + the number of value batches. The first sync lists the sheets, the
 * second fetches each sheet's owner mark and used-range size (split-loop pattern). Then
 * the used ranges are read in batches — several ranges per request, a large sheet in row
 * blocks — each kept under the byte budget. The first batch assumes `initialBytesPerCell`;
 * later ones use the bytes per cell actually seen (plus a quarter), so the batch count is
 * about 1 + ⌈1.25 × bytes of the values / budget⌉: one for any workbook below the budget.
 * A payload-size error (or values that come back empty, as Excel on the web does past a
 * limit) halves the batch and retries it. Only `values` are read: no number formats, no
 * value types, so what crosses the wire is the values and little else.
 *
 * Dates stay serial numbers. Office.js does not say whether a workbook uses the 1904 date
 * system, so `date1904` is always false here.
 */
export function readSnapshot(run: ExcelRun, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const maxCells = Math.max(1, options.maxCellsPerRequest ?? 1_000_000);
  const budget = Math.max(1024, options.maxBytesPerRequest ?? DEFAULT_BYTE_BUDGET);

  return run(async (context) => {
    const workbook = context.workbook;
    workbook.load("name");
    const worksheets = workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    await context.sync();

    const wanted = options.onlySheets ?? (() => true);
    const probes = worksheets.items
      .filter((worksheet) => wanted(worksheet.name))
      .map((worksheet) => {
        const mark = worksheet.names.getItemOrNullObject(OWNER_NAME);
        mark.load("value,formula");
        const used = worksheet.getUsedRangeOrNullObject(true);
        used.load("address,rowCount,columnCount");
        // Only a sheet under a temporary name can be a half-built leftover (see leftovers.ts).
        const building = isTemporaryName(worksheet.name) ? worksheet.names.getItemOrNullObject(BUILDING_NAME).load("name") : null;
        return { worksheet, mark, used, building };
      });
    await context.sync();

    const kept = probes.filter(({ building }) => building === null || building.isNullObject);
    const sheets: SheetPlan[] = kept.map(({ worksheet, mark, used }) => {
      const ownerMark = mark.isNullObject ? undefined : ownerMarkOf(mark.value, mark.formula);
      const extent = used.isNullObject ? null : extentOf(used.address, used.rowCount, used.columnCount);
      return {
        name: worksheet.name,
        visibility: visibilityOf(worksheet.visibility),
        ownerMark,
        worksheet,
        extent,
        rows: extent ? new Array<CellValue[]>(extent.rows) : [],
      };
    });

    const total = sheets.reduce((sum, s) => sum + (s.extent ? s.extent.rows * s.extent.columns : 0), 0);
    const progress = { cells: 0, bytes: 0 };
    options.onProgress?.(0, total);

    // Each call reads one batch and then the rest: the number of requests grows with the
    // bytes to read, never with the number of sheets or rows.
    const readFrom = async (cursor: Cursor, bytesPerCell: number, batchBudget: number): Promise<void> => {
      const pieces = planBatch(sheets, cursor, bytesPerCell, batchBudget, maxCells);
      if (pieces.length === 0) return;
      const ranges = pieces.map((piece) => {
        const { extent, worksheet } = sheets[piece.sheet];
        const range = worksheet.getRange(
          rangeA1(extent!.top + piece.row, extent!.left, extent!.top + piece.row + piece.rows - 1, extent!.left + extent!.columns - 1),
        );
        range.load("values");
        return range;
      });
      let failure: unknown = null;
      try {
        await context.sync();
      } catch (error) {
        failure = error;
      }
      const grids = failure === null ? ranges.map((range) => range.values as unknown[][] | null) : [];
      const complete = failure === null && grids.every((grid, i) => isGrid(grid, pieces[i], sheets));
      if (!complete) {
        const code = failure === null ? "ResponsePayloadSizeLimitExceeded" : officeErrorCode(failure);
        const single = pieces.length === 1 && pieces[0].rows === 1;
        if (!PAYLOAD_ERRORS.has(code) || single) {
          throw failure ?? new ExcelAdapterError(code, "Excel returned no values for a range (response too large).");
        }
        return readFrom(cursor, bytesPerCell, batchBudget / 2);
      }
      let bytes = 0;
      let cells = 0;
      pieces.forEach((piece, i) => {
        const grid = grids[i]!;
        const target = sheets[piece.sheet];
        grid.forEach((row, r) => {
          target.rows[piece.row + r] = row.map(cellValueOf);
        });
        bytes += gridJsonBytes(grid);
        cells += piece.rows * target.extent!.columns;
      });
      progress.cells += cells;
      progress.bytes += bytes;
      options.onProgress?.(progress.cells, total);
      const last = pieces[pieces.length - 1];
      const next = { sheet: last.sheet, row: last.row + last.rows };
      const seen = Math.max(4, (progress.bytes / Math.max(1, progress.cells)) * 1.25);
      return readFrom(next, seen, budget);
    };
    await readFrom({ sheet: 0, row: 0 }, Math.max(1, options.initialBytesPerCell ?? 20), budget);

    const snapshotSheets: SheetSnapshot[] = sheets.map((s) => ({
      name: s.name,
      top: s.extent?.top ?? 0,
      left: s.extent?.left ?? 0,
      rows: s.rows,
      visibility: s.visibility,
      ...(s.ownerMark !== undefined ? { ownerMark: s.ownerMark } : {}),
    }));
    return { name: workbook.name, sheets: snapshotSheets, date1904: false };
  });
}

const PAYLOAD_ERRORS = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

interface Extent {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: number;
}

interface SheetPlan {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly ownerMark: string | undefined;
  readonly worksheet: Excel.Worksheet;
  readonly extent: Extent | null;
  readonly rows: CellValue[][];
}

interface Cursor {
  readonly sheet: number;
  /** Row within the sheet's used range. */
  readonly row: number;
}

interface Piece {
  readonly sheet: number;
  readonly row: number;
  readonly rows: number;
}

/**
 * The ranges of the next request, from the cursor on: whole sheets while they fit, a
 * block of rows where one does not. A single row always goes (a row of even 16 384
 * columns is far below the limit).
 */
export function planBatch(
  sheets: readonly { readonly extent: Extent | null }[],
  cursor: Cursor,
  bytesPerCell: number,
  budget: number,
  maxCells: number,
): Piece[] {
  const pieces: Piece[] = [];
  let bytes = 0;
  let cells = 0;
  let { sheet, row } = cursor;
  while (sheet < sheets.length) {
    const extent = sheets[sheet].extent;
    if (!extent || row >= extent.rows) {
      sheet++;
      row = 0;
      continue;
    }
    const rowCells = extent.columns;
    const byBytes = Math.floor((budget - bytes) / (rowCells * bytesPerCell));
    const byCells = Math.floor((maxCells - cells) / rowCells);
    let take = Math.min(extent.rows - row, byBytes, byCells);
    if (take <= 0) {
      if (pieces.length > 0) break;
      take = 1;
    }
    pieces.push({ sheet, row, rows: take });
    bytes += take * rowCells * bytesPerCell;
    cells += take * rowCells;
    row += take;
  }
  return pieces;
}

function isGrid(grid: unknown[][] | null, piece: Piece, sheets: readonly SheetPlan[]): boolean {
  if (!Array.isArray(grid) || grid.length !== piece.rows) return false;
  const columns = sheets[piece.sheet].extent!.columns;
  return grid.every((row) => Array.isArray(row) && row.length === columns);
}

/** `Range.values` to the core's `CellValue`: `""` is blank, an error literal an error. */
export function cellValueOf(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string") return ERROR_LITERALS.includes(value) ? { error: value } : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/** Where a used range starts, from its address (`Jan!C5:H40`, `'Mars 2024'!B2`). */
export function extentOf(address: string, rows: number, columns: number): Extent {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const start = parseA1(local.split(":")[0]);
  if (!start) throw new ExcelAdapterError("GeneralException", `Unreadable used range address ${address}.`);
  return { top: start.row, left: start.column, rows, columns };
}

function visibilityOf(visibility: string): SheetVisibility {
  if (visibility === "Hidden") return "hidden";
  if (visibility === "VeryHidden") return "veryHidden";
  return "visible";
}

/**
 * The owner mark of a `BalansOwner` name. Excel gives the constant's value (`balans:…`)
 * and its formula (`="balans:…"`); either is enough.
 */
export function ownerMarkOf(value: unknown, formula: unknown): string | undefined {
  for (const candidate of [formula, value]) {
    if (typeof candidate !== "string") continue;
    const quoted = /^="((?:[^"]|"")*)"$/.exec(candidate.trim());
    if (quoted) return quoted[1].replace(/""/g, '"');
    if (candidate.startsWith("balans:")) return candidate;
  }
  return undefined;
}
