/**
 * The generated workbook as plain data: what writeWorkbook.ts turns into an .xlsx file
 * and what the tests compare against. Amount cells hold numbers in tkr with at most one
 * decimal; a planted text number or error value is exactly what the cell will hold.
 */

export type SampleValue = string | number | null | { readonly error: string };

export interface SampleRow {
  /** Cells from column A; null or a missing cell is left empty. */
  readonly values: readonly SampleValue[];
  readonly bold?: boolean;
  /** Number formats for single cells (0-based column), over the column's format. */
  readonly numFmts?: Readonly<Record<number, string>>;
}

export interface SampleColumn {
  readonly width: number;
  readonly numFmt?: string;
}

export interface SampleSheet {
  readonly name: string;
  readonly columns: readonly SampleColumn[];
  /** Rows kept in view when scrolling (0 = none). */
  readonly frozenRows: number;
  /** Number of rows `rows` yields (row 1 first). */
  readonly rowCount: number;
  /**
   * The rows from row 1, produced on demand each time it is iterated: a benchmark
   * workbook (12 × 50 000 rows) never has to sit in memory as cells.
   */
  readonly rows: Iterable<SampleRow>;
}

/** A problem put in the workbook on purpose, at the cell where the engine must report it. */
export interface PlantedProblem {
  readonly rule: string;
  readonly sheet: string;
  readonly cell: string;
  readonly description: string;
}

export interface SampleWorkbook {
  readonly title: string;
  /** Fixed, so the file's properties do not change from run to run. */
  readonly created: Date;
  readonly sheets: readonly SampleSheet[];
  readonly planted: readonly PlantedProblem[];
  /**
   * Large variances deliberately left without a comment (PLAUS-COMMENT-MISSING). The cell
   * is the row's comment cell; an engine may report another cell of the same row.
   */
  readonly commentsLeftOut: readonly PlantedProblem[];
  /** What the generator was asked for and the parameters it used; written to the planted JSON. */
  readonly parameters: Readonly<Record<string, unknown>>;
}
