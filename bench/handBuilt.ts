/**
 * What a controller would build instead of running Balans: a copy of the workbook with
 * a sheet of plain SUMIFS formulas for the same variance (division × category × month:
 * budget and actual) and the hired-staff totals (division × month: hired doctors, nurses
 * and other hired staff, own staff and the share), over whole columns, as people write them.
 *
 * Simplification: in the copy every detail row carries its division. The real workbook
 * writes a division once above its rows, which SUMIFS on the division column cannot see;
 * a controller would first have to fill the column down (and keep it filled).
 */
import { monthSheetName } from "../scripts/sample/sheets";
import type { HiredStaffRow, VarianceRow } from "../src/core/types";
import { regionSheets, type Size } from "./inputs";
import { writeBenchXlsx, type BenchRow, type BenchSheet, type BenchValue } from "./xlsxWriter";

export const HAND_SHEET = "Handräknat";

/** Month-sheet columns (see scripts/sample/sheets.ts MONTH_HEADER). */
const COL = { division: "A", account: "D", category: "F", budget: "G", actual: "H" } as const;

/** Account ranges of the sample's settings (and Balans's defaults). */
const HIRED = [
  { name: "Inhyrda läkare", from: 6810, to: 6819 },
  { name: "Inhyrda sjuksköterskor", from: 6820, to: 6829 },
] as const;
const HIRED_ALL = { from: 6800, to: 6899 };
const OWN_STAFF = { from: 7000, to: 7699 };

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const text = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** One check the bench makes after LibreOffice recalculated: the cell's value and what Balans computed. */
export interface Expected {
  /** 0-based row and column on the hand-built sheet. */
  readonly row: number;
  readonly column: number;
  readonly value: number;
}

export interface HandBuilt {
  readonly bytes: Uint8Array;
  readonly formulas: number;
  readonly expected: readonly Expected[];
}

/**
 * The hand-built workbook for a size. `variance` and `hiredStaff` are Balans's own
 * results on the same input: they give the groups to write formulas for and the
 * figures the formulas must come to.
 */
export function handBuiltWorkbook(size: Size, variance: readonly VarianceRow[], hiredStaff: readonly HiredStaffRow[]): HandBuilt {
  const { sheets } = regionSheets(size, { divisionOnEveryRow: true });
  const rows: BenchRow[] = [
    { values: ["Variance by hand: SUMIFS over the month sheets (whole columns)"], bold: true },
    { values: ["Månad", "Förvaltning", "Kostnadsslag", "Budget", "Utfall", "Avvikelse"], bold: true },
  ];
  const expected: Expected[] = [];
  let formulas = 0;
  const f = (formula: string): BenchValue => {
    formulas++;
    return { formula };
  };
  for (const v of variance) {
    const month = Number(v.month.slice(5, 7));
    const sheet = quote(monthSheetName(month));
    const sumifs = (column: string) =>
      `SUMIFS(${sheet}!$${column}:$${column},${sheet}!$${COL.division}:$${COL.division},${text(v.division)},${sheet}!$${COL.category}:$${COL.category},${text(v.category)})`;
    const r = rows.length + 1;
    if (expected.length < 200) {
      expected.push({ row: rows.length, column: 3, value: v.budget }, { row: rows.length, column: 4, value: v.actual });
    }
    rows.push({ values: [v.month, v.division, v.category, f(sumifs(COL.budget)), f(sumifs(COL.actual)), f(`D${r}-E${r}`)] });
  }
  rows.push({ values: [] });
  rows.push({ values: ["Månad", "Förvaltning", "Inhyrda läkare", "Inhyrda sjuksköterskor", "Övrig inhyrd personal", "Egen personal", "Andel inhyrd av egen"], bold: true });
  const hiredByKey = new Map(hiredStaff.filter((h) => h.division !== "Region").map((h) => [`${h.month}|${h.division}|${h.profession}`, h]));
  const months = [...new Set(hiredStaff.map((h) => h.month))];
  const divisions = [...new Set(hiredStaff.map((h) => h.division))].filter((d) => d !== "Region");
  for (const key of months) {
    const month = Number(key.slice(5, 7));
    const sheet = quote(monthSheetName(month));
    const between = (from: number, to: number, division: string) =>
      `SUMIFS(${sheet}!$${COL.actual}:$${COL.actual},${sheet}!$${COL.division}:$${COL.division},${text(division)},${sheet}!$${COL.account}:$${COL.account},">=${from}",${sheet}!$${COL.account}:$${COL.account},"<=${to}")`;
    for (const division of divisions) {
      const r = rows.length + 1;
      const doctors = hiredByKey.get(`${key}|${division}|doctors`);
      const nurses = hiredByKey.get(`${key}|${division}|nurses`);
      const other = hiredByKey.get(`${key}|${division}|other`);
      if (doctors && nurses && other && expected.length < 400) {
        expected.push({ row: rows.length, column: 2, value: doctors.cost }, { row: rows.length, column: 3, value: nurses.cost }, { row: rows.length, column: 4, value: other.cost });
      }
      rows.push({
        values: [
          key,
          division,
          f(between(HIRED[0].from, HIRED[0].to, division)),
          f(between(HIRED[1].from, HIRED[1].to, division)),
          f(`${between(HIRED_ALL.from, HIRED_ALL.to, division)}-C${r}-D${r}`),
          f(between(OWN_STAFF.from, OWN_STAFF.to, division)),
          f(`IF(F${r}=0,0,(C${r}+D${r}+E${r})/F${r})`),
        ],
      });
    }
  }
  const hand: BenchSheet = { name: HAND_SHEET, columns: [{ width: 10 }, { width: 22 }, { width: 22 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }], frozenRows: 2, rows };
  return { bytes: writeBenchXlsx([...sheets, hand]), formulas, expected };
}
