import { RULES } from "../rules";
import type { Finding, ReportField } from "../types";
import { totalsRows, varianceColumn, yearToDate } from "./arithmetic";
import { buildModel, type SheetSpec } from "./testing/modelBuilder";
import { expectOne, inputOf, ofRule } from "./testing/expectFinding";

const readerFinding = (rule: string, sheet: string, cell: string): Finding => ({ severity: "error", rule, sheet, cell, message: { sv: "", en: "" } });

describe("ARITH-TOTAL", () => {
  // Standard columns: budget is F, actual G.
  it("reports a totals row that does not add up to the rows above it, with both figures and the difference", () => {
    const model = buildModel({ sheets: [{ month: 1, rows: [{ budget: 100, actual: 90 }, { budget: 200, actual: 210 }, { total: "Summa", budget: 310, actual: 300 }] }] });
    expectOne(totalsRows(inputOf(model)), { rule: RULES.totalMismatch.code, severity: "error", sheet: "Januari", cell: "F4", figures: [310, 300, 10], words: { sv: ["Summa: budget"], en: ["Summa: budget"] } });
  });

  it("accepts a total rounded to the decimals it is written with, and no further (near miss)", () => {
    const ok = buildModel({ sheets: [{ month: 1, rows: [{ budget: 100.2 }, { budget: 199.9 }, { total: "Summa", budget: 300 }, { budget: 100.04 }, { budget: 200.04 }, { total: "Summa", budget: 300.1 }] }] });
    expect(totalsRows(inputOf(ok))).toEqual([]);
    const off = buildModel({ sheets: [{ month: 1, rows: [{ budget: 100.04 }, { budget: 200.04 }, { total: "Summa", budget: 300.2 }] }] });
    expectOne(totalsRows(inputOf(off)), { rule: RULES.totalMismatch.code, severity: "error", sheet: "Januari", cell: "F4", figures: [300.2, 300.08, 0.12] });
  });

  it("accepts division totals over a division's scattered rows and a grand total over the whole sheet", () => {
    const model = buildModel({
      sheets: [
        {
          month: 1,
          rows: [
            { division: "Kirurgi", budget: 100 },
            { division: "Medicin", budget: 70 },
            { division: "Kirurgi", budget: 50 },
            { total: "Summa Kirurgi", budget: 150 },
            { total: "Summa medicin", budget: 70 },
            { total: "Totalt", budget: 220 },
          ],
        },
      ],
    });
    expect(totalsRows(inputOf(model))).toEqual([]);
  });

  it("reports a grand total that misses, measured against the whole sheet", () => {
    const model = buildModel({ sheets: [{ month: 1, rows: [{ budget: 100 }, { total: "Summa", budget: 100 }, { budget: 50 }, { total: "Summa", budget: 50 }, { total: "Totalt", budget: 160 }] }] });
    const f = expectOne(totalsRows(inputOf(model)), { rule: RULES.totalMismatch.code, severity: "error", sheet: "Januari", cell: "F6", figures: [160, 150] });
    expect(f.message.en).toContain("all the sheet's rows");
  });

  it("accepts totals written above their blocks, and measures a wrong one against the rows below", () => {
    const model = buildModel({
      sheets: [
        {
          month: 1,
          rows: [
            { total: "Totalt", budget: 450 },
            { total: "Summa", budget: 300 },
            { budget: 100 },
            { budget: 200 },
            { total: "Summa", budget: 140 },
            { budget: 150 },
          ],
        },
      ],
    });
    const f = expectOne(totalsRows(inputOf(model)), { rule: RULES.totalMismatch.code, severity: "error", sheet: "Januari", cell: "F6", figures: [140, 150, -10] });
    expect(f.message.en).toContain("the rows below it (up to the next totals row)");
  });

  it("compares with the source's signs", () => {
    const rows = [{ budget: 100, sign: -1 as const }, { budget: 200, sign: -1 as const }];
    const ok = buildModel({ sheets: [{ month: 1, signFlipped: true, rows: [...rows, { total: "Summa", budget: -300 }] }] });
    expect(totalsRows(inputOf(ok))).toEqual([]);
    const wrong = buildModel({ sheets: [{ month: 1, signFlipped: true, rows: [...rows, { total: "Summa", budget: 300 }] }] });
    expectOne(totalsRows(inputOf(wrong)), { rule: RULES.totalMismatch.code, severity: "error", sheet: "Januari", cell: "F4", figures: [300, -300, 600] });
  });

  it("skips a field when a detail cell could not be read, or the totals cell is empty", () => {
    const spec: SheetSpec = { month: 1, rows: [{ budget: 100, actual: 5 }, { budget: null, actual: 5 }, { total: "Summa", budget: 400, actual: 10 }] };
    const unreadable = buildModel({ sheets: [spec], findings: [readerFinding(RULES.errorValue.code, "Januari", "F3")] });
    expect(totalsRows(inputOf(unreadable))).toEqual([]);
    const blank = buildModel({ sheets: [spec] });
    expect(ofRule(totalsRows(inputOf(blank)), RULES.totalMismatch.code).map((f) => f.cell)).toEqual(["F4"]);
    const errorValue = buildModel({ sheets: [{ month: 1, rows: [{ budget: 100, actual: 5 }, { budget: null, actual: 5, errors: ["budget"] }, { total: "Summa", budget: 400, actual: 10 }] }] });
    expect(totalsRows(inputOf(errorValue))).toEqual([]);
    const noTotal = buildModel({ sheets: [{ month: 1, rows: [{ budget: 100 }, { total: "Summa", budget: null }] }] });
    expect(totalsRows(inputOf(noTotal))).toEqual([]);
  });

  it("sums a ledger's division total over the totals row's month", () => {
    const columns: ReportField[] = ["period", "division", "costCentre", "account", "budget", "actual"];
    const model = buildModel({
      sheets: [
        {
          shape: "ledger",
          columns,
          rows: [
            { month: 1, division: "Kirurgi", budget: 100 },
            { month: 1, division: "Medicin", budget: 30 },
            { month: 2, division: "Kirurgi", budget: 120 },
            { month: 2, division: "Medicin", budget: 40 },
            { total: "Summa Kirurgi", month: 2, budget: 120 },
            { total: "Summa Medicin", month: 2, budget: 45 },
          ],
        },
      ],
    });
    const f = expectOne(totalsRows(inputOf(model)), { rule: RULES.totalMismatch.code, severity: "error", sheet: "Huvudbok", cell: "E7", figures: [45] });
    expect(f.message.sv).toContain("Summa Medicin");
  });

  it("explains a total that leaves out numbers stored as text", () => {
    const withText = buildModel({ sheets: [{ month: 1, rows: [{ budget: 100 }, { budget: 40, textNumbers: ["budget"] }, { total: "Summa", budget: 100 }] }] });
    const f = expectOne(totalsRows(inputOf(withText)), { rule: RULES.totalMismatch.code, severity: "error", sheet: "Januari", cell: "F4", figures: [100, 140] });
    expect(f.message.sv).toContain("lagrade som text");
    expect(f.message.en).toContain("stored as text");
  });
});

