import type { ReportSheetLayout, SheetSnapshot, WorkbookModel, WorkbookSnapshot } from "../core/types";
import { detectionFromModel, settingsEditable } from "./detection";
import { settings } from "./testing/fixtures";

function sheet(name: string, extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return { name, top: 0, left: 0, rows: [], visibility: "visible", ...extra };
}

function layout(name: string, sheetIndex: number, month?: number): ReportSheetLayout {
  return {
    sheet: name,
    sheetIndex,
    shape: month === undefined ? "ledger" : "month",
    ...(month === undefined ? {} : { month }),
    headerRow: 3,
    columns: {},
    firstDataRow: 4,
    lastDataRow: 10,
    extraColumns: [],
    signFlipped: false,
  };
}

const snapshot: WorkbookSnapshot = {
  name: "Region.xlsx",
  date1904: false,
  sheets: [
    sheet("Januari 2024"),
    sheet("Huvudbok 2024"),
    sheet("Åtgärder"),
    sheet("Program"),
    sheet("Balans inställningar"),
    sheet("Balans avvikelse", { ownerMark: "balans:variance" }),
    sheet("Anteckningar", { visibility: "hidden" }),
    sheet("Makron", { visibility: "veryHidden" }),
  ],
};

const model: WorkbookModel = {
  workbook: "Region.xlsx",
  year: 2024,
  unit: "tkr",
  unitSource: "header",
  costSign: "negative",
  costSignSource: "settings",
  settings,
  reportSheets: [layout("Januari 2024", 0, 1), layout("Huvudbok 2024", 1)],
  rows: [],
  totals: [],
  months: [1],
  latestMonth: 1,
  measures: [],
  programmes: [{ name: "Program 1", target: 1000, sheet: "Program", row: 1, targetCell: "B2" }],
  measureSheet: "Åtgärder",
  settingsSheet: "Balans inställningar",
  ownedSheets: [{ name: "Balans avvikelse", kind: "variance" }],
  otherSheets: ["Anteckningar", "Makron"],
  findings: [],
};

describe("detectionFromModel", () => {
  it("gives every sheet the user can see its role, in tab order, with the month of month sheets", () => {
    const detection = detectionFromModel(snapshot, model);
    expect(detection.sheets).toEqual([
      { name: "Januari 2024", role: "report", month: 1 },
      { name: "Huvudbok 2024", role: "report" },
      { name: "Åtgärder", role: "measures" },
      { name: "Program", role: "programmes" },
      { name: "Balans inställningar", role: "settings" },
      { name: "Balans avvikelse", role: "owned" },
      { name: "Anteckningar", role: "other" },
    ]);
    expect(detection).toMatchObject({ workbook: "Region.xlsx", year: 2024, unit: "tkr", costSign: "negative", settings });
  });

  it("makes the settings read-only when the settings sheet is the user's own", () => {
    expect(detectionFromModel(snapshot, model).settingsEditable).toBe(false);
  });

  it("makes the settings editable when Balans wrote the settings sheet, or when there is none", () => {
    const owned: WorkbookSnapshot = {
      ...snapshot,
      sheets: snapshot.sheets.map((s) => (s.name === "Balans inställningar" ? { ...s, ownerMark: "balans:settings" } : s)),
    };
    expect(settingsEditable(owned, model)).toBe(true);
    expect(settingsEditable(snapshot, { ...model, settingsSheet: undefined })).toBe(true);
  });
});
