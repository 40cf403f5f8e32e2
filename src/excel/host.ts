/**
 * The seam between Balans and Office.js. Production passes `Excel.run`; tests and
 * benchmarks pass the strict fake's `run` (src/excel/fake). Everything in src/excel takes
 * an `ExcelRun` and never reaches for the global `Excel`, so enum values are written as
 * string literals (`"Hidden"`, `"ColumnClustered"`) and the fake needs no global.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * `Excel.run` when the add-in runs inside Excel, otherwise null (the stand-alone page and
 * Node load this module too: outside Office `window.Excel` is undefined).
 */
export function hostExcelRun(): ExcelRun | null {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") return null;
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch);
}

/** Requirement set the adapter needs (series.add/chartType 1.7, axis number format 1.8). */
export const REQUIRED_EXCEL_API = "1.8";
