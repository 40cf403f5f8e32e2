import { detectWorkbook, type RunOptions } from "../core/engine";
import type { WorkbookModel, WorkbookSnapshot } from "../core/types";
import { readXlsx } from "../xlsx/readXlsx";
import { nodeZipOptions } from "./nodeZip";

/**
 * Reads the workbook and its model, and lets go of the report sheets' cells: the model
 * holds what the rest of the run needs of them (`runBalans(snapshot, options, model)`),
 * and on a large workbook the cells are hundreds of megabytes that every later garbage
 * collection would walk through.
 */
export function readModel(bytes: Uint8Array, name: string, options: RunOptions): { snapshot: WorkbookSnapshot; model: WorkbookModel } {
  const full = readXlsx(bytes, { name, ...nodeZipOptions() });
  const model = detectWorkbook(full, options);
  const reports = new Set(model.reportSheets.map((s) => s.sheetIndex));
  const sheets = full.sheets.map((sheet, i) => (reports.has(i) ? { ...sheet, rows: [], numberFormats: undefined } : sheet));
  return { snapshot: { ...full, sheets }, model };
}
