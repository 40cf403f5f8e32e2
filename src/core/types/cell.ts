/**
 * A cell value as every host hands it to the core: Office.js `values`, an .xlsx file,
 * a test grid. Dates arrive as Excel serial numbers (the host does not convert them).
 */
export interface CellError {
  /** The Excel error literal, e.g. `#REF!`, `#N/A`, `#VALUE!`. */
  readonly error: string;
}

export type CellValue = string | number | boolean | null | CellError;

/** Error literals Excel can show in a cell. Office.js hands them over as plain strings. */
export const ERROR_LITERALS: readonly string[] = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
];

export function isCellError(value: CellValue | undefined): value is CellError {
  return typeof value === "object" && value !== null && typeof (value as CellError).error === "string";
}

export function cellError(literal: string): CellError {
  return { error: literal };
}

/** True for a cell a reader should treat as not there: null, undefined, or a string of only white space. */
export function isBlank(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === "string" && value.trim() === "";
}