describe("ARITH-YTD", () => {
  const columns: ReportField[] = ["division", "costCentre", "account", "budget", "actual", "budgetYtd", "actualYtd"];
  it("reports a YTD cell that does not match the months up to it, with both figures", () => {
    const model = buildModel({
      sheets: [
        { month: 1, columns, rows: [{ budget: 100, actual: 90, budgetYtd: 100, actualYtd: 90 }] },
        { month: 2, columns, rows: [{ budget: 120, actual: 100, budgetYtd: 230, actualYtd: 190 }] },
      ],
    });
    const f = expectOne(yearToDate(inputOf(model)), { rule: RULES.ytdMismatch.code, severity: "error", sheet: "Februari", cell: "F2", figures: [230, 220, 10] });
    expect(f.message.sv).toContain("januari–februari");
    expect(f.message.en).toContain("Budget YTD for February");
  });

  it("counts a key absent in a month as 0 and accepts a matching YTD (near miss)", () => {
    const model = buildModel({
      sheets: [
        { month: 1, columns, rows: [{ account: "4010", budget: 100, budgetYtd: 100 }] },
        { month: 2, columns, rows: [{ account: "4020", budget: 5, budgetYtd: 5 }] },
        { month: 3, columns, rows: [{ account: "4010", budget: 30, budgetYtd: 130 }, { account: "4020", budget: 1, budgetYtd: 6 }] },
      ],
    });
    expect(yearToDate(inputOf(model))).toEqual([]);
  });

  it("compares sheets with different signs on the normalised amounts", () => {
    const model = buildModel({
      sheets: [
        { month: 1, columns, rows: [{ budget: 100, budgetYtd: 100 }] },
        { month: 2, columns, signFlipped: true, rows: [{ budget: 50, budgetYtd: 150 }] },
      ],
    });
    expect(yearToDate(inputOf(model))).toEqual([]);
    const wrong = buildModel({
      sheets: [
        { month: 1, columns, rows: [{ budget: 100, budgetYtd: 100 }] },
        { month: 2, columns, signFlipped: true, rows: [{ budget: 50, budgetYtd: 140 }] },
      ],
    });
    // The sheet writes costs negative: the cell says −140, the months give −150.
    expectOne(yearToDate(inputOf(wrong)), { rule: RULES.ytdMismatch.code, severity: "error", sheet: "Februari", cell: "F2", figures: [-140, -150] });
  });

  it("skips when a month is missing or the key is duplicated", () => {
    const missing = buildModel({
      sheets: [
        { month: 1, columns, rows: [{ budget: 100, budgetYtd: 100 }] },
        { month: 3, columns, rows: [{ budget: 100, budgetYtd: 999 }] },
      ],
    });
    expect(yearToDate(inputOf(missing))).toEqual([]);
    const duplicated = buildModel({
      sheets: [
        { month: 1, columns, rows: [{ budget: 100, budgetYtd: 100 }, { budget: 100, budgetYtd: 100 }] },
        { month: 2, columns, rows: [{ budget: 100, budgetYtd: 999 }] },
      ],
    });
    expect(yearToDate(inputOf(duplicated))).toEqual([]);
  });
});

