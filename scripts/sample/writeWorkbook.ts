/**
 * Writes a generated workbook to .xlsx with ExcelJS's streaming writer: rows are committed
 * as they are produced, so 12 × 50 000 rows never sit in memory as cell objects.
 */
import ExcelJS from "exceljs";
import type { SampleSheet, SampleValue, SampleWorkbook } from "./description";

/** Rows written between pauses that let the zip stream drain what was written. */
const DRAIN_EVERY = 2_000;

export async function writeWorkbook(book: SampleWorkbook, filename: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: true });
  // Fixed properties, so two runs give the same content (the zip's own timestamps still differ).
  workbook.creator = "Balans sample generator";
  workbook.lastModifiedBy = "Balans sample generator";
  workbook.created = book.created;
  workbook.modified = book.created;
  workbook.title = book.title;
  for (const sheet of book.sheets) await writeSheet(workbook, sheet);
  await workbook.commit();
}

async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: SampleSheet): Promise<void> {
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: sheet.frozenRows > 0 ? [{ state: "frozen", ySplit: sheet.frozenRows, xSplit: 0 }] : [],
  });
  worksheet.columns = sheet.columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  let number = 0;
  for (const source of sheet.rows) {
    number++;
    if (source.values.length === 0) continue;
    const row = worksheet.getRow(number);
    source.values.forEach((value, i) => {
      if (value === null) return;
      const cell = row.getCell(i + 1);
      cell.value = toExcel(value);
      if (source.bold) cell.font = { bold: true };
      const format = source.numFmts?.[i];
      if (format) cell.numFmt = format;
    });
    row.commit();
    if (number % DRAIN_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  worksheet.commit();
}

function toExcel(value: Exclude<SampleValue, null>): ExcelJS.CellValue {
  if (typeof value === "object") return { error: value.error as ExcelJS.CellErrorValue["error"] };
  return value;
}
