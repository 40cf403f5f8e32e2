import { detectWorkbook, runBalans } from "../core/engine";
import { keyFigures } from "../core/keyFigures";
import type { Settings, WorkbookSnapshot } from "../core/types";
import { applyPlan } from "../excel/applyPlan";
import { officeErrorMessage } from "../excel/errors";
import { fingerprint, sourceSheets, unchangedSince, WorkbookChangedError } from "../excel/fingerprint";
import { hostExcelRun, type ExcelRun } from "../excel/host";
import { readSnapshot } from "../excel/readWorkbook";
import { BalansError, type BalansActions, type Detection } from "./actions";
import { detectionFromModel } from "./detection";
import { sharedRunLock, type RunLock } from "./runLock";
import { settingsSheetPlan, type KnownSheet } from "./settingsSheet";

const OPEN_IN_EXCEL = { sv: "Öppna Balans i Excel.", en: "Open Balans in Excel." };

const SETTINGS_NOT_OURS = {
  sv: "Inställningarna finns i ett blad som är ditt eget. Balans ändrar aldrig dina blad: ändra värdena där.",
  en: "The settings are on a sheet of your own. Balans never changes your sheets: change the values there.",
};

function today(): { year: number; month: number } {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1 };
}

/** Let the pane paint the new step before the engine keeps the thread busy. */
function yieldToPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Errors for the user: ours as they are, Office's by their stable code, anything else generic. */
function forUser(error: unknown): BalansError {
  if (error instanceof BalansError) return error;
  if (error instanceof WorkbookChangedError) return new BalansError(error.userMessage);
  // The user sees a plain message; the developer console keeps what really happened.
  console.error(error);
  return new BalansError(officeErrorMessage(error).message);
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw forUser(error);
  }
}

/**
 * The task pane's actions inside Excel: read the workbook into a snapshot, run the pure
 * engine, apply its write plan; jump to cells and sheets. `run` is `Excel.run` in
 * production and the strict fake's `run` in tests.
 *
 * Runs and settings saves hold `lock` (one at a time, shared with the ribbon command; a
 * second is refused). A run writes only if the sheets its figures came from still hold
 * the values it read (checked in the write's own `Excel.run`, see fingerprint.ts).
 */
export function createOfficeActions(run: ExcelRun | null = hostExcelRun(), lock: RunLock = sharedRunLock()): BalansActions {
  // What the last read saw, so saving settings need not read every sheet again. Applying
  // a plan checks owner marks itself, so a stale list can never overwrite a user's sheet.
  let known: { sheets: readonly KnownSheet[]; settingsSheet?: string; settingsEditable: boolean } | null = null;

  const excel = (): ExcelRun => {
    if (!run) throw new BalansError(OPEN_IN_EXCEL);
    return run;
  };

  const remember = (snapshot: WorkbookSnapshot, detection: Detection) => {
    known = {
      sheets: snapshot.sheets.map((sheet) => ({ name: sheet.name, ownerMark: sheet.ownerMark })),
      settingsSheet: detection.sheets.find((sheet) => sheet.role === "settings")?.name,
      settingsEditable: detection.settingsEditable,
    };
  };

  const detect = async (): Promise<Detection> => {
    const snapshot = await readSnapshot(excel());
    const model = await detectWorkbook(snapshot, { language: "sv", today: today() });
    const detection = detectionFromModel(snapshot, model);
    remember(snapshot, detection);
    return detection;
  };

  return {
    detect: () => guarded(detect),

    run: (choices, onStep) =>
      guarded(() =>
        lock.withLock(async () => {
          onStep("reading");
          const snapshot = await readSnapshot(excel());
          onStep("checking");
          await yieldToPaint();
          const result = await runBalans(snapshot, {
            language: choices.language,
            reportSheets: choices.reportSheets,
            settings: { year: choices.year, unit: choices.unit },
            today: today(),
          });
          remember(snapshot, detectionFromModel(snapshot, result.analysis.model));
          const sources = sourceSheets(result.analysis.model);
          const read = fingerprint(snapshot, sources);
          onStep("writing");
          await yieldToPaint();
          // The adapter may write under another name than planned (a user's sheet took it).
          const written = await applyPlan(excel(), result.plan, { beforeWrite: unchangedSince(read, sources) });
          return {
            analysis: result.analysis,
            sheets: written.sheets,
            keyFigures: keyFigures(result.analysis),
          };
        }),
      ),

    selectCell: (sheet, cell) =>
      guarded(() =>
        excel()(async (context) => {
          context.workbook.worksheets.getItem(sheet).getRange(cell).select();
          await context.sync();
        }),
      ),

    showSheet: (name) =>
      guarded(() =>
        excel()(async (context) => {
          context.workbook.worksheets.getItem(name).activate();
          await context.sync();
        }),
      ),

    saveSettings: (settings: Settings) =>
      guarded(() =>
        lock.withLock(async () => {
          if (!known) await detect();
          const current = known!;
          if (!current.settingsEditable) throw new BalansError(SETTINGS_NOT_OURS);
          await applyPlan(excel(), settingsSheetPlan(settings, current.sheets));
          // The sheet now exists and is ours; find it by its mark on the next save.
          known = null;
        }),
      ),
  };
}
