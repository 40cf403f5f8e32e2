import { ownerMark, type WorkbookModel, type WorkbookSnapshot } from "../core/types";
import type { DetectedSheet, Detection } from "./actions";

/**
 * What the pane shows before a run: every sheet the user can see with the role the
 * reader gave it, in tab order. Very hidden sheets belong to other add-ins and are left out.
 */
export function detectionFromModel(snapshot: WorkbookSnapshot, model: WorkbookModel): Detection {
  const reportMonths = new Map(model.reportSheets.map((layout) => [layout.sheet, layout.month]));
  const programmeSheets = new Set(model.programmes.map((programme) => programme.sheet));
  const sheets: DetectedSheet[] = [];
  for (const sheet of snapshot.sheets) {
    if (sheet.visibility === "veryHidden") continue;
    const name = sheet.name;
    if (reportMonths.has(name)) {
      const month = reportMonths.get(name);
      sheets.push(month === undefined ? { name, role: "report" } : { name, role: "report", month });
    } else if (name === model.settingsSheet) sheets.push({ name, role: "settings" });
    else if (name === model.measureSheet) sheets.push({ name, role: "measures" });
    else if (programmeSheets.has(name)) sheets.push({ name, role: "programmes" });
    else if (sheet.ownerMark?.startsWith("balans:")) sheets.push({ name, role: "owned" });
    else sheets.push({ name, role: "other" });
  }
  return {
    workbook: model.workbook,
    year: model.year,
    unit: model.unit,
    costSign: model.costSign,
    sheets,
    settings: model.settings,
    settingsEditable: settingsEditable(snapshot, model),
  };
}

/** Balans edits its settings only on a sheet it wrote itself, or writes a new one when there is none. */
export function settingsEditable(snapshot: WorkbookSnapshot, model: WorkbookModel): boolean {
  if (model.settingsSheet === undefined) return true;
  return snapshot.sheets.some((sheet) => sheet.name === model.settingsSheet && sheet.ownerMark === ownerMark("settings"));
}
