import { parseA1 } from "../../core/address";
import { detectWorkbook, runBalans, type Analysis } from "../../core/engine";
import { keyFigures } from "../../core/keyFigures";
import type { CellValue, Settings, WorkbookSnapshot } from "../../core/types";
import { planAsValues } from "../../cli/planAsValues";
import { isXlsxError } from "../../xlsx/errors";
import { newWorkbookFromPlan } from "../../xlsx/newWorkbook";
import { ownerMarks, readXlsx } from "../../xlsx/readXlsx";
import { openWorkbookPackage } from "../../xlsx/workbookPackage";
import { applyPlanToXlsx } from "../../xlsx/writeXlsx";
import { BalansError, type Detection, type RunChoices, type Step } from "../actions";
import { detectionFromModel } from "../detection";
import { settingsSheetPlan, type KnownSheet } from "../settingsSheet";
import type { CellPeek, RunReply, WorkbookFile } from "./protocol";
import { STANDALONE_TEXT } from "./texts";

/**
 * The stand-alone page's workbook, kept where the engine runs (the Web Worker): the
 * bytes of a working copy that changes as Excel's open workbook would — a run writes its
 * summary sheets into it, saving settings writes the settings sheet — so a second run
 * replaces the first one's sheets and reads the saved settings. The file the user opened
 * is never written: the working copy is what they download.
 */
export interface WorkbookSession {
  open(bytes: Uint8Array, name: string): Detection;
  detect(): Detection;
  run(choices: RunChoices, onStep: (step: Step) => void): RunReply;
  saveSettings(settings: Settings): WorkbookFile;
  peek(sheet: string, cell: string): CellPeek;
}

/** How many text cells of a row a peek reports: enough for division, cost centre and account name. */
const ROW_LABELS = 3;

interface Current {
  /** The name of the file the user opened. */
  readonly name: string;
  bytes: Uint8Array;
  /** The last snapshot read, for peeks (user sheets do not change in the working copy). */
  snapshot: WorkbookSnapshot;
  detection: Detection;
  /** Set when the result had to be a separate workbook (Strict); the working copy stays the input. */
  separate?: Uint8Array;
}

/** `Region.xlsx` → `Region-balans.xlsx`; a macro-enabled workbook keeps its extension, or Excel would refuse it. */
export function resultFileName(name: string, separate = false): string {
  const match = /^(.*?)(\.xls[xm])$/i.exec(name);
  const base = match ? match[1] : name;
  const extension = !separate && match ? match[2].toLowerCase() : ".xlsx";
  return `${base}-balans${extension}`;
}

function today(): { year: number; month: number } {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1 };
}

/** Sheet names and owner marks from the workbook part alone: no sheet is parsed. */
function knownSheets(bytes: Uint8Array): KnownSheet[] {
  const pkg = openWorkbookPackage(bytes);
  const marks = ownerMarks(pkg.definedNames);
  return pkg.sheets.map((sheet, index) => ({ name: sheet.name, ownerMark: marks.get(index) }));
}

/**
 * The pane needs findings, summaries and the model's sheet facts; the report's detail
 * rows can be hundreds of thousands of objects, and copying them to the page would
 * freeze it for seconds.
 */
function withoutDetailRows(analysis: Analysis): Analysis {
  return { ...analysis, model: { ...analysis.model, rows: [], totals: [] } };
}

function cellText(value: CellValue | undefined): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

export function createWorkbookSession(): WorkbookSession {
  let current: Current | null = null;

  const need = (): Current => {
    if (!current) throw new BalansError(STANDALONE_TEXT.noWorkbook);
    return current;
  };

  const read = (bytes: Uint8Array, name: string): { snapshot: WorkbookSnapshot; detection: Detection } => {
    const snapshot = readXlsx(bytes, { name });
    const model = detectWorkbook(snapshot, { language: "sv", today: today() });
    return { snapshot, detection: detectionFromModel(snapshot, model) };
  };

  // A copy the caller owns (the worker hands its buffer to the page), never the working copy itself.
  const file = (state: Current): WorkbookFile =>
    state.separate
      ? { name: resultFileName(state.name, true), bytes: state.separate.slice(), separate: true }
      : { name: resultFileName(state.name), bytes: state.bytes.slice(), separate: false };

  return {
    open(bytes, name) {
      // Whatever happens, the workbook opened before is no longer the one the user works on.
      current = null;
      try {
        const { snapshot, detection } = read(bytes, name);
        current = { name, bytes, snapshot, detection };
        return detection;
      } catch (error) {
        // A file that is not a workbook: say which file, and why, in the user's words.
        if (isXlsxError(error)) throw new BalansError(STANDALONE_TEXT.cannotOpen(name, error.message));
        throw error;
      }
    },

    detect() {
      const state = need();
      const { snapshot, detection } = read(state.bytes, state.name);
      state.snapshot = snapshot;
      state.detection = detection;
      return detection;
    },

    run(choices, onStep) {
      const state = need();
      onStep("reading");
      const snapshot = readXlsx(state.bytes, { name: state.name });
      state.snapshot = snapshot;
      onStep("checking");
      const result = runBalans(snapshot, {
        language: choices.language,
        reportSheets: choices.reportSheets,
        settings: { year: choices.year, unit: choices.unit },
        today: today(),
      });
      state.detection = detectionFromModel(snapshot, result.analysis.model);
      onStep("writing");
      try {
        state.bytes = applyPlanToXlsx(state.bytes, result.plan);
        state.separate = undefined;
      } catch (error) {
        // As the command line does: a Strict workbook is read but not written into.
        if (!isXlsxError(error) || error.code !== "strict-ooxml") throw error;
        state.separate = newWorkbookFromPlan(planAsValues(result.plan));
      }
      return {
        outcome: {
          analysis: withoutDetailRows(result.analysis),
          sheets: result.plan.sheets.map((sheet) => ({ kind: sheet.kind, name: sheet.name })),
          keyFigures: keyFigures(result.analysis),
        },
        result: file(state),
      };
    },

    saveSettings(settings) {
      const state = need();
      if (!state.detection.settingsEditable) throw new BalansError(STANDALONE_TEXT.settingsNotOurs);
      state.bytes = applyPlanToXlsx(state.bytes, settingsSheetPlan(settings, knownSheets(state.bytes)));
      return file(state);
    },

    peek(sheet, cell) {
      const { snapshot } = need();
      const found = snapshot.sheets.find((s) => s.name === sheet);
      // A range (`H12:H14`) is peeked at its first cell.
      const at = parseA1(cell.split(":")[0]);
      if (!found || !at) return { sheet, cell, value: undefined, rowLabels: [] };
      const row = found.rows[at.row - found.top];
      const inRange = row !== undefined && at.column >= found.left;
      const value = inRange ? (row[at.column - found.left] ?? null) : null;
      const rowLabels = (row ?? []).map(cellText).filter((text): text is string => text !== undefined).slice(0, ROW_LABELS);
      return { sheet, cell, value, rowLabels };
    },
  };
}
