import type { Analysis } from "../../core/engine";
import { keyFigures } from "../../core/keyFigures";
import { DEFAULT_SETTINGS } from "../../core/read/settings";
import type { Finding, Settings, WorkbookModel } from "../../core/types";
import type { BalansActions, Detection, RunOutcome } from "../actions";

/** Small hand-built data for component tests: one region, two months, a few findings. */

export const settings: Settings = {
  ...DEFAULT_SETTINGS,
  accounts: {
    ownStaff: [{ kind: "range", from: 7000, to: 7699 }],
    hiredDoctors: [
      { kind: "range", from: 6810, to: 6819 },
      { kind: "name", contains: "hyrläkare" },
    ],
    hiredNurses: [{ kind: "range", from: 6820, to: 6829 }],
    hiredOther: [{ kind: "range", from: 6800, to: 6899 }],
    consultants: [{ kind: "range", from: 6550, to: 6559 }],
    income: [{ kind: "range", from: 3000, to: 3999 }],
  },
};

export function detection(overrides: Partial<Detection> = {}): Detection {
  return {
    workbook: "Region Mittland 2024.xlsx",
    year: 2024,
    unit: "tkr",
    costSign: "positive",
    sheets: [
      { name: "Februari 2024", role: "report", month: 2 },
      { name: "Mars 2024", role: "report", month: 3 },
      { name: "Åtgärdsplan", role: "measures" },
      { name: "Programmål", role: "programmes" },
      { name: "Anteckningar", role: "other" },
    ],
    settings,
    settingsEditable: true,
    ...overrides,
  };
}

export function finding(severity: Finding["severity"], sheet: string, cell: string, sv: string, en: string, rule = "PLAUS-JUMP"): Finding {
  return { severity, rule, sheet, cell, message: { sv, en } };
}

export const sampleFindings: readonly Finding[] = [
  finding("error", "Mars 2024", "H12", "Summan stämmer inte: 1 200 mot 1 150", "The total does not add up: 1,200 against 1,150", "ARITH-TOTAL"),
  finding("error", "Februari 2024", "G7", "Felvärde #REF! i cellen", "Error value #REF! in the cell", "READ-ERROR-VALUE"),
  finding("warning", "Mars 2024", "P20", "Stor avvikelse utan kommentar", "Large variance without comment", "PLAUS-COMMENT-MISSING"),
  finding("warning", "Åtgärdsplan", "C4", "Åtgärd på okänt konto 9999", "Measure on unknown account 9999", "MEASURE-UNKNOWN-ACCOUNT"),
  finding("info", "Anteckningar", "A1", "Bladet läses inte", "The sheet is not read", "STRUCT-UNKNOWN-SHEET"),
];

const model: WorkbookModel = {
  workbook: "Region Mittland 2024.xlsx",
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
  measureSheet: "Åtgärdsplan",
  ownedSheets: [],
  otherSheets: ["Anteckningar"],
  findings: [],
};

export function analysis(findings: readonly Finding[] = sampleFindings): Analysis {
  return {
    model,
    findings,
    variance: [
      {
        division: "Psykiatri",
        category: "Egen personal",
        month: "2024-03",
        budget: 100,
        actual: 110,
        variance: -10,
        budgetYtd: 300,
        actualYtd: 312.5,
        varianceYtd: -12.5,
        priorYear: 95,
        priorYearYtd: 290,
        forecast: 1250,
        forecastSource: "runRate",
      },
    ],
    costCentres: [],
    measures: [
      {
        id: "A1",
        programme: "Program 1",
        division: "Psykiatri",
        description: "Minska hyrläkare",
        owner: "",
        plannedAnnual: 120,
        plannedYtd: 30,
        realisedYtd: 21,
        varianceYtd: -9,
        forecast: 84,
        status: "yellow",
        share: 1,
        baseline: "priorYear",
      },
    ],
    programmes: [],
    hiredStaff: [
      { division: "Region", profession: "all", month: "2024-03", cost: 20, costYtd: 58, ownStaffCostYtd: 1000, share: 0.058, priorYearCostYtd: 50 },
    ],
  };
}

export function outcome(findings: readonly Finding[] = sampleFindings): RunOutcome {
  const result = analysis(findings);
  return {
    analysis: result,
    sheets: [
      { kind: "variance", name: "Balans avvikelse" },
      { kind: "findings", name: "Balans fynd" },
    ],
    keyFigures: keyFigures(result),
  };
}

/** A fake host: every action a jest mock, resolving with the fixtures unless a test says otherwise. */
export function fakeActions(overrides: Partial<BalansActions> = {}): jest.Mocked<BalansActions> {
  return {
    detect: jest.fn(() => Promise.resolve(detection())),
    run: jest.fn((_choices, onStep: (step: "reading" | "checking" | "writing") => void) => {
      onStep("reading");
      onStep("checking");
      onStep("writing");
      return Promise.resolve(outcome());
    }),
    selectCell: jest.fn(() => Promise.resolve()),
    showSheet: jest.fn(() => Promise.resolve()),
    saveSettings: jest.fn(() => Promise.resolve()),
    ...overrides,
  } as jest.Mocked<BalansActions>;
}
