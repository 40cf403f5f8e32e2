import { RULES } from "../rules";
import { missingColumns, missingMonths, monthOrder, noMeasures, unknownSheets } from "./structure";
import { buildModel, type SheetSpec } from "./testing/modelBuilder";
import { expectOne, inputOf, ofRule } from "./testing/expectFinding";

const row = { budget: 100, actual: 100 };
const months = (...ms: number[]): SheetSpec[] => ms.map((month) => ({ month, rows: [row] }));

describe("STRUCT-MISSING-COLUMN", () => {
  it("reports a sheet without a budget column as an error over the header", () => {
    const model = buildModel({ sheets: [{ month: 1, columns: ["division", "costCentre", "account", "actual", "comment"], rows: [row] }] });
    const f = expectOne(missingColumns(inputOf(model)), { rule: RULES.missingColumn.code, severity: "error", sheet: "Januari", cell: "A1:E1" });
    expect(f.message.sv).toContain("budgetkolumn");
    expect(f.message.en).toContain("no budget column");
  });

  it("reports a sheet without actual, and one without account and cost centre", () => {
    const model = buildModel({ sheets: [{ month: 1, headerRow: 2, columns: ["division", "budget"], rows: [row] }] });
    const found = ofRule(missingColumns(inputOf(model)), RULES.missingColumn.code);
    expect(found.map((f) => [f.severity, f.cell])).toEqual([
      ["error", "A3:B3"],
      ["error", "A3:B3"],
    ]);
    expect(found[0].message.en).toContain("no actual column");
    expect(found[1].message.en).toContain("neither an account column");
  });

  it("warns when only the division column is missing", () => {
    const model = buildModel({ sheets: [{ month: 1, columns: ["costCentre", "account", "budget", "actual"], rows: [row] }] });
    const f = expectOne(missingColumns(inputOf(model)), { rule: RULES.missingColumn.code, severity: "warning", sheet: "Januari", cell: "A1:D1" });
    expect(f.message.sv).toContain("namnlösa förvaltning");
  });

  it("accepts a sheet with cost centre but no account column (near miss)", () => {
    const model = buildModel({ sheets: [{ month: 1, columns: ["division", "costCentre", "budget", "actual"], rows: [row] }] });
    expect(missingColumns(inputOf(model))).toEqual([]);
  });
});

describe("STRUCT-MONTH-MISSING", () => {
  it("reports each missing month at the sheet after the gap", () => {
    const model = buildModel({ sheets: months(1, 4) });
    const found = ofRule(missingMonths(inputOf(model)), RULES.monthMissing.code);
    expect(found.map((f) => [f.severity, f.sheet, f.cell])).toEqual([
      ["error", "April", "A1"],
      ["error", "April", "A1"],
    ]);
    expect(found[0].message.sv).toContain("Februari 2024 saknas");
    expect(found[1].message.en).toContain("March 2024 is missing");
    expect(found[1].message.en).toContain("April 2024");
  });

  it("points at the period header of a ledger sheet", () => {
    const model = buildModel({
      sheets: [{ shape: "ledger", name: "Huvudbok", columns: ["period", "division", "costCentre", "account", "budget", "actual"], rows: [{ ...row, month: 1 }, { ...row, month: 3 }] }],
    });
    expectOne(missingMonths(inputOf(model)), { rule: RULES.monthMissing.code, severity: "error", sheet: "Huvudbok", cell: "A1", words: { sv: ["februari"], en: ["February"] } });
    const shifted = buildModel({
      sheets: [{ shape: "ledger", name: "Huvudbok", columns: ["division", "costCentre", "account", "budget", "actual", "period"], rows: [{ ...row, month: 1 }, { ...row, month: 3 }] }],
    });
    expect(missingMonths(inputOf(shifted))[0].cell).toBe("F1");
  });

  it("says nothing when January to the latest month are all there (near miss)", () => {
    expect(missingMonths(inputOf(buildModel({ sheets: months(1, 2, 3) })))).toEqual([]);
  });
});

describe("STRUCT-MONTH-ORDER", () => {
  it("reports only the sheet out of place", () => {
    const sheets = months(1, 2, 12, 3, 4);
    const model = buildModel({ sheets });
    const f = expectOne(monthOrder(inputOf(model)), { rule: RULES.monthOrder.code, severity: "warning", sheet: "December", cell: "A1" });
    expect(f.message.sv).toContain("december");
    expect(f.message.en).toContain("before Mars, March");
  });

  it("follows tab order, not the order of the sheet list", () => {
    const model = buildModel({ sheets: [{ month: 2, sheetIndex: 1, rows: [row] }, { month: 1, sheetIndex: 0, rows: [row] }, { month: 3, sheetIndex: 2, rows: [row] }] });
    expect(monthOrder(inputOf(model))).toEqual([]);
  });
});

describe("STRUCT-UNKNOWN-SHEET and STRUCT-NO-MEASURES", () => {
  it("tells about each sheet not read", () => {
    const model = buildModel({ sheets: months(1), otherSheets: ["Anteckningar"] });
    expectOne(unknownSheets(inputOf(model)), { rule: RULES.unknownSheet.code, severity: "info", sheet: "Anteckningar", cell: "A1", words: { sv: ["läses inte"], en: ["not read"] } });
    expect(unknownSheets(inputOf(buildModel({ sheets: months(1) })))).toEqual([]);
  });

  it("does not repeat a sheet the reader already reported as not read", () => {
    const told = { severity: "info" as const, rule: RULES.unknownSheet.code, sheet: "Tomt", cell: "A1", message: { sv: "Bladet är tomt.", en: "The sheet is empty." } };
    const model = buildModel({ sheets: months(1), otherSheets: ["Tomt", "Anteckningar"], findings: [told] });
    expect(unknownSheets(inputOf(model)).map((f) => f.sheet)).toEqual(["Anteckningar"]);
  });

  it("tells once when there is no measures sheet, at the first report sheet in tab order", () => {
    const model = buildModel({ sheets: [{ month: 2, sheetIndex: 1, rows: [row] }, { month: 1, sheetIndex: 0, rows: [row] }], measureSheet: null });
    expectOne(noMeasures(inputOf(model)), { rule: RULES.noMeasures.code, severity: "info", sheet: "Januari", cell: "A1", words: { en: ["no measures sheet"] } });
    expect(noMeasures(inputOf(buildModel({ sheets: months(1) })))).toEqual([]);
  });
});
