import { detectWorkbook, type RunOptions } from "../core/engine";
import type { SheetSnapshot, WorkbookModel, WorkbookSnapshot } from "../core/types";
import { readXlsxLazily } from "../xlsx/readXlsx";
import { nodeZipOptions } from "./nodeZip";

/**
 * Reads the workbook's model with one large sheet's cells in memory at a time: the
 * reader visits each report sheet once (`readXlsxLazily` reads a sheet's cells when they
 * are first asked for and keeps only the last large one). The snapshot returned for the
 * rest of the run (`runBalans(snapshot, options, model)`) has the report sheets emptied:
 * the model holds what the checks and the plan need of them.
 */
export function readModel(bytes: Uint8Array, name: string, options: RunOptions): { snapshot: WorkbookSnapshot; model: WorkbookModel } {
  const lazy = readXlsxLazily(bytes, { name, ...nodeZipOptions() });
  const model = detectWorkbook(lazy, options);
  const reports = new Set(model.reportSheets.map((s) => s.sheetIndex));
  // Built field by field: spreading a lazy sheet would read its cells.
  const sheets = lazy.sheets.map((sheet, i): SheetSnapshot => {
    if (!reports.has(i)) return sheet;
    return { name: sheet.name, top: 0, left: 0, rows: [], visibility: sheet.visibility, ...(sheet.ownerMark !== undefined ? { ownerMark: sheet.ownerMark } : {}) };
  });
  return { snapshot: { name: lazy.name, sheets, date1904: lazy.date1904 }, model };
}
