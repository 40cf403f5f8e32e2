import fc from "fast-check";
import { parseA1 } from "../address";
import type { CellValue, Finding, SheetSnapshot, WorkbookSnapshot } from "../types";
import { isCellError } from "../types";
import { readWorkbook } from "./workbook";

/**
 * The reader's promise, as a property over random grids: it never throws, and every
 * non-empty cell it cannot use is covered by a finding on its sheet. "Cannot use" is
 * judged here independently of the reader's code: any non-number in an amount column,
 * any error or boolean in a key column, anything in a column the reader did not map,
 * and every cell of a sheet it did not read.
 */

const HEADERS = [
  "Förvaltning", "Ansvar", "KST", "Konto", "Kontonamn", "Kostnadsslag", "Budget", "Budget månad", "Utfall", "Utfall månad",
  "Avvikelse", "Utfall fg år", "Budget ack", "Utfall ack", "Årsbudget", "Prognos", "Kommentar", "Period", "År", "Månad",
  "ID", "Åtgärd", "Planerad effekt", "Startmånad", "Program", "Mål", "Inställning", "Värde", "Extra", "",
];
const SHEET_NAMES = ["Mars 2024", "Jan", "2024-04", "mar-24", "Huvudbok", "Åtgärder", "Program", "Balans inställningar", "Blad1", "Maj 2023", "Mars"];

const text = fc.oneof(
  fc.constantFrom("1 234,5", "\u22122 500", "(1 234)", "12,5 %", "1,234.5", "abc", "Summa", "Totalt", "Specialistvård", "2024-03", "=SUM(A1)", "-", " "),
  fc.string({ maxLength: 8 }),
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.integer({ min: -100000, max: 100000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false, min: -1e12, max: 1e12 }) },
  { weight: 2, arbitrary: text },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom({ error: "#REF!" }, { error: "#N/A" }, { error: "#DIV/0!" }) },
  { weight: 1, arbitrary: fc.integer({ min: 6800, max: 7700 }) },
);

const sheetArb: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    name: fc.oneof(fc.constantFrom(...SHEET_NAMES), fc.string({ minLength: 1, maxLength: 12 })),
    top: fc.integer({ min: 0, max: 25 }),
    left: fc.integer({ min: 0, max: 5 }),
    headerAt: fc.integer({ min: 0, max: 4 }),
    header: fc.array(fc.constantFrom(...HEADERS), { minLength: 0, maxLength: 9 }),
    rows: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 14 }),
    ownerMark: fc.option(fc.constantFrom("balans:variance", "balans:settings", "balans:bogus", "other"), { nil: undefined }),
  })
  .map(({ name, top, left, headerAt, header, rows, ownerMark }) => {
    const grid: CellValue[][] = rows.map((r) => [...r]);
    grid.splice(Math.min(headerAt, grid.length), 0, header);
    return { name, top, left, rows: grid, visibility: "visible" as const, ownerMark };
  });

const workbookArb: fc.Arbitrary<WorkbookSnapshot> = fc
  .array(sheetArb, { minLength: 0, maxLength: 5 })
  .map((sheets) => {
    // Sheet names are unique in a workbook.
    const seen = new Set<string>();
    return { name: "random.xlsx", date1904: false, sheets: sheets.filter((s) => !seen.has(s.name) && seen.add(s.name)) };
  });

function covers(findings: readonly Finding[], sheet: string, row: number, column: number): boolean {
  return findings.some((f) => {
    if (f.sheet !== sheet) return false;
    const [from, to = from] = f.cell.split(":");
    const a = parseA1(from);
    const b = parseA1(to);
    return !!a && !!b && row >= a.row && row <= b.row && column >= a.column && column <= b.column;
  });
}

const isBlankish = (v: CellValue | undefined) =>
  v === null || v === undefined || (typeof v === "string" && (v.trim() === "" || ["-", "\u2013", "\u2014", "\u2212"].includes(v.trim())));

const AMOUNT_FIELDS = new Set(["budget", "actual", "variance", "priorYear", "budgetYtd", "actualYtd", "priorYearYtd", "annualBudget", "forecast"]);
const KEY_FIELDS = new Set(["division", "costCentre", "account", "accountName", "category"]);

describe("readWorkbook on random grids", () => {
  test("never throws and reports every unusable non-empty cell", () => {
    fc.assert(
      fc.property(workbookArb, (snapshot) => {
        const model = readWorkbook(snapshot, { today: { year: 2024, month: 11 } });
        const read = new Map(model.reportSheets.map((l) => [l.sheet, l]));
        const owned = new Set(model.ownedSheets.map((s) => s.name));
        const special = new Set([model.measureSheet, model.settingsSheet].filter(Boolean));
        for (const sheet of snapshot.sheets) {
          if (owned.has(sheet.name) || special.has(sheet.name) || sheet.name === "Program") continue;
          const layout = read.get(sheet.name);
          const fieldOf = new Map<number, string>();
          if (layout) for (const [field, column] of Object.entries(layout.columns)) fieldOf.set(column as number, field);
          sheet.rows.forEach((cells, r) => {
            const row = sheet.top + r;
            cells.forEach((value, c) => {
              if (isBlankish(value)) return;
              const column = sheet.left + c;
              let unusable: boolean;
              if (!layout) unusable = true;
              else if (row <= layout.headerRow) unusable = false;
              else {
                const field = fieldOf.get(column);
                if (field === undefined) unusable = true;
                else if (AMOUNT_FIELDS.has(field)) unusable = typeof value !== "number" || !Number.isFinite(value);
                else if (KEY_FIELDS.has(field)) unusable = isCellError(value) || typeof value === "boolean";
                else unusable = isCellError(value);
              }
              if (unusable && !covers(model.findings, sheet.name, row, column)) {
                throw new Error(`${sheet.name}!${row},${column} (${JSON.stringify(value)}) has no finding`);
              }
            });
          });
        }
        for (const f of model.findings) {
          const [from, to = from] = f.cell.split(":");
          if (f.cell !== "" && (!parseA1(from) || !parseA1(to))) throw new Error(`invalid address ${f.cell}`);
          if (!f.message.sv || !f.message.en) throw new Error(`finding without both languages: ${f.rule}`);
        }
      }),
      { numRuns: 400 },
    );
  });
});
