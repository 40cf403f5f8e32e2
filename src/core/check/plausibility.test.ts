import { RULES } from "../rules";
import type { ReportField } from "../types";
import { actualWithoutBudget, budgetWithoutActual, jumps, lastClosedMonth, missingComments, signFlips } from "./plausibility";
import { buildModel, type RowSpec } from "./testing/modelBuilder";
import { expectOne, inputOf, ofRule } from "./testing/expectFinding";

// Standard columns: A division, B cost centre, C account, D name, E category, F budget, G actual, H comment.
const other: RowSpec = { account: "9999", budget: 10, actual: 10 };

describe("PLAUS-ACTUAL-NO-BUDGET", () => {
  it("warns once per key, at its latest month, counting the months", () => {
    const model = buildModel({
      sheets: [
        { month: 1, rows: [{ budget: 0, actual: 300 }] },
        { month: 2, rows: [other, { budget: null, actual: 250 }] },
        { month: 3, rows: [{ budget: 100, actual: 300 }] },
      ],
    });
    const f = expectOne(actualWithoutBudget(inputOf(model)), { rule: RULES.actualWithoutBudget.code, severity: "warning", sheet: "Februari", cell: "G3", figures: [250, 2], words: { sv: ["januari och februari"], en: ["January and February"] } });
    expect(f.message.en).toContain("account 4010");
  });

  it("ignores small actuals, budgeted rows and sheets without a budget column (near miss)", () => {
    const model = buildModel({
      sheets: [
        { month: 1, rows: [{ budget: 0, actual: 199 }, { account: "4020", budget: 1, actual: 900 }] },
        { month: 2, columns: ["division", "costCentre", "account", "actual"], rows: [{ actual: 900 }] },
      ],
    });
    expect(actualWithoutBudget(inputOf(model))).toEqual([]);
  });
});

describe("PLAUS-BUDGET-NO-ACTUAL", () => {
  it("warns for a budget without actual in a closed month", () => {
    const model = buildModel({ sheets: [{ month: 1, rows: [other, { budget: 400, actual: 0 }] }] });
    expectOne(budgetWithoutActual(inputOf(model)), { rule: RULES.budgetWithoutActual.code, severity: "warning", sheet: "Januari", cell: "G3", figures: [400] });
  });

  it("does not count months after the last month with any actual (near miss)", () => {
    const columns: ReportField[] = ["period", "division", "costCentre", "account", "budget", "actual"];
    const model = buildModel({
      sheets: [{ shape: "ledger", columns, rows: [{ ...other, month: 1 }, { month: 1, budget: 400, actual: 380 }, { month: 2, budget: 400, actual: null }, { month: 3, budget: 400, actual: null }] }],
    });
    expect(lastClosedMonth(model)).toBe(1);
    expect(budgetWithoutActual(inputOf(model))).toEqual([]);
  });
});

describe("PLAUS-SIGN-FLIP", () => {
  it("warns for a credit on a cost account and a charge on an income account", () => {
    const model = buildModel({
      sheets: [
        {
          month: 1,
          rows: [
            { account: "4010", actual: -300 },
            { account: "3010", accountClass: "income", actual: 250 },
            { account: "3020", accountClass: "income", actual: -900 },
            { account: "4020", actual: -150 },
          ],
        },
      ],
    });
    const found = ofRule(signFlips(inputOf(model)), RULES.signFlip.code);
    expect(found.map((f) => [f.severity, f.sheet, f.cell])).toEqual([
      ["warning", "Januari", "G2"],
      ["warning", "Januari", "G3"],
    ]);
    expect(found[0].message.sv).toContain("kreditering på ett kostnadskonto");
    expect(found[1].message.en).toContain("a cost on an income account");
    expect(found[0].message.sv).toContain("\u2212300");
    expect(found[0].message.en).toContain("-300");
  });

  it("shows the value as the sheet writes it when costs are negative there", () => {
    const model = buildModel({ sheets: [{ month: 1, signFlipped: true, rows: [{ actual: -300 }] }] });
    const f = expectOne(signFlips(inputOf(model)), { rule: RULES.signFlip.code, severity: "warning", sheet: "Januari", cell: "G2", figures: [300] });
    expect(f.message.en).toContain("costs negative and income positive");
  });
});

describe("PLAUS-JUMP", () => {
  it("warns for a month far from the run rate of the earlier months", () => {
    const model = buildModel({
      sheets: [{ month: 1, rows: [{ actual: 100 }] }, { month: 2, rows: [{ actual: 120 }] }, { month: 3, rows: [other, { actual: 410 }] }],
    });
    expectOne(jumps(inputOf(model)), { rule: RULES.jump.code, severity: "warning", sheet: "Mars", cell: "G3", figures: [410, 110, 2], words: { sv: ["+272,7\u00a0%"], en: ["+272.7%"] } });
  });

  it("needs two earlier months and a gap above both thresholds (near miss)", () => {
    const twoMonths = buildModel({ sheets: [{ month: 1, rows: [{ actual: 100 }] }, { month: 2, rows: [{ actual: 900 }] }] });
    expect(jumps(inputOf(twoMonths))).toEqual([]);
    const small = buildModel({ sheets: [{ month: 1, rows: [{ actual: 100 }] }, { month: 2, rows: [{ actual: 100 }] }, { month: 3, rows: [{ actual: 299 }] }] });
    expect(jumps(inputOf(small))).toEqual([]);
    const withinShare = buildModel({ sheets: [{ month: 1, rows: [{ actual: 1000 }] }, { month: 2, rows: [{ actual: 1000 }] }, { month: 3, rows: [{ actual: 1450 }] }] });
    expect(jumps(inputOf(withinShare))).toEqual([]);
  });
});

describe("PLAUS-COMMENT-MISSING", () => {
  it("warns for a large variance without a comment, at the comment cell", () => {
    const model = buildModel({ sheets: [{ month: 1, rows: [{ budget: 1000, actual: 1600 }, { account: "4020", budget: 1000, actual: 1600, comment: "Engångskostnad" }] }] });
    expectOne(missingComments(inputOf(model)), { rule: RULES.commentMissing.code, severity: "warning", sheet: "Januari", cell: "H2", figures: [600, 1000, 1600, 500] });
  });

  it("needs both the amount and the share threshold (near miss)", () => {
    const model = buildModel({ sheets: [{ month: 1, rows: [{ budget: 10_000, actual: 10_900 }, { account: "4020", budget: 100, actual: 550 }] }] });
    expect(missingComments(inputOf(model))).toEqual([]);
  });

  it("warns once when sheets without a comment column have variances to explain", () => {
    const columns: ReportField[] = ["division", "costCentre", "account", "budget", "actual"];
    const model = buildModel({
      sheets: [
        { month: 1, columns, rows: [{ budget: 1000, actual: 2000 }] },
        { month: 2, columns, rows: [{ budget: 1000, actual: 2000 }, { account: "4020", budget: 0, actual: 900 }] },
      ],
    });
    const f = expectOne(missingComments(inputOf(model)), { rule: RULES.commentMissing.code, severity: "warning", sheet: "Januari", cell: "A1:E1", figures: [3] });
    expect(f.message.sv).toContain("Januari och Februari saknar kommentarskolumn");
    expect(f.message.en).toContain("cannot be checked");
  });
});
