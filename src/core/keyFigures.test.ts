import type { Analysis } from "./engine";
import { keyFigures } from "./keyFigures";
import { DEFAULT_SETTINGS } from "./read/settings";
import type { Finding, HiredStaffRow, MeasureRow, ProgrammeRow, Settings, VarianceRow, WorkbookModel } from "./types";

// The defaults, without account groups: key figures read only the summaries.
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  accounts: { ownStaff: [], hiredDoctors: [], hiredNurses: [], hiredOther: [], consultants: [], income: [] },
};

const model: WorkbookModel = {
  workbook: "Region.xlsx",
  year: 2024,
  unit: "tkr",
  unitSource: "header",
  costSign: "positive",
  costSignSource: "detected",
  settings,
  reportSheets: [],
  rows: [],
  totals: [],
  months: [2, 3],
  latestMonth: 3,
  measures: [],
  programmes: [],
  ownedSheets: [],
  otherSheets: [],
  findings: [],
};

function variance(division: string, category: string, month: string, budgetYtd: number, actualYtd: number): VarianceRow {
  return {
    division,
    category,
    month,
    budget: 0,
    actual: 0,
    variance: 0,
    budgetYtd,
    actualYtd,
    varianceYtd: budgetYtd - actualYtd,
    priorYear: 0,
    priorYearYtd: 0,
    forecast: 0,
    forecastSource: "runRate",
  };
}

function measure(id: string, plannedYtd: number, realisedYtd: number): MeasureRow {
  return {
    id,
    programme: "",
    division: "Psykiatri",
    description: id,
    owner: "",
    plannedAnnual: plannedYtd * 4,
    plannedYtd,
    realisedYtd,
    varianceYtd: realisedYtd - plannedYtd,
    forecast: 0,
    status: "green",
    share: 1,
    baseline: "budget",
  };
}

function programme(name: string, plannedYtd: number, realisedYtd: number): ProgrammeRow {
  return { programme: name, target: null, plannedAnnual: plannedYtd * 4, plannedYtd, realisedYtd, varianceYtd: realisedYtd - plannedYtd, forecast: 0, status: "yellow" };
}

function hired(division: string, profession: HiredStaffRow["profession"], month: string, share: number): HiredStaffRow {
  return { division, profession, month, cost: 0, costYtd: 0, ownStaffCostYtd: 0, share, priorYearCostYtd: 0 };
}

function finding(severity: Finding["severity"]): Finding {
  return { severity, rule: "X", sheet: "Mars 2024", cell: "A1", message: { sv: "x", en: "x" } };
}

function analysis(parts: Partial<Analysis>): Analysis {
  return { model, findings: [], variance: [], costCentres: [], measures: [], programmes: [], hiredStaff: [], ...parts };
}

describe("keyFigures", () => {
  it("sums the latest month's variance rows over divisions, leaving out earlier months and region rows", () => {
    const figures = keyFigures(
      analysis({
        variance: [
          variance("Psykiatri", "Egen personal", "2024-02", 100, 90),
          variance("Psykiatri", "Egen personal", "2024-03", 150, 160),
          variance("Psykiatri", "Inhyrd personal", "2024-03", 20, 35),
          variance("Primärvård", "Egen personal", "2024-03", 300, 280),
          variance("Region", "Egen personal", "2024-03", 450, 440),
        ],
      }),
    );
    expect(figures.month).toBe("2024-03");
    expect(figures.budgetYtd).toBe(470);
    expect(figures.actualYtd).toBe(475);
    expect(figures.varianceYtd).toBe(-5);
    expect(figures.unit).toBe("tkr");
  });

  it("takes savings from programmes when there are any, so measures are not counted twice", () => {
    const figures = keyFigures(
      analysis({
        measures: [measure("A1", 10, 8), measure("A2", 30, 12)],
        programmes: [programme("Program 1", 40, 20), programme("Program 2", 5, 6)],
      }),
    );
    expect(figures.plannedYtd).toBe(45);
    expect(figures.realisedYtd).toBe(26);
  });

  it("takes savings from measures when the workbook has no programmes", () => {
    const figures = keyFigures(analysis({ measures: [measure("A1", 10, 8), measure("A2", 30, 12)] }));
    expect(figures.plannedYtd).toBe(40);
    expect(figures.realisedYtd).toBe(20);
  });

  it("reads the hired-staff share from the region row for all professions in the latest month", () => {
    const figures = keyFigures(
      analysis({
        variance: [variance("Psykiatri", "Egen personal", "2024-03", 1, 1)],
        hiredStaff: [
          hired("Region", "all", "2024-02", 0.05),
          hired("Region", "doctors", "2024-03", 0.03),
          hired("Psykiatri", "all", "2024-03", 0.09),
          hired("Region", "all", "2024-03", 0.041),
        ],
        model: { ...model, settings: { ...settings, hiredShareTarget: 0.025, hiredShareDenominator: "allStaff" } },
      }),
    );
    expect(figures.hiredShare).toBe(0.041);
    expect(figures.hiredShareTarget).toBe(0.025);
    expect(figures.hiredShareDenominator).toBe("allStaff");
  });

  it("counts findings by severity", () => {
    const figures = keyFigures(analysis({ findings: [finding("error"), finding("warning"), finding("warning"), finding("info")] }));
    expect(figures.counts).toEqual({ error: 1, warning: 2, info: 1 });
  });

  it("gives zeros and an empty month for an analysis with no rows", () => {
    const figures = keyFigures(analysis({}));
    expect(figures).toMatchObject({ month: "", budgetYtd: 0, actualYtd: 0, varianceYtd: 0, plannedYtd: 0, realisedYtd: 0, hiredShare: 0 });
    expect(figures.counts).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it("falls back to the hired-staff rows for the month when there are no variance rows", () => {
    const figures = keyFigures(analysis({ hiredStaff: [hired("Region", "all", "2024-01", 0.01), hired("Region", "all", "2024-04", 0.02)] }));
    expect(figures.month).toBe("2024-04");
    expect(figures.hiredShare).toBe(0.02);
  });
});
