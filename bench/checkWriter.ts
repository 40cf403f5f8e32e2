/**
 * The bench writes its inputs with its own writer; this compares one against the sample
 * generator's ExcelJS writer, cell by cell through our reader, so the benchmark reads the
 * same workbook `npm run sample` would write.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateRegion } from "../scripts/sample/generate";
import { writeWorkbook } from "../scripts/sample/writeWorkbook";
import { readXlsx } from "../src/xlsx/readXlsx";
import { regionSheets, SEED, type Size } from "./inputs";
import { writeBenchXlsx } from "./xlsxWriter";

/** Differences between the two writers' workbooks as read back (empty when none). */
export async function compareWriters(size: Size): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "balans-bench-"));
  try {
    const excelJsPath = join(dir, "exceljs.xlsx");
    await writeWorkbook(generateRegion({ seed: SEED, rowsPerMonth: size.rows, months: size.months, plantProblems: false }), excelJsPath);
    const theirs = readXlsx(new Uint8Array(readFileSync(excelJsPath)));
    const ours = readXlsx(writeBenchXlsx(regionSheets(size).sheets));
    const problems: string[] = [];
    if (theirs.sheets.length !== ours.sheets.length) problems.push(`sheet count ${ours.sheets.length} ≠ ${theirs.sheets.length}`);
    theirs.sheets.forEach((sheet, s) => {
      const mine = ours.sheets[s];
      if (!mine) return;
      if (mine.name !== sheet.name || mine.top !== sheet.top || mine.left !== sheet.left || mine.rows.length !== sheet.rows.length) {
        problems.push(`${sheet.name}: shape differs`);
        return;
      }
      sheet.rows.forEach((row, r) => {
        const other = mine.rows[r];
        const width = Math.max(row.length, other.length);
        for (let c = 0; c < width; c++) {
          const a = JSON.stringify(row[c] ?? null);
          const b = JSON.stringify(other[c] ?? null);
          const fa = sheet.numberFormats?.[r]?.[c] ?? null;
          const fb = mine.numberFormats?.[r]?.[c] ?? null;
          if (a !== b || fa !== fb) problems.push(`${sheet.name} row ${sheet.top + r + 1} column ${sheet.left + c + 1}: ${b} (${fb}) ≠ ${a} (${fa})`);
        }
      });
    });
    return problems.slice(0, 20);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  compareWriters({ months: 12, rows: 500 }).then((problems) => {
    console.log(problems.length === 0 ? "same cells and number formats" : problems.join("\n"));
    process.exitCode = problems.length === 0 ? 0 : 1;
  });
}
