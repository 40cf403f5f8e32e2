import { RULES } from "../rules";
import type { ReportField } from "../types";
import { runChecks } from "./index";
import { buildModel, type RowSpec, type SheetSpec, type TotalSpec } from "./testing/modelBuilder";
import { inputOf } from "./testing/expectFinding";

const columns: ReportField[] = ["division", "costCentre", "account", "accountName", "category", "budget", "actual", "variance", "budgetYtd", "actualYtd", "comment"];

/**
 * A consistent workbook: `divisions × costCentres × accounts` keys each month, steady
 * amounts, a totals row after each division, YTD and variance columns that add up.
 */
function cleanWorkbook(monthCount: number, divisions: number, costCentres: number, accounts: number) {
  const sheets: SheetSpec[] = [];
  for (let month = 1; month <= monthCount; month++) {
    const rows: (RowSpec | TotalSpec)[] = [];
    for (let d = 0; d < divisions; d++) {
      const division = `Förvaltning ${d + 1}`;
      let budgetSum = 0;
      let actualSum = 0;
      for (let c = 0; c < costCentres; c++) {
        for (let a = 0; a < accounts; a++) {
          const budget = 1000 + 10 * a;
          const actual = budget + (a % 3) - 1;
          budgetSum += budget;
          actualSum += actual;
          rows.push({
            division,
            costCentre: String(10_000 + d * 1000 + c),
            account: String(4000 + a),
            accountName: `Konto ${4000 + a}`,
            category: "Material",
            budget,
            actual,
            variance: actual - budget,
            budgetYtd: budget * month,
            actualYtd: actual * month,
          });
        }
      }
      rows.push({ total: `Summa ${division}`, budget: budgetSum, actual: actualSum, variance: actualSum - budgetSum });
    }
    sheets.push({ month, columns, rows });
  }
  return buildModel({
    sheets,
    measures: [{ id: "K1", division: "Förvaltning 1", accounts: [[4000, 4009]], startMonth: 1 }],
    programmes: [],
  });
}

describe("runChecks", () => {
  it("finds nothing in a consistent workbook", () => {
    expect(runChecks(inputOf(cleanWorkbook(3, 2, 3, 4)))).toEqual([]);
  });

  it("uses only rule codes from the catalogue, each with its catalogue severity or a documented override", () => {
    const model = buildModel({
      sheets: [
        { month: 1, columns: ["costCentre", "budget", "actual"], rows: [{ costCentre: "1", budget: 0, actual: 900 }] },
        { month: 3, rows: [{ costCentre: "1", budget: 900, actual: -900 }, { total: "Summa", budget: 1, actual: 2 }] },
      ],
      measureSheet: null,
      otherSheets: ["Anteckningar"],
      measures: [{ id: "X", division: "Okänd" }],
    });
    const found = runChecks(inputOf(model));
    const codes = new Map(Object.values(RULES).map((r) => [r.code, r.severity]));
    expect(found.length).toBeGreaterThan(5);
    for (const f of found) {
      expect(codes.has(f.rule)).toBe(true);
      if (f.rule !== RULES.missingColumn.code) expect(f.severity).toBe(codes.get(f.rule));
      expect(f.message.sv.length).toBeGreaterThan(0);
      expect(f.message.en.length).toBeGreaterThan(0);
    }
  });

  it("handles 100 000 rows (linear passes: a quadratic check would run for minutes here)", () => {
    // 12 months × 4 divisions × 60 cost centres × 35 accounts = 100 800 rows.
    const model = cleanWorkbook(12, 4, 60, 35);
    expect(model.rows.length).toBeGreaterThanOrEqual(100_000);
    const findings = runChecks(inputOf(model));
    expect(findings).toEqual([]);
  });
});