describe("ARITH-VARIANCE", () => {
  const columns: ReportField[] = ["division", "costCentre", "account", "budget", "actual", "variance"];
  it("reports a row that does not follow the sheet's convention, naming it", () => {
    const model = buildModel({
      sheets: [
        {
          month: 1,
          columns,
          rows: [
            { account: "1", budget: 100, actual: 120, variance: 20 },
            { account: "2", budget: 100, actual: 90, variance: -10 },
            { account: "3", budget: 50, actual: 80, variance: 30 },
            { account: "4", budget: 100, actual: 140, variance: -40 },
          ],
        },
      ],
    });
    const f = expectOne(varianceColumn(inputOf(model)), { rule: RULES.varianceMismatch.code, severity: "error", sheet: "Januari", cell: "F5", figures: [-40, 140, 100, 40, -80] });
    expect(f.message.sv).toContain("utfall − budget, som 3 av 4 rader följer");
    expect(f.message.en).toContain("actual − budget");
  });

  it("detects budget − actual and accepts rows that follow it (near miss)", () => {
    const model = buildModel({
      sheets: [{ month: 1, columns, rows: [{ account: "1", budget: 100, actual: 120, variance: -20 }, { account: "2", budget: 100, actual: null, variance: 100 }] }],
    });
    expect(varianceColumn(inputOf(model))).toEqual([]);
  });
});
