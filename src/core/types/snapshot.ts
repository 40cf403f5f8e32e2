import type { CellValue } from "./cell";

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/**
 * One sheet's used range as plain data. `top`/`left` are the 0-based row and column
 * of `rows[0][0]` on the sheet, so the cell `rows[r][c]` is at sheet row `top + r`,
 * column `left + c`. Rows may be ragged or shorter than the range: a missing cell is blank.
 */
export interface SheetSnapshot {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly rows: readonly (readonly CellValue[])[];
  /**
   * Number formats where the host gives them cheaply, same shape as `rows` (rows and
   * cells may be missing). The core uses them only as hints (dates, percentages).
   */
  readonly numberFormats?: readonly (readonly (string | null | undefined)[] | undefined)[];
  readonly visibility: SheetVisibility;
  /**
   * The Balans owner mark the host found on this sheet (e.g. `balans:variance`), or
   * undefined for a sheet Balans did not write. The host reads it from the sheet-scoped
   * hidden name `BalansOwner`; see docs/architecture.md.
   */
  readonly ownerMark?: string;
}

export interface WorkbookSnapshot {
  /** File or workbook name, for reports only. */
  readonly name: string;
  /** Sheets in tab order. */
  readonly sheets: readonly SheetSnapshot[];
  /** True for workbooks on the 1904 date system (serials are 1462 days smaller). */
  readonly date1904: boolean;
}
