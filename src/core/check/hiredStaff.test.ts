import { RULES } from "../rules";
import type { HiredStaffRow } from "../types";
import { REGION_TOTAL } from "../types";
import { hiredShare, hiredUp } from "./hiredStaff";
import { buildModel } from "./testing/modelBuilder";
import { expectOne, inputOf } from "./testing/expectFinding";

const hired = (division: string, fields: Partial<HiredStaffRow> = {}): HiredStaffRow => ({
  division,
  profession: "all",
  month: "2024-02",
  cost: 100,
  costYtd: 300,
  ownStaffCostYtd: 10_000,
  share: 0.03,
  priorYearCostYtd: 290,
  ...fields,
});

// February's sheet: Kirurgi's first row is sheet row 4 (A4), Medicin's row 2 (A2).
const model = buildModel({
  sheets: [
    { month: 1, rows: [{ division: "Kirurgi" }, { division: "Medicin" }] },
    { month: 2, rows: [{ division: "Medicin" }, { division: "Medicin", account: "4020" }, { division: "Kirurgi" }] },
  ],
});

describe("HIRED-SHARE", () => {
  it("warns for a division above the target, at its first row on the latest sheet", () => {
    const rows = [hired("Kirurgi", { share: 0.031, costYtd: 310 }), hired("Medicin", { share: 0.01 }), hired(REGION_TOTAL, { share: 0.05 }), hired("Kirurgi", { profession: "doctors", share: 0.5 }), hired("Kirurgi", { month: "2024-01", share: 0.5 })];
    const f = expectOne(hiredShare(inputOf(model, { hiredStaff: rows })), { rule: RULES.hiredShare.code, severity: "warning", sheet: "Februari", cell: "A4", figures: [310, 3.1, 2, 10_000] });
    expect(f.message.sv).toContain("egna personalkostnader");
    expect(f.message.en).toContain("own personnel costs");
    expect(f.message.en).toContain("February");
  });

  it("names the denominator of all personnel costs when the settings say so", () => {
    const all = buildModel({ sheets: [{ month: 2, rows: [{ division: "Kirurgi" }] }], settings: { hiredShareDenominator: "allStaff" } });
    const f = expectOne(hiredShare(inputOf(all, { hiredStaff: [hired("Kirurgi", { costYtd: 300, ownStaffCostYtd: 9700 })] })), { rule: RULES.hiredShare.code, severity: "warning", sheet: "Februari", cell: "A2", figures: [10_000] });
    expect(f.message.sv).toContain("alla personalkostnader");
  });

  it("accepts a share at the target (near miss)", () => {
    expect(hiredShare(inputOf(model, { hiredStaff: [hired("Kirurgi", { share: 0.02 })] }))).toEqual([]);
  });
});

describe("HIRED-UP", () => {
  it("warns for hired-staff cost up on the prior year, with the change", () => {
    const rows = [hired("Medicin", { costYtd: 1300, priorYearCostYtd: 1000 }), hired("Kirurgi", { costYtd: 300, priorYearCostYtd: 290 })];
    expectOne(hiredUp(inputOf(model, { hiredStaff: rows })), { rule: RULES.hiredUp.code, severity: "warning", sheet: "Februari", cell: "A2", figures: [1300, 1000, 30], words: { sv: ["+30\u00a0%"], en: ["+30%"] } });
  });

  it("calls a cost with no prior year new", () => {
    const f = expectOne(hiredUp(inputOf(model, { hiredStaff: [hired("Medicin", { costYtd: 250, priorYearCostYtd: 0 })] })), { rule: RULES.hiredUp.code, severity: "warning", sheet: "Februari", cell: "A2", figures: [250] });
    expect(f.message.en).toContain("a new cost this year");
  });

  it("needs more than 1 % and at least the minimum amount (near miss)", () => {
    const rows = [hired("Medicin", { costYtd: 101_000, priorYearCostYtd: 100_000 }), hired("Kirurgi", { costYtd: 1199, priorYearCostYtd: 1000 })];
    expect(hiredUp(inputOf(model, { hiredStaff: rows }))).toEqual([]);
  });
});
